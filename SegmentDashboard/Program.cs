using SegmentDashboard;
using SegmentDashboard.Auth;
using SegmentDashboard.Components;

if (UsersCommand.Matches(args))
{
    return await UsersCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
if (StartupGuard.Refusal(builder.Configuration) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 2;
}

if (!builder.Environment.IsDevelopment())
{
    // Run from a build output (tests start it as Production): serve wwwroot, the linked Plotly
    // bundle and _content/ from the static web assets manifest. A no-op in a publish folder.
    builder.WebHost.UseStaticWebAssets();
}

builder.AddSegmentDashboard();

var app = builder.Build();
app.UseSegmentDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can reference the assembly.</summary>
public partial class Program;
