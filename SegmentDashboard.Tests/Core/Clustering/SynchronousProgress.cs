using SegmentDashboard.Core.Clustering;

namespace SegmentDashboard.Tests.Core.Clustering;

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class SynchronousProgress(Action<ClusteringProgress> onReport) : IProgress<ClusteringProgress>
{
    public void Report(ClusteringProgress value) => onReport(value);
}
