using System.Collections.Immutable;

namespace SegmentDashboard.Core.Profiling;

/// <summary>
/// How one numeric feature of a segment compares with the whole population.
/// <see cref="EffectSize"/> = (segment mean - population mean) / population standard deviation.
/// </summary>
public sealed record FeatureTrait(
    string Feature,
    double SegmentMean,
    double SegmentMedian,
    double PopulationMean,
    double PopulationMedian,
    double EffectSize);

/// <summary>The share of a category level inside the segment and in the population.</summary>
public sealed record CategoryShare(string Column, string Level, double SegmentShare, double PopulationShare)
{
    /// <summary>SegmentShare / PopulationShare; above 1 means over-represented.</summary>
    public double Lift => PopulationShare == 0 ? double.NaN : SegmentShare / PopulationShare;
}

/// <summary>What to do for a segment.</summary>
/// <param name="Offer">e.g. "Premium bundles and early access".</param>
/// <param name="Channel">e.g. "Email and app push".</param>
/// <param name="ProductCategories">The segment's top categories, when a category column exists.</param>
/// <param name="Actions">Concrete steps, each one sentence.</param>
public sealed record Playbook(string Offer, string Channel, ImmutableArray<string> ProductCategories, ImmutableArray<string> Actions);

/// <summary>One segment, ready to show on a card.</summary>
/// <param name="Traits">Every numeric feature, most distinguishing (largest |EffectSize|) first.</param>
/// <param name="CategoryMix">Category levels, most over-represented first.</param>
public sealed record SegmentProfile(
    int SegmentId,
    string Name,
    string Description,
    int Size,
    double Share,
    ImmutableArray<FeatureTrait> Traits,
    ImmutableArray<CategoryShare> CategoryMix,
    Playbook Playbook)
{
    /// <summary>The defining traits: at most three with |EffectSize| ≥ 0.3.</summary>
    public IEnumerable<FeatureTrait> DefiningTraits => Traits.Where(t => Math.Abs(t.EffectSize) >= 0.3).Take(3);
}
