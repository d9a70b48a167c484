using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>A downsampled scatter says so in its legend; a full one does not.</summary>
public sealed class ScatterLegendTests
{
    [Fact]
    public async Task Pca_MoreRowsThanMaxPoints_LegendTitleStatesShownOfTotal()
    {
        var result = await new SegmentationService().SegmentAsync(
            SampleCustomers.Generate(3_000),
            new SegmentationRequest { ClusterCount = 3, IncludeSweep = false, IncludeStability = false });

        var figure = ScatterFigures.Pca(result, new Dictionary<int, string>(), maxPoints: 600);
        var shown = figure.Data.Cast<ScatterGl>().Sum(trace => trace.X.Count);
        var legend = Assert.Single(figure.Layout.Legend);

        Assert.Equal(3, figure.Data.Length);
        Assert.Equal($"Showing {shown:N0} of 3,000 customers, sampled per segment:", legend.Title.Text);
    }

    [Fact]
    public async Task Pca_FewerRowsThanMaxPoints_LegendHasNoSamplingTitle()
    {
        var result = await new SegmentationService().SegmentAsync(
            SampleCustomers.Generate(500),
            new SegmentationRequest { ClusterCount = 3, IncludeSweep = false, IncludeStability = false });

        var figure = ScatterFigures.Pca(result, new Dictionary<int, string>());
        var legend = Assert.Single(figure.Layout.Legend);

        Assert.Null(legend.Title);
    }
}
