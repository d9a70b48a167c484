using Microsoft.Extensions.Configuration;
using SegmentDashboard.Auth;

namespace SegmentDashboard.Tests.Web.Auth;

public sealed class StartupGuardTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.1.2.3:80", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("https://dashboard.example.com", false)]
    [InlineData("http://10.0.0.4:5080", false)]
    public void IsLoopback_Addresses(string url, bool expected) =>
        Assert.Equal(expected, StartupGuard.IsLoopback(url));

    [Fact]
    public void Refusal_PersonalOnAllInterfaces_NamesTheAddressAndWhatToSet()
    {
        var message = StartupGuard.Refusal(Config(("urls", "http://0.0.0.0:5080")));

        Assert.NotNull(message);
        Assert.Contains("http://0.0.0.0:5080", message, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode", message, StringComparison.Ordinal);
        Assert.Contains("Auth__Mode=local", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_ContainerPortsVariable_CountsAsAllInterfaces()
    {
        Assert.NotNull(StartupGuard.Refusal(Config(("http_ports", "8080"))));
    }

    [Fact]
    public void Refusal_LoopbackOrNothingOrTeamMode_None()
    {
        Assert.Null(StartupGuard.Refusal(Config()));
        Assert.Null(StartupGuard.Refusal(Config(("urls", "http://localhost:5080;http://127.0.0.1:5081"))));
        Assert.Null(StartupGuard.Refusal(Config(("urls", "http://0.0.0.0:5080"), ("Auth:Mode", "local"))));
    }

    [Fact]
    public void Refusal_OidcWithoutProvider_NamesTheKeys()
    {
        var message = StartupGuard.Refusal(Config(("Auth:Mode", "oidc")));

        Assert.Contains("Auth:Authority", message, StringComparison.Ordinal);
        Assert.Contains("Auth:ClientId", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_UnknownMode_NamesTheAllowedValues()
    {
        var message = StartupGuard.Refusal(Config(("Auth:Mode", "open")));

        Assert.Contains("'personal', 'local' or 'oidc'", message, StringComparison.Ordinal);
    }
}
