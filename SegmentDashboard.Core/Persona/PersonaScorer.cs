using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Explain;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Core.Persona;

/// <summary>One control of the persona tester: a numeric feature (range and median) or a categorical one (levels and mode).</summary>
public sealed record PersonaInput(string Column, bool IsNumeric, double Min, double Max, double Median, ImmutableArray<string> Levels, string Mode);

/// <summary>A made-up customer: a number per numeric feature column, a level per categorical one.</summary>
public sealed record PersonaValues(ImmutableDictionary<string, double> Numbers, ImmutableDictionary<string, string> Levels);

/// <summary>Where a persona lands: its segment, the rule path of its tree leaf and its distance to each segment centre (scaled space).</summary>
/// <param name="Segment">As <see cref="SegmentationService.AssignToSegments"/> assigns the one-row persona file.</param>
/// <param name="Path">The merged conditions of the explanation tree's leaf it reaches; empty when there is no explanation.</param>
/// <param name="Distances">Euclidean distance to centroid c (segment c) in the saved encoding and scaling.</param>
public sealed record PersonaOutcome(int Segment, ImmutableArray<RuleCondition> Path, int? PathSegment, ImmutableArray<double> Distances);

/// <summary>The persona tester's logic: the controls a result offers and where a persona falls.</summary>
public static class PersonaScorer
{
    /// <summary>One input per numeric or categorical source column of the result's features, in feature order.</summary>
    public static ImmutableArray<PersonaInput> Inputs(SegmentationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var inputs = ImmutableArray.CreateBuilder<PersonaInput>();
        foreach (var name in result.Prepared.Features.Select(f => f.SourceColumn).Distinct(StringComparer.Ordinal))
        {
            switch (result.Dataset.Find(name))
            {
                case NumericColumn numeric:
                    var values = numeric.Values.Where(double.IsFinite).ToArray();
                    Array.Sort(values);
                    if (values.Length > 0)
                    {
                        var middle = values.Length / 2;
                        var median = values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
                        inputs.Add(new PersonaInput(name, true, values[0], values[^1], median, [], string.Empty));
                    }

                    break;
                case CategoricalColumn categorical when !categorical.Levels.IsEmpty:
                    var counts = new int[categorical.Levels.Length];
                    foreach (var code in categorical.Codes)
                    {
                        if (code >= 0)
                        {
                            counts[code]++;
                        }
                    }

                    // The most frequent level; the first of equally frequent ones.
                    var mode = Array.IndexOf(counts, counts.Max());
                    inputs.Add(new PersonaInput(name, false, double.NaN, double.NaN, double.NaN, categorical.Levels, categorical.Levels[mode]));
                    break;
            }
        }

        return inputs.ToImmutable();
    }

    /// <summary>The starting persona: medians and modes.</summary>
    public static PersonaValues Typical(IEnumerable<PersonaInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var list = inputs.ToArray();
        return new PersonaValues(
            list.Where(i => i.IsNumeric).ToImmutableDictionary(i => i.Column, i => i.Median, StringComparer.Ordinal),
            list.Where(i => !i.IsNumeric).ToImmutableDictionary(i => i.Column, i => i.Mode, StringComparer.Ordinal));
    }

    /// <summary>Scores a persona against <paramref name="result"/>.</summary>
    public static PersonaOutcome Score(SegmentationResult result, PersonaValues persona)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(persona);
        var row = PersonaRow(result.Dataset, persona);
        var segment = SegmentationService.AssignToSegments(result, row)[0];
        var distances = Distances(result, row);
        if (result.Explanation is not { } explanation)
        {
            return new PersonaOutcome(segment, [], null, distances);
        }

        var tree = explanation.Tree;
        var leaf = tree.LeafOf(f => TreeValue(tree.Features[f], persona));
        var node = tree.Nodes[leaf];
        return new PersonaOutcome(segment, explanation.LeafConditions[leaf], tree.Classes.IsEmpty ? null : tree.Classes[node.Majority], distances);
    }

    /// <summary>A one-row dataset with the persona's values in the original columns' shapes (other columns missing).</summary>
    public static Dataset PersonaRow(Dataset dataset, PersonaValues persona)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(persona);
        var columns = dataset.Columns.Select(column => column switch
        {
            NumericColumn numeric => (Column)(numeric with { Values = [persona.Numbers.GetValueOrDefault(numeric.Name, double.NaN)] }),
            CategoricalColumn categorical => categorical with
            {
                Codes = [persona.Levels.TryGetValue(categorical.Name, out var level) ? categorical.Levels.IndexOf(level) : -1],
            },
            _ => new TextColumn(column.Name, ColumnKind.Text, [null]),
        }).ToImmutableArray();
        return new Dataset(dataset.Name, columns, 1, dataset.Dialect, []);
    }

    /// <summary>
    /// Distance of the one-row <paramref name="row"/> to each centroid, encoded as the assigner
    /// encodes a complete row (number as is, a level feature 1 when the row has that level, the
    /// "other levels" feature 1 when its level is not a kept one), then centred and scaled.
    /// </summary>
    private static ImmutableArray<double> Distances(SegmentationResult result, Dataset row)
    {
        var features = result.Prepared.Features;
        var kept = features.Where(f => f.Level is not null).GroupBy(f => f.SourceColumn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Level!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var point = features.Select(feature =>
        {
            var column = row.Find(feature.SourceColumn);
            double value;
            if (feature.Level is null)
            {
                value = column is NumericColumn numeric ? numeric.Values[0] : double.NaN;
            }
            else
            {
                var level = column is null || column.IsMissing(0) ? null : column.Format(0);
                value = feature.Level is Preprocessing.Preprocessor.OtherLevel or "Other levels"
                    ? (level is not null && !kept[feature.SourceColumn].Contains(level) ? 1 : 0)
                    : (level == feature.Level ? 1 : 0);
            }

            return (value - feature.Center) / feature.Scale;
        }).ToArray();
        return Enumerable.Range(0, result.Centroids.Rows).Select(c =>
        {
            var centre = result.Centroids.Row(c);
            var sum = 0.0;
            for (var j = 0; j < point.Length; j++)
            {
                var diff = point[j] - centre[j];
                sum += diff * diff;
            }

            return Math.Sqrt(sum);
        }).ToImmutableArray();
    }

    private static double TreeValue(TreeFeature feature, PersonaValues persona)
    {
        if (!feature.IsCategorical)
        {
            return persona.Numbers.GetValueOrDefault(feature.Name, double.NaN);
        }

        var index = persona.Levels.TryGetValue(feature.Name, out var level) ? feature.Levels.IndexOf(level) : -1;
        return index < 0 ? double.NaN : index;
    }
}
