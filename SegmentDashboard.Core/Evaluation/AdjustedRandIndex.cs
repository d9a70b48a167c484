namespace SegmentDashboard.Core.Evaluation;

/// <summary>Agreement between two labellings of the same rows, corrected for chance (scikit-learn's ARI).</summary>
public static class AdjustedRandIndex
{
    public static double Compute(ReadOnlySpan<int> labelsA, ReadOnlySpan<int> labelsB)
    {
        throw new NotImplementedException("Owned by the evaluation work package.");
    }
}
