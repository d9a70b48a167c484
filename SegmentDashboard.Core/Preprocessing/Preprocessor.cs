using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Preprocessing;

/// <summary>Builds the feature matrix for clustering from a dataset.</summary>
/// <remarks>
/// Steps, in order: select columns (unknown names throw; identifiers, text, all-missing and
/// constant columns are excluded with a reason); handle missing values (drop rows, or impute per
/// column; categorical columns get their most frequent level for Mean / Median / MostFrequent and
/// a "(missing)" level for Constant); encode (numeric, boolean 0/1 and date (days) as one column,
/// categorical one-hot, multi-valued multi-hot, at most <see cref="PreprocessingOptions.MaxLevels"/>
/// columns per source column: the most frequent levels and "Other"); scale the numeric-like
/// columns with the chosen method and keep one-hot / multi-hot indicators 0/1, so one categorical
/// column weighs about as much as one standardized numeric feature. A column whose spread is zero
/// keeps scale 1 (as scikit-learn does).
/// The dataset is never modified.
/// </remarks>
public static class Preprocessor
{
    /// <summary>The name of the bucket that collects the levels beyond the cap.</summary>
    public const string OtherLevel = "Other";

    /// <summary>The level used for missing categories with <see cref="MissingValueStrategy.Constant"/>.</summary>
    public const string MissingLevel = "(missing)";

    /// <summary>
    /// Column names that are used when the user picked none: numeric, boolean, categorical and
    /// multi-valued columns that are not identifiers, not text, not all-missing and not constant,
    /// and whose meaning (<see cref="ColumnMeanings"/>) allows it: never an identifier, contact
    /// details, a date part, a status, free text, or a category with more than 50 levels.
    /// Date columns are not used by default (dates rarely define a segment); they can be chosen.
    /// </summary>
    public static IReadOnlyList<string> DefaultFeatures(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var allRows = Enumerable.Range(0, dataset.RowCount).ToArray();
        return dataset.Columns
            .Where(column => IsDefaultKind(column.Kind) && ColumnMeanings.FeatureExclusion(dataset, column) is null && ExclusionReason(column, allRows, afterDrop: false) is null)
            .Select(column => column.Name)
            .ToList();
    }

    /// <summary>
    /// Selects, imputes, encodes and scales. Throws <see cref="ArgumentException"/> naming the
    /// problem when a feature does not exist or nothing usable is left.
    /// </summary>
    public static PreparedData Prepare(Dataset dataset, PreprocessingOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var excluded = new List<ExcludedColumn>();
        var allRows = Enumerable.Range(0, dataset.RowCount).ToArray();
        var candidates = SelectColumns(dataset, options, allRows, excluded);

        var rows = allRows;
        if (options.Missing == MissingValueStrategy.DropRows && candidates.Count > 0)
        {
            rows = allRows.Where(row => candidates.TrueForAll(column => !column.IsMissing(row))).ToArray();
            if (rows.Length == 0)
            {
                throw OptionErrors.Invalid(
                    "Every row has a missing value in at least one chosen feature, so dropping rows leaves nothing. " +
                    "Choose another missing-value strategy (e.g. median) or fewer features.",
                    nameof(PreprocessingOptions.Missing));
            }

            // A column can become constant once rows are dropped.
            var stillUsable = new List<Column>();
            foreach (var column in candidates)
            {
                var reason = ExclusionReason(column, rows, afterDrop: true);
                if (reason is null)
                {
                    stillUsable.Add(column);
                }
                else
                {
                    excluded.Add(new ExcludedColumn(column.Name, reason));
                }
            }

            candidates = stillUsable;
        }

        if (candidates.Count == 0)
        {
            var why = excluded.Count == 0
                ? "The dataset has no numeric, yes/no or category column to cluster on."
                : "None of the chosen columns can be used: " + string.Join(" ", excluded.Select(e => e.Reason));
            throw OptionErrors.Invalid(why, nameof(PreprocessingOptions.Features));
        }

        var encoded = candidates.SelectMany(column => FeatureEncoder.Encode(column, rows, options)).ToList();
        return Assemble(encoded, rows, dataset.RowCount - rows.Length, excluded, options);
    }

    private static void Validate(PreprocessingOptions options)
    {
        if (!Enum.IsDefined(options.Missing))
        {
            throw OptionErrors.Invalid($"Unknown missing-value strategy {options.Missing}.", nameof(PreprocessingOptions.Missing));
        }

        if (!Enum.IsDefined(options.Scaling))
        {
            throw OptionErrors.Invalid($"Unknown scaling method {options.Scaling}.", nameof(PreprocessingOptions.Scaling));
        }

        if (options.MaxLevels < 2)
        {
            throw OptionErrors.Invalid(
                $"MaxLevels must be at least 2 (one kept level and \"{OtherLevel}\"); it is {options.MaxLevels}.",
                nameof(PreprocessingOptions.MaxLevels));
        }

        if (options.Missing == MissingValueStrategy.Constant && !double.IsFinite(options.ConstantFill))
        {
            throw OptionErrors.Invalid("The constant fill value must be a finite number.", nameof(PreprocessingOptions.ConstantFill));
        }
    }

    private static List<Column> SelectColumns(Dataset dataset, PreprocessingOptions options, int[] allRows, List<ExcludedColumn> excluded)
    {
        var explicitChoice = !options.Features.IsDefaultOrEmpty;
        IEnumerable<Column> asked;
        if (explicitChoice)
        {
            var unknown = options.Features.Where(name => dataset.Find(name) is null).ToList();
            if (unknown.Count > 0)
            {
                var list = string.Join(", ", unknown.Select(name => $"'{name}'"));
                throw OptionErrors.Invalid(
                    unknown.Count == 1 ? $"The dataset has no column named {list}." : $"The dataset has no columns named {list}.",
                    nameof(PreprocessingOptions.Features));
            }

            asked = options.Features.Distinct(StringComparer.Ordinal).Select(name => dataset[name]);
        }
        else
        {
            // Default features by meaning: a column a marketer would not pick is said, not used.
            var byKind = dataset.Columns.Where(column => IsDefaultKind(column.Kind)).ToList();
            foreach (var column in byKind)
            {
                if (ColumnMeanings.FeatureExclusion(dataset, column) is { } byMeaning)
                {
                    excluded.Add(new ExcludedColumn(column.Name, byMeaning));
                }
            }

            asked = byKind.Where(column => ColumnMeanings.FeatureExclusion(dataset, column) is null);
        }

        var usable = new List<Column>();
        foreach (var column in asked)
        {
            var reason = ExclusionReason(column, allRows, afterDrop: false);
            if (reason is null)
            {
                usable.Add(column);
            }
            else
            {
                excluded.Add(new ExcludedColumn(column.Name, reason));
            }
        }

        return usable;
    }

    private static bool IsDefaultKind(ColumnKind kind) =>
        kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.Categorical or ColumnKind.MultiCategorical;

    /// <summary>Why a column cannot be a feature over <paramref name="rows"/>, or null when it can.</summary>
    private static string? ExclusionReason(Column column, int[] rows, bool afterDrop)
    {
        switch (column.Kind)
        {
            case ColumnKind.Identifier:
                return $"'{column.Name}' is an identifier (a different value in every row), so it cannot describe a segment.";
            case ColumnKind.Text:
                return $"'{column.Name}' is free text; change its type to categorical to use it.";
        }

        var (any, varies) = column switch
        {
            NumericColumn numeric => Spread(rows, row => numeric.Values[row], double.IsNaN),
            CategoricalColumn categorical => Spread(rows, row => categorical.Codes[row], code => code < 0),
            _ => Spread(rows, row => column.IsMissing(row) ? null : column.Format(row), value => value is null),
        };
        if (varies)
        {
            return null;
        }

        if (!any)
        {
            return $"'{column.Name}' has no values.";
        }

        return afterDrop
            ? $"'{column.Name}' has the same value in every row left after dropping rows with missing values."
            : $"'{column.Name}' has the same value in every row.";
    }

    /// <summary>Whether any row has a value, and whether two rows hold different values.</summary>
    private static (bool Any, bool Varies) Spread<T>(int[] rows, Func<int, T> value, Func<T, bool> isMissing)
    {
        var any = false;
        T first = default!;
        var comparer = EqualityComparer<T>.Default;
        foreach (var row in rows)
        {
            var current = value(row);
            if (isMissing(current))
            {
                continue;
            }

            if (!any)
            {
                any = true;
                first = current;
            }
            else if (!comparer.Equals(first, current))
            {
                return (true, true);
            }
        }

        return (any, false);
    }

    private static PreparedData Assemble(
        List<EncodedFeature> encoded,
        int[] rows,
        int droppedRows,
        List<ExcludedColumn> excluded,
        PreprocessingOptions options)
    {
        var n = rows.Length;
        var d = encoded.Count;
        var scaled = new double[n * d];
        var infos = ImmutableArray.CreateBuilder<FeatureInfo>(d);
        for (var j = 0; j < d; j++)
        {
            var values = encoded[j].Values;
            // Indicator (one-hot / multi-hot) columns stay 0/1 under every scaling: a category
            // then weighs about as much as one standardized numeric feature (two customers in
            // different levels differ by 2 in squared distance, the mean squared difference of a
            // z-scored feature). Z-scoring each indicator instead lets rare levels dominate
            // distances and pushes K-means and the silhouette towards one segment per level.
            var (center, scale) = encoded[j].Level is null ? FeatureScaling.Parameters(values, options.Scaling) : (0.0, 1.0);
            for (var i = 0; i < n; i++)
            {
                scaled[(i * d) + j] = (values[i] - center) / scale;
            }

            infos.Add(new FeatureInfo(encoded[j].Name, encoded[j].SourceColumn, encoded[j].Level, center, scale));
        }

        var names = encoded.Select(feature => feature.Name).ToList();
        return new PreparedData(
            FeatureMatrix.Wrap(scaled, n, d, names),
            [.. rows],
            infos.MoveToImmutable(),
            [.. excluded],
            droppedRows,
            options);
    }
}
