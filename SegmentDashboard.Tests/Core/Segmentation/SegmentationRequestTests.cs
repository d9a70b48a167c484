using System.Collections.Immutable;
using System.Text.Json;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Segmentation;

/// <summary>The one settings record: value equality (features by content), hashing, JSON and the sweep inputs.</summary>
public sealed class SegmentationRequestTests
{
    private static readonly SegmentationRequest Base = new()
    {
        Features = ["Age", "Income"],
        Algorithm = ClusteringAlgorithm.Hierarchical,
        ClusterCount = 4,
        Linkage = LinkageMethod.Average,
        Seed = 7,
    };

    [Fact]
    public void Equals_SameFeaturesInAnotherArray_EqualWithEqualHash()
    {
        var copy = Base with { Features = ImmutableArray.Create("Age", "Income") };

        Assert.Equal(Base, copy);
        Assert.Equal(Base.GetHashCode(), copy.GetHashCode());
        Assert.True(Base == copy);
    }

    [Fact]
    public void Equals_DefaultFeatures_EqualToEmpty()
    {
        Assert.Equal(new SegmentationRequest(), new SegmentationRequest { Features = default });
        Assert.Empty(new SegmentationRequest { Features = default }.Features);
    }

    public static TheoryData<SegmentationRequest> OneFieldChanged() =>
    [
        Base with { Features = ["Income", "Age"] },
        Base with { Features = ["Age"] },
        Base with { Algorithm = ClusteringAlgorithm.KMeans },
        Base with { ClusterCount = null },
        Base with { Linkage = LinkageMethod.Ward },
        Base with { Eps = 0.75 },
        Base with { MinSamples = 6 },
        Base with { Scaling = SegmentDashboard.Core.Preprocessing.ScalingMethod.Robust },
        Base with { Missing = SegmentDashboard.Core.Preprocessing.MissingValueStrategy.Mean },
        Base with { Seed = 8 },
        Base with { Restarts = 5 },
        Base with { IncludeSweep = false },
        Base with { IncludeStability = false },
    ];

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void Equals_AnyFieldChanged_NotEqual(SegmentationRequest changed)
    {
        Assert.NotEqual(Base, changed);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryFieldAndFeatures()
    {
        var json = JsonSerializer.Serialize(Base);

        var back = JsonSerializer.Deserialize<SegmentationRequest>(json)!;

        Assert.Contains("\"Features\":[\"Age\",\"Income\"]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("_features", json, StringComparison.Ordinal);
        Assert.Equal(Base, back);
    }

    [Fact]
    public void SweepInputs_KAlgorithmOrDbscanChanged_Same_ScalingChanged_Different()
    {
        var other = Base with { ClusterCount = 9, Algorithm = ClusteringAlgorithm.Dbscan, Eps = 2, IncludeSweep = false };

        Assert.Equal(Base.SweepInputs(), other.SweepInputs());
        Assert.NotEqual(Base.SweepInputs(), (Base with { Scaling = SegmentDashboard.Core.Preprocessing.ScalingMethod.MinMax }).SweepInputs());
        Assert.NotEqual(Base.SweepInputs(), (Base with { Features = ["Age"] }).SweepInputs());
    }
}
