using System.Collections.Immutable;
using System.Text.Json.Serialization;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Api;

/// <summary>The JSON body of a successful POST /api/segment (camelCase; NaN is written as null).</summary>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="UsedRows">Rows the algorithm saw (after dropping rows with missing values).</param>
/// <param name="Features">The dataset columns the segmentation used.</param>
/// <param name="Algorithm">kmeans, hierarchical, dbscan or kprototypes.</param>
/// <param name="K">Number of segments found (noise excluded).</param>
/// <param name="Labels">One per file row, in file order; -1 for noise or a dropped row.</param>
/// <param name="Excluded">Columns left out, each with the reason.</param>
/// <param name="Note">A statement of any large-data approximation used; omitted when none.</param>
public sealed record SegmentResponse(
    int Rows,
    int UsedRows,
    ImmutableArray<string> Features,
    string Algorithm,
    int K,
    ImmutableArray<int> Labels,
    MetricsResponse Metrics,
    ImmutableArray<SegmentSummary> Segments,
    ImmutableArray<ExcludedColumnResponse> Excluded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note)
{
    /// <summary>With <c>customer</c>: the customer ids, aligned with <see cref="Labels"/>; omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<string>? Customers { get; init; }

    /// <summary>With <c>customer</c>: classic RFM scores per customer, aligned with <see cref="Labels"/>; omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<RfmResponse>? Rfm { get; init; }

    /// <summary>Columns computed from dates and birth years before segmenting (days since, tenure, age); omitted when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<DerivedFeatureResponse>? Derived { get; init; }

    /// <summary>Share of segmented customers the rule tree puts in their own segment; null when rules were not computed.</summary>
    public double? RuleFidelity { get; init; }

    /// <summary>The distance the metrics used: euclidean or gower.</summary>
    public string Distance { get; init; } = "euclidean";

    /// <summary>K-prototypes: the gamma used (asked for, or the default from the numeric spread); omitted for other algorithms.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Gamma { get; init; }

    /// <summary>How the run clustered: path, reason, sample sizes, memory estimate (decided once by the engine's ClusteringPlanner).</summary>
    public PlanResponse? Plan { get; init; }

    /// <summary>Share of the used rows that DBSCAN labelled noise (0 for the other algorithms).</summary>
    public double NoiseShare { get; init; }

    /// <summary>DBSCAN: the eps at the knee of the k-distance curve for the request's min samples; omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SuggestedEps { get; init; }

    /// <summary>Segments actually formed (same as K); with <see cref="EffectiveKMessage"/> when fewer than asked for.</summary>
    public int EffectiveK => K;

    /// <summary>Set when fewer segments exist than k asked for (e.g. fewer distinct customers than k).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EffectiveKMessage { get; init; }

    public static SegmentResponse From(SegmentationResult result)
    {
        var features = result.Prepared.Features
            .Select(f => f.SourceColumn)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        return new SegmentResponse(
            result.Dataset.RowCount,
            result.Prepared.Matrix.Rows,
            features,
            AlgorithmName(result.Request.Algorithm),
            result.ClusterCount,
            result.RowLabels,
            new MetricsResponse(
                OrNull(result.Metrics.Inertia),
                OrNull(result.Metrics.Silhouette),
                OrNull(result.Metrics.CalinskiHarabasz),
                OrNull(result.Metrics.DaviesBouldin)),
            result.Profiles.Select(profile => SegmentSummary.From(profile) with { Rule = RuleOf(result, profile.SegmentId) }).ToImmutableArray(),
            result.Prepared.Excluded.Select(e => new ExcludedColumnResponse(e.Name, e.Reason)).ToImmutableArray(),
            result.Note)
        {
            RuleFidelity = result.Explanation is { } explanation ? OrNull(explanation.Fidelity) : null,
            Distance = result.Distance,
            Gamma = result.Gamma,
            Plan = result.Plan is { } plan ? PlanResponse.From(plan) : null,
            NoiseShare = result.NoiseShare,
            SuggestedEps = result.SuggestedEps,
            EffectiveKMessage = result.EffectiveKMessage,
            Derived = result.Dataset.Derived.IsEmpty ? null : [.. result.Dataset.Derived.Select(DerivedFeatureResponse.From)],
        };
    }

    private static RuleResponse? RuleOf(SegmentationResult result, int segment) =>
        result.Explanation?.RuleOf(segment) is { } rule ? RuleResponse.From(rule) : null;

    /// <summary>The query-string spelling of an algorithm.</summary>
    public static string AlgorithmName(ClusteringAlgorithm algorithm) => algorithm switch
    {
        ClusteringAlgorithm.KMeans => "kmeans",
        ClusteringAlgorithm.Hierarchical => "hierarchical",
        ClusteringAlgorithm.Dbscan => "dbscan",
        ClusteringAlgorithm.KPrototypes => "kprototypes",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>JSON has no NaN or infinity: an undefined figure is null.</summary>
    internal static double? OrNull(double value) => double.IsFinite(value) ? value : null;
}
