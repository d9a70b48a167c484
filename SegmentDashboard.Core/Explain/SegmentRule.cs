using System.Collections.Immutable;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// The best rule for one segment, with figures recounted by applying <see cref="Conditions"/> to
/// the segmented rows (<see cref="RuleEvaluator"/>): precision = in segment among matching rows,
/// coverage = matching among the segment's rows.
/// </summary>
/// <param name="Segment">The segment id (label).</param>
/// <param name="Conditions">All must hold; empty means "every customer".</param>
/// <param name="Matched">Segmented rows the conditions match.</param>
/// <param name="MatchedInSegment">Of those, rows in the segment.</param>
/// <param name="SegmentSize">Rows in the segment.</param>
public sealed record SegmentRule(int Segment, ImmutableArray<RuleCondition> Conditions, int Matched, int MatchedInSegment, int SegmentSize)
{
    /// <summary>Share of matching customers that are in the segment; NaN when none match.</summary>
    public double Precision => Matched == 0 ? double.NaN : (double)MatchedInSegment / Matched;

    /// <summary>Share of the segment that the rule catches; NaN for an empty segment.</summary>
    public double Coverage => SegmentSize == 0 ? double.NaN : (double)MatchedInSegment / SegmentSize;

    /// <summary>e.g. "Annual income ≥ 81,000 and Age &lt; 36".</summary>
    public string Text => Conditions.IsEmpty ? "All customers" : string.Join(" and ", Conditions.Select(condition => condition.Text));
}
