using System.Collections.Immutable;

namespace SegmentDashboard.Core.Preprocessing;

/// <summary>How missing feature values are handled.</summary>
public enum MissingValueStrategy
{
    /// <summary>Rows with any missing feature value are left out (their label is -1).</summary>
    DropRows,
    Mean,
    Median,
    MostFrequent,
    Constant,
}

/// <summary>How numeric features are scaled before clustering.</summary>
public enum ScalingMethod
{
    /// <summary>(x - mean) / population standard deviation, as scikit-learn's StandardScaler.</summary>
    ZScore,
    MinMax,
    /// <summary>(x - median) / IQR.</summary>
    Robust,
    None,
}

/// <summary>Turns chosen dataset columns into a clean, scaled <see cref="Numerics.FeatureMatrix"/>.</summary>
/// <param name="Features">Column names to use; empty means every usable non-identifier, non-text column.</param>
public sealed record PreprocessingOptions(ImmutableArray<string> Features)
{
    public MissingValueStrategy Missing { get; init; } = MissingValueStrategy.Median;

    /// <summary>Fill value for <see cref="MissingValueStrategy.Constant"/>.</summary>
    public double ConstantFill { get; init; }

    public ScalingMethod Scaling { get; init; } = ScalingMethod.ZScore;

    /// <summary>One-hot keeps the most frequent levels; the rest become "Other".</summary>
    public int MaxLevels { get; init; } = 12;

    public static PreprocessingOptions Default { get; } = new(ImmutableArray<string>.Empty);
}
