using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>Raw strings: <see cref="ColumnKind.Text"/> or <see cref="ColumnKind.Identifier"/>; null is missing.</summary>
public sealed record TextColumn(string Name, ColumnKind Kind, ImmutableArray<string?> Values)
    : Column(Name, Kind)
{
    public override int Count => Values.Length;

    public override bool IsMissing(int row) => string.IsNullOrEmpty(Values[row]);

    public override string Format(int row) => Values[row] ?? string.Empty;
}
