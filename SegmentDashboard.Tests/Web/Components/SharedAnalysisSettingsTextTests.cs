using SegmentDashboard.Components.Pages;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>The read-only page's one line of settings names each choice as the Segments settings do.</summary>
public sealed class SharedAnalysisSettingsTextTests
{
    [Theory]
    [InlineData(ScalingMethod.ZScore, "K-means (seed 4, 10 restarts), Z-score scaling")]
    [InlineData(ScalingMethod.MinMax, "K-means (seed 4, 10 restarts), Min–max scaling")]
    [InlineData(ScalingMethod.None, "K-means (seed 4, 10 restarts), no scaling")]
    public void SettingsText_Scaling_UsesTheSettingsLabel(ScalingMethod scaling, string expected)
    {
        var request = new SegmentationRequest { Seed = 4, Restarts = 10, Scaling = scaling };

        Assert.Equal(expected, SharedAnalysisPage.SettingsText(request));
    }
}
