using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SegmentDashboard.Api;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Web.Api;

public sealed class ApiRegistrationTests
{
    [Fact]
    public void AddSegmentDashboardApi_NoConfiguration_DefaultsAndOneSharedService()
    {
        using var provider = Build([]);

        var first = provider.GetRequiredService<SegmentationService>();

        Assert.Same(first, provider.GetRequiredService<SegmentationService>());
        Assert.Equal(SegmentationLimits.Default, first.Limits);
        Assert.Equal(268_435_456, provider.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes);
    }

    [Fact]
    public void AddSegmentDashboardApi_Sections_BoundFromConfiguration()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Upload:MaxBytes"] = "5000",
            ["Segmentation:ExactSilhouetteRows"] = "123",
            ["Segmentation:MicroClusters"] = "77",
        });

        var limits = provider.GetRequiredService<SegmentationService>().Limits;

        Assert.Equal(5000, provider.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes);
        Assert.Equal(123, limits.ExactSilhouetteRows);
        Assert.Equal(77, limits.MicroClusters);
        Assert.Equal(SegmentationLimits.Default.ExactKMeansRows, limits.ExactKMeansRows);
    }

    [Fact]
    public void AddSegmentDashboardApi_ServiceAlreadyRegistered_Kept()
    {
        var mine = new SegmentationService(new SegmentationLimits { MicroClusters = 9 });
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(mine);

        services.AddSegmentDashboardApi();
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<SegmentationService>());
    }

    [Fact]
    public void AddSegmentDashboardApi_NonPositiveUploadLimit_Rejected()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Upload:MaxBytes"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<UploadOptions>>().Value);

        Assert.Contains("Upload:MaxBytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Segmentation:MaxWorkBytes", "0")]
    [InlineData("Segmentation:MaxClusterCount", "1")]
    [InlineData("Segmentation:MicroClusters", "-5")]
    public void AddSegmentDashboardApi_InvalidSegmentationLimit_RejectedAtStart(string key, string value)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SegmentationService>());

        Assert.Contains("Segmentation limits are invalid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Api:MaxConcurrentRuns", "0")]
    [InlineData("Api:RequestTimeoutSeconds", "0")]
    [InlineData("Api:RequestTimeoutSeconds", "NaN")]
    [InlineData("Api:PermitsPerWindow", "-1")]
    public void AddSegmentDashboardApi_InvalidApiProtection_RejectedAtStart(string key, string value)
    {
        using var provider = Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApiProtectionOptions>>().Value);

        Assert.Contains("Api options are invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSegmentDashboardApi_MaxWorkBytes_BoundAndDefaultTwoGiB()
    {
        using var configured = Build(new Dictionary<string, string?> { ["Segmentation:MaxWorkBytes"] = "1073741824" });
        using var defaults = Build([]);

        Assert.Equal(1L << 30, configured.GetRequiredService<SegmentationService>().Limits.MaxWorkBytes);
        Assert.Equal(2L << 30, defaults.GetRequiredService<SegmentationService>().Limits.MaxWorkBytes);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSegmentDashboardApi()
            .BuildServiceProvider();
    }
}
