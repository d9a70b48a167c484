using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Storage;

namespace SegmentDashboard.Api;

/// <summary>One saved analysis in GET /api/analyses.</summary>
public sealed record AnalysisListItem(string Id, string Name, string Dataset, int Rows, int K, string Algorithm, DateTimeOffset CreatedUtc, string Url)
{
    public static AnalysisListItem From(SavedAnalysisSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var algorithm = Enum.TryParse<ClusteringAlgorithm>(summary.Algorithm, out var parsed) ? SegmentResponse.AlgorithmName(parsed) : summary.Algorithm;
        return new AnalysisListItem(summary.Id, summary.Name, summary.DatasetName, summary.Rows, summary.ClusterCount, algorithm, summary.CreatedUtc, AnalysesEndpoints.PageUrl(summary.Id));
    }
}
