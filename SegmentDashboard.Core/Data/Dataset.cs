using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>An immutable, columnar table loaded from a CSV file or generated as the sample.</summary>
/// <param name="Name">Display name, usually the file name.</param>
/// <param name="Columns">Columns in file order; names are unique (repaired on load).</param>
/// <param name="RowCount">Number of data rows.</param>
/// <param name="Dialect">How the file was read; null for a generated dataset.</param>
/// <param name="Warnings">What was repaired or skipped on load.</param>
public sealed record Dataset(
    string Name,
    ImmutableArray<Column> Columns,
    int RowCount,
    CsvDialect? Dialect,
    ImmutableArray<IngestWarning> Warnings)
{
    /// <summary>Column meanings the user chose (column name to meaning); inferred ones are not stored (<see cref="ColumnMeanings"/>).</summary>
    public ImmutableDictionary<string, ColumnMeaning> ChosenMeanings { get; init; } = ImmutableDictionary<string, ColumnMeaning>.Empty;

    /// <summary>Columns computed from dates and birth years (<see cref="DerivedFeatures"/>), with what each means and why; empty when none.</summary>
    public ImmutableArray<DerivedFeature> Derived { get; init; } = [];

    /// <summary>The column naming the customer (set on a customer table, or by the caller for the file it came from): an identifier kept in every export, even when its name reads like contact details.</summary>
    public string? CustomerIdColumn { get; init; }

    /// <summary>The derived feature of this column name, or null for a column of the file.</summary>
    public DerivedFeature? DerivedOf(string column) => Derived.FirstOrDefault(d => d.Name == column);

    /// <summary>A copy with the user's meaning for one column (null: back to the inferred one).</summary>
    public Dataset WithMeaning(string column, ColumnMeaning? meaning)
    {
        _ = this[column];
        return this with { ChosenMeanings = meaning is { } chosen ? ChosenMeanings.SetItem(column, chosen) : ChosenMeanings.Remove(column) };
    }

    /// <summary>
    /// Readable labels the user gave columns (column name to label), used in segment names and
    /// descriptions instead of the inferred label (<see cref="ColumnLabels"/>).
    /// </summary>
    public ImmutableDictionary<string, string> ChosenLabels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Columns whose <c>NA</c> code the user switched to "missing", each as it was read (so the
    /// switch can go back): see <see cref="NaAsValue.TreatAsMissing"/>.
    /// </summary>
    public ImmutableDictionary<string, Column> NaCodeColumns { get; init; } = ImmutableDictionary<string, Column>.Empty;

    /// <summary>A copy with the user's label for one column (null or blank: back to the inferred label).</summary>
    public Dataset WithLabel(string column, string? label)
    {
        _ = this[column];
        var trimmed = label?.Trim();
        return this with { ChosenLabels = string.IsNullOrEmpty(trimmed) ? ChosenLabels.Remove(column) : ChosenLabels.SetItem(column, trimmed) };
    }

    /// <summary>The column's readable label: the user's, else the inferred one.</summary>
    public string LabelOf(string column) =>
        ChosenLabels.TryGetValue(column, out var label) ? label : ColumnLabels.Readable(column);

    /// <summary>The column with exactly this name, or null.</summary>
    public Column? Find(string name) => Columns.FirstOrDefault(column => column.Name == name);

    /// <summary>The column with exactly this name; throws <see cref="KeyNotFoundException"/> naming it.</summary>
    public Column this[string name] =>
        Find(name) ?? throw new KeyNotFoundException($"The dataset has no column named '{name}'.");

    /// <summary>A copy with one column replaced (same name), e.g. after the user changed its kind.</summary>
    public Dataset WithColumn(Column column)
    {
        var index = Columns.IndexOf(this[column.Name]);
        return this with { Columns = Columns.SetItem(index, column) };
    }
}
