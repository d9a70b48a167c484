using SegmentDashboard;
using SegmentDashboard.Components;

var builder = WebApplication.CreateBuilder(args);
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
app.Run();

/// <summary>Entry point; public so integration tests can reference the assembly.</summary>
public partial class Program;
