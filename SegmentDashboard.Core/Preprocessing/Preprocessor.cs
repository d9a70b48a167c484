using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Preprocessing;

/// <summary>Builds the feature matrix for clustering from a dataset.</summary>
public static class Preprocessor
{
    /// <summary>
    /// Column names that are used when the user picked none: numeric, boolean, categorical and
    /// multi-valued columns that are not identifiers, not text, not all-missing and not constant.
    /// </summary>
    public static IReadOnlyList<string> DefaultFeatures(Dataset dataset)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }

    /// <summary>
    /// Selects, imputes, encodes and scales. Throws <see cref="ArgumentException"/> naming the
    /// problem when a feature does not exist or nothing usable is left.
    /// </summary>
    public static PreparedData Prepare(Dataset dataset, PreprocessingOptions options)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }
}
