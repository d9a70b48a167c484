using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>Several labels per cell (e.g. <c>Books;Electronics</c>); an empty list is missing.</summary>
public sealed record MultiCategoricalColumn(
    string Name,
    ImmutableArray<ImmutableArray<int>> Codes,
    ImmutableArray<string> Levels,
    char Separator)
    : Column(Name, ColumnKind.MultiCategorical)
{
    public override int Count => Codes.Length;

    public override bool IsMissing(int row) => Codes[row].IsDefaultOrEmpty;

    public override string Format(int row) =>
        string.Join(Separator, Codes[row].Select(code => Levels[code]));
}
