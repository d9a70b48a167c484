using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SegmentDashboard.Tests.Web.Api;

/// <summary>
/// The web app on TestServer, booted once for every API and security test, in the "Testing"
/// environment (no developer exception page). A second host with Upload:MaxBytes = 1000 is
/// booted on first use for the 413 tests.
/// </summary>
public sealed class ApiFixture : IDisposable
{
    public const long SmallLimit = 1000;

    private readonly Lazy<WebApplicationFactory<Program>> _smallLimit;

    public ApiFixture()
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseEnvironment("Testing"));
        _smallLimit = new(() => Factory.WithWebHostBuilder(builder =>
            builder.UseSetting("Upload:MaxBytes", SmallLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>The same app with Upload:MaxBytes = <see cref="SmallLimit"/>.</summary>
    public WebApplicationFactory<Program> SmallLimitFactory => _smallLimit.Value;

    public HttpClient CreateClient() => Factory.CreateClient();

    public void Dispose()
    {
        if (_smallLimit.IsValueCreated)
        {
            _smallLimit.Value.Dispose();
        }

        Factory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "Web API";
}
