using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Core.Profiling;

/// <summary>Builds segment profiles, names, descriptions and playbooks from a labelled dataset.</summary>
/// <remarks>
/// The population is every row with a label ≥ 0 (noise and dropped rows are left out). Numeric,
/// boolean and date features give a <see cref="FeatureTrait"/> per segment, in original units:
/// effect size = (segment mean - population mean) / population standard deviation (the n
/// denominator, as the z-score scaling uses; 0 when the population has no spread); missing values
/// are skipped. Categorical and multi-valued features give <see cref="CategoryShare"/>s: the share
/// of the segment's rows (with a value) that hold the level vs the same share in the population;
/// a level is listed when at least min(5, 5% of the segment) of the segment's rows hold it.
/// </remarks>
public static class SegmentProfiler
{
    /// <param name="dataset">The original data (profiles speak in original units).</param>
    /// <param name="rowLabels">One label per dataset row; -1 rows (noise, dropped) are not in any segment.</param>
    /// <param name="features">Dataset columns to describe (the ones used for clustering).</param>
    public static ImmutableArray<SegmentProfile> Build(Dataset dataset, ReadOnlySpan<int> rowLabels, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(features);
        if (rowLabels.Length != dataset.RowCount)
        {
            throw new ArgumentException($"Expected one label per row ({dataset.RowCount}), got {rowLabels.Length}.", nameof(rowLabels));
        }

        var missing = features.FirstOrDefault(name => dataset.Find(name) is null);
        if (missing is not null)
        {
            throw new ArgumentException($"The dataset has no column named '{missing}'.", nameof(features));
        }

        var labels = rowLabels.ToArray();
        var ids = labels.Where(label => label >= 0).Distinct().Order().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var slot = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var segmentOf = labels.Select(label => label >= 0 ? slot[label] : -1).ToArray();
        var sizes = new int[ids.Length];
        foreach (var s in segmentOf)
        {
            if (s >= 0)
            {
                sizes[s]++;
            }
        }

        var labelled = sizes.Sum();
        var columns = features.Distinct(StringComparer.Ordinal).Select(name => dataset[name]).ToList();
        var traits = ids.Select(_ => new List<FeatureTrait>()).ToArray();
        var mixes = ids.Select(_ => new List<CategoryShare>()).ToArray();
        foreach (var column in columns)
        {
            switch (column)
            {
                case NumericColumn numeric:
                    AddTraits(numeric, segmentOf, traits);
                    break;
                case CategoricalColumn or MultiCategoricalColumn:
                    AddShares(column, segmentOf, sizes, mixes);
                    break;
            }
        }

        var categoryColumn = PlaybookBuilder.FindCategoryColumn(dataset, columns);

        // Names and playbooks only speak of columns a marketer would: never an identifier, a date
        // part, contact details, a status or free text, even when the user clustered on one.
        var unspeakable = columns.Where(c => ColumnMeanings.Of(dataset, c).NeverFeature).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var booleans = columns.Where(c => c.Kind == ColumnKind.Boolean).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var drafts = new List<SegmentProfile>(ids.Length);
        for (var s = 0; s < ids.Length; s++)
        {
            var ordered = traits[s].OrderByDescending(t => Math.Abs(t.EffectSize)).ThenBy(t => t.Feature, StringComparer.Ordinal).ToImmutableArray();
            var mix = mixes[s].OrderByDescending(c => c.Lift).ThenByDescending(c => c.SegmentShare).ToImmutableArray();
            var topCategories = categoryColumn is null ? [] : PlaybookBuilder.TopCategories(categoryColumn, segmentOf, s);
            var draft = new SegmentProfile(ids[s], string.Empty, string.Empty, sizes[s], sizes[s] / (double)labelled, ordered, mix,
                new Playbook(string.Empty, string.Empty, topCategories, []));
            var speakable = unspeakable.Count == 0 ? draft : draft with
            {
                Traits = [.. ordered.Where(t => !unspeakable.Contains(t.Feature))],
                CategoryMix = [.. mix.Where(c => !unspeakable.Contains(c.Column))],
            };
            drafts.Add(draft with
            {
                Description = SegmentNamer.Describe(speakable, booleans, categoryColumn?.Name, dataset.ChosenLabels),
                Playbook = PlaybookBuilder.Build(speakable, topCategories),
            });
        }

        var names = SegmentNamer.UniqueNames(
            unspeakable.Count == 0 ? drafts : [.. drafts.Select(d => d with { Traits = [.. d.Traits.Where(t => !unspeakable.Contains(t.Feature))], CategoryMix = [.. d.CategoryMix.Where(c => !unspeakable.Contains(c.Column))] })],
            categoryColumn?.Name,
            dataset.ChosenLabels);
        return drafts.Select((profile, s) => profile with { Name = names[s] }).ToImmutableArray();
    }

    private static void AddTraits(NumericColumn column, int[] segmentOf, List<FeatureTrait>[] traits)
    {
        var perSegment = traits.Select(_ => new List<double>()).ToArray();
        var population = new List<double>();
        for (var row = 0; row < segmentOf.Length; row++)
        {
            var value = column.Values[row];
            if (segmentOf[row] < 0 || double.IsNaN(value))
            {
                continue;
            }

            perSegment[segmentOf[row]].Add(value);
            population.Add(value);
        }

        if (population.Count == 0)
        {
            return;
        }

        var mean = population.Average();
        var std = Math.Sqrt(population.Sum(value => (value - mean) * (value - mean)) / population.Count);
        var median = Quantiles.Median(CollectionsMarshal.AsSpan(population));
        for (var s = 0; s < traits.Length; s++)
        {
            var values = perSegment[s];
            var segmentMean = values.Count == 0 ? double.NaN : values.Average();
            var effect = values.Count == 0 ? double.NaN : std > 0 ? (segmentMean - mean) / std : 0;
            traits[s].Add(new FeatureTrait(column.Name, segmentMean, Quantiles.Median(CollectionsMarshal.AsSpan(values)), mean, median, effect));
        }
    }

    private static void AddShares(Column column, int[] segmentOf, int[] sizes, List<CategoryShare>[] mixes)
    {
        var levels = column switch
        {
            CategoricalColumn c => c.Levels,
            MultiCategoricalColumn m => m.Levels,
            _ => [],
        };
        var segmentCounts = new int[sizes.Length, levels.Length];
        var populationCounts = new int[levels.Length];
        var segmentRows = new int[sizes.Length];
        var populationRows = 0;
        for (var row = 0; row < segmentOf.Length; row++)
        {
            var s = segmentOf[row];
            if (s < 0 || column.IsMissing(row))
            {
                continue;
            }

            segmentRows[s]++;
            populationRows++;
            var single = SingleCode(column, row);
            if (single >= 0)
            {
                segmentCounts[s, single]++;
                populationCounts[single]++;
                continue;
            }

            foreach (var code in Codes(column, row))
            {
                segmentCounts[s, code]++;
                populationCounts[code]++;
            }
        }

        for (var s = 0; s < sizes.Length; s++)
        {
            var minimum = Math.Max(1, Math.Min(5, (int)Math.Ceiling(0.05 * sizes[s])));
            for (var level = 0; level < levels.Length; level++)
            {
                if (segmentCounts[s, level] < minimum || populationCounts[level] == 0)
                {
                    continue;
                }

                mixes[s].Add(new CategoryShare(
                    column.Name,
                    levels[level],
                    segmentCounts[s, level] / (double)segmentRows[s],
                    populationCounts[level] / (double)populationRows));
            }
        }
    }

    /// <summary>Level codes present in a row (distinct).</summary>
    internal static IEnumerable<int> Codes(Column column, int row) => column switch
    {
        CategoricalColumn c when c.Codes[row] >= 0 => [c.Codes[row]],
        MultiCategoricalColumn m when !m.Codes[row].IsDefaultOrEmpty => m.Codes[row].Length == 1 ? m.Codes[row] : m.Codes[row].Distinct(),
        _ => [],
    };

    /// <summary>The code of a categorical row (-1 when missing), without allocating; -2 for other column kinds.</summary>
    internal static int SingleCode(Column column, int row) => column is CategoricalColumn c ? c.Codes[row] : -2;
}
