using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>Labels as codes into <see cref="Levels"/>; code -1 is missing.</summary>
public sealed record CategoricalColumn(string Name, ImmutableArray<int> Codes, ImmutableArray<string> Levels)
    : Column(Name, ColumnKind.Categorical)
{
    public override int Count => Codes.Length;

    public override bool IsMissing(int row) => Codes[row] < 0;

    public override string Format(int row) => Codes[row] < 0 ? string.Empty : Levels[Codes[row]];
}
