using System.Collections.Immutable;

namespace SegmentDashboard.Core.Explain;

/// <summary>What <see cref="SegmentExplainer"/> found: the tree, one rule per segment, the tree's fidelity.</summary>
/// <param name="Rules">One per segment, in segment order.</param>
/// <param name="Fidelity">Share of segmented customers whose tree leaf predicts their own segment.</param>
/// <param name="LeafConditions">For each tree node that is a leaf, its path's merged (and rounded) conditions; empty arrays for inner nodes.</param>
public sealed record SegmentExplanation(
    DecisionTree Tree,
    ImmutableArray<SegmentRule> Rules,
    double Fidelity,
    ImmutableArray<ImmutableArray<RuleCondition>> LeafConditions)
{
    /// <summary>The plain warning threshold: fidelity or a segment's precision below this explains it poorly.</summary>
    public const double PoorFit = 0.7;

    /// <summary>The rule of segment <paramref name="segment"/>, or null.</summary>
    public SegmentRule? RuleOf(int segment) => Rules.FirstOrDefault(rule => rule.Segment == segment);

    /// <summary>True when the tree or some segment's rule explains segments poorly (below 70%).</summary>
    public bool IsPoor => Fidelity < PoorFit || Rules.Any(rule => !(rule.Precision >= PoorFit));
}
