using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SegmentDashboard.Tests.Web.Api;

namespace SegmentDashboard.Tests.Web.Security;

/// <summary>Failures reach clients as problem JSON with no stack trace, exception text or file path.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorLeakTests
{
    private const string Secret = "Sequence contains no elements at /work/secret/Engine.cs:line 42";

    private readonly ApiFixture _fixture;

    public ErrorLeakTests(ApiFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task UnexpectedExceptionOnAnApiPath_500ProblemJsonWithoutDetails(string environment)
    {
        using var factory = _fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingStartupFilter>());
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/test-throw");

        var body = await response.Content.ReadAsStringAsync();
        var detail = await ApiTestData.AssertProblemAsync(response, 500);
        Assert.Equal(SegmentDashboard.Api.ProblemResults.UnexpectedDetail, detail);
        AssertNoLeak(body);
        SecurityHeadersTests.AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("?k=1")]
    [InlineData("?features=%22Age")]
    public async Task BadRequestProblem_NoStackTraceOrPath(string query)
    {
        using var client = _fixture.CreateClient();

        using var response = await client.PostAsync("/api/segment" + query, ApiTestData.Csv("a,b\n1,2\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoLeak(await response.Content.ReadAsStringAsync());
    }

    internal static void AssertNoLeak(string body)
    {
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    /// <summary>Adds, behind the app's own pipeline, a route that throws (reached when no endpoint matched).</summary>
    private sealed class ThrowingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/api/test-throw"
                ? throw new InvalidOperationException(Secret)
                : WriteNotFound(context));
        };

        private static Task WriteNotFound(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
    }
}
