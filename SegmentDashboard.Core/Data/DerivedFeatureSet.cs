using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>What <see cref="DerivedFeatures.Derive"/> added to a dataset.</summary>
/// <param name="Dataset">The dataset with the derived columns appended (the input itself when none were derived).</param>
/// <param name="Derived">The derived columns, in the order they were appended.</param>
/// <param name="AsOf">The day days and ages are counted to; null when nothing was derived.</param>
/// <param name="AsOfSource">Where the as-of day came from: "asked for", "the last date in the file" or "today".</param>
/// <param name="Note">Why nothing was derived (e.g. the file looks like transactions), or null.</param>
public sealed record DerivedFeatureSet(
    Dataset Dataset,
    ImmutableArray<DerivedFeature> Derived,
    DateOnly? AsOf,
    string? AsOfSource,
    string? Note);
