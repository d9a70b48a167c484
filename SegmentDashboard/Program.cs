using SegmentDashboard;
using SegmentDashboard.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddSegmentDashboard();

var app = builder.Build();
app.UseSegmentDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();

/// <summary>Entry point; public so integration tests can reference the assembly.</summary>
public partial class Program;
