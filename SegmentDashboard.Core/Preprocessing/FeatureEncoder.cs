using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Core.Preprocessing;

/// <summary>One unscaled matrix column: values for the kept rows, after imputation and encoding.</summary>
internal sealed record EncodedFeature(string Name, string SourceColumn, string? Level, double[] Values);

/// <summary>Imputes and encodes one dataset column over the kept rows.</summary>
internal static class FeatureEncoder
{
    public static IEnumerable<EncodedFeature> Encode(Column column, int[] rows, PreprocessingOptions options) => column switch
    {
        NumericColumn numeric => [EncodeNumeric(numeric, rows, options)],
        CategoricalColumn categorical => EncodeCategorical(categorical, rows, options),
        MultiCategoricalColumn multi => EncodeMulti(multi, rows, options),
        _ => throw new ArgumentException($"'{column.Name}' ({column.Kind}) cannot be encoded as a feature.", nameof(column)),
    };

    private static EncodedFeature EncodeNumeric(NumericColumn column, int[] rows, PreprocessingOptions options)
    {
        var values = new double[rows.Length];
        var missing = false;
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = column.Values[rows[i]];
            missing |= double.IsNaN(values[i]);
        }

        if (missing)
        {
            var fill = NumericFill(values, options);
            for (var i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i]))
                {
                    values[i] = fill;
                }
            }
        }

        return new EncodedFeature(column.Name, column.Name, null, values);
    }

    private static double NumericFill(double[] values, PreprocessingOptions options)
    {
        var present = values.Where(value => !double.IsNaN(value)).ToArray();
        switch (options.Missing)
        {
            case MissingValueStrategy.Mean:
                return FeatureScaling.Mean(present);
            case MissingValueStrategy.Median:
                return Quantiles.Median(present);
            case MissingValueStrategy.MostFrequent:
                // Ties go to the smallest value, as scikit-learn's SimpleImputer does.
                return present.GroupBy(value => value)
                    .OrderByDescending(group => group.Count()).ThenBy(group => group.Key)
                    .First().Key;
            case MissingValueStrategy.Constant:
                return options.ConstantFill;
            default:
                throw new InvalidOperationException("Rows with missing values should have been dropped.");
        }
    }

    private static IEnumerable<EncodedFeature> EncodeCategorical(CategoricalColumn column, int[] rows, PreprocessingOptions options)
    {
        // Code per kept row after imputation; MissingCode stands for the "(missing)" level.
        var counts = new int[column.Levels.Length + 1];
        var missingCode = column.Levels.Length;
        var codes = new int[rows.Length];
        var anyMissing = false;
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = column.Codes[rows[i]];
            if (codes[i] < 0)
            {
                anyMissing = true;
            }
            else
            {
                counts[codes[i]]++;
            }
        }

        if (anyMissing)
        {
            var fill = options.Missing == MissingValueStrategy.Constant ? missingCode : MostFrequent(counts.AsSpan(0, missingCode));
            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i] < 0)
                {
                    codes[i] = fill;
                    counts[fill]++;
                }
            }
        }

        var kept = KeptLevels(counts, options.MaxLevels, out var hasOther);
        var slot = Enumerable.Repeat(-1, counts.Length).ToArray();
        for (var k = 0; k < kept.Count; k++)
        {
            slot[kept[k]] = k;
        }

        var outputs = kept.Count + (hasOther ? 1 : 0);
        var columns = new double[outputs][];
        for (var k = 0; k < outputs; k++)
        {
            columns[k] = new double[rows.Length];
        }

        for (var i = 0; i < codes.Length; i++)
        {
            columns[slot[codes[i]] >= 0 ? slot[codes[i]] : kept.Count][i] = 1;
        }

        return Named(column.Name, kept.Select(code => LevelName(column.Levels, code)).ToList(), hasOther, columns);
    }

    private static IEnumerable<EncodedFeature> EncodeMulti(MultiCategoricalColumn column, int[] rows, PreprocessingOptions options)
    {
        var missingCode = column.Levels.Length;
        var counts = new int[column.Levels.Length + 1];
        var anyMissing = false;
        foreach (var row in rows)
        {
            var cell = column.Codes[row];
            if (cell.IsDefaultOrEmpty)
            {
                anyMissing = true;
                continue;
            }

            foreach (var code in cell.Distinct())
            {
                counts[code]++;
            }
        }

        var fill = -1;
        if (anyMissing)
        {
            fill = options.Missing == MissingValueStrategy.Constant ? missingCode : MostFrequent(counts.AsSpan(0, missingCode));
            counts[fill] += rows.Count(row => column.Codes[row].IsDefaultOrEmpty);
        }

        var kept = KeptLevels(counts, options.MaxLevels, out var hasOther);
        var slot = Enumerable.Repeat(-1, counts.Length).ToArray();
        for (var k = 0; k < kept.Count; k++)
        {
            slot[kept[k]] = k;
        }

        var outputs = kept.Count + (hasOther ? 1 : 0);
        var columns = new double[outputs][];
        for (var k = 0; k < outputs; k++)
        {
            columns[k] = new double[rows.Length];
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var cell = column.Codes[rows[i]];
            IEnumerable<int> present = cell.IsDefaultOrEmpty ? [fill] : cell;
            foreach (var code in present)
            {
                columns[slot[code] >= 0 ? slot[code] : kept.Count][i] = 1;
            }
        }

        return Named(column.Name, kept.Select(code => LevelName(column.Levels, code)).ToList(), hasOther, columns);
    }

    /// <summary>Level codes that get their own column, most frequent first (ties: lower code first).</summary>
    private static List<int> KeptLevels(int[] counts, int maxLevels, out bool hasOther)
    {
        var present = Enumerable.Range(0, counts.Length).Where(code => counts[code] > 0)
            .OrderByDescending(code => counts[code]).ThenBy(code => code).ToList();
        hasOther = present.Count > maxLevels;
        return hasOther ? present.Take(maxLevels - 1).ToList() : present;
    }

    private static int MostFrequent(ReadOnlySpan<int> counts)
    {
        var best = 0;
        for (var code = 1; code < counts.Length; code++)
        {
            if (counts[code] > counts[best])
            {
                best = code;
            }
        }

        return best;
    }

    private static string LevelName(IReadOnlyList<string> levels, int code) =>
        code < levels.Count ? levels[code] : Preprocessor.MissingLevel;

    private static IEnumerable<EncodedFeature> Named(string column, List<string> levels, bool hasOther, double[][] values)
    {
        for (var k = 0; k < levels.Count; k++)
        {
            yield return new EncodedFeature($"{column} = {levels[k]}", column, levels[k], values[k]);
        }

        if (hasOther)
        {
            var other = levels.Contains(Preprocessor.OtherLevel, StringComparer.Ordinal) ? "Other levels" : Preprocessor.OtherLevel;
            yield return new EncodedFeature($"{column} = {other}", column, other, values[levels.Count]);
        }
    }
}
