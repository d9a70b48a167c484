namespace SegmentDashboard.Core.Clustering;

/// <summary>Agglomerative linkage criteria, as in SciPy.</summary>
public enum LinkageMethod
{
    Ward,
    Complete,
    Average,
    Single,
}
