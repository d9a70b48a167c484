using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Preprocessing;

/// <summary>One matrix column and where it came from.</summary>
/// <param name="Name">e.g. "Income" or "Preferred category = Books".</param>
/// <param name="SourceColumn">The dataset column it was derived from.</param>
/// <param name="Level">The level of a one-hot / multi-hot column; null for numeric.</param>
/// <param name="Center">What was subtracted when scaling.</param>
/// <param name="Scale">What the centred value was divided by (1 when not scaled).</param>
public sealed record FeatureInfo(string Name, string SourceColumn, string? Level, double Center, double Scale);

/// <summary>A column that was asked for (or would be by default) but not used, and why.</summary>
public sealed record ExcludedColumn(string Name, string Reason);

/// <summary>The output of <see cref="Preprocessor.Prepare"/>.</summary>
/// <param name="Matrix">Scaled features, no NaN. (Before scaling, column j is <c>Matrix[i, j] * Scale + Center</c>
/// of <see cref="Features"/>[j]; the unscaled copy is not kept: at 1,000,000 rows it was 144 MB.)</param>
/// <param name="SourceRows">For matrix row i, the 0-based data row of the file.</param>
/// <param name="Features">One entry per matrix column.</param>
/// <param name="Excluded">Columns left out, each with a reason a person understands.</param>
/// <param name="DroppedRows">Rows dropped for missing values.</param>
public sealed record PreparedData(
    FeatureMatrix Matrix,
    ImmutableArray<int> SourceRows,
    ImmutableArray<FeatureInfo> Features,
    ImmutableArray<ExcludedColumn> Excluded,
    int DroppedRows,
    PreprocessingOptions Options);
