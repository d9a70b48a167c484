namespace SegmentDashboard.Reports;

/// <summary>
/// The vendored Plotly bundle's text (wwwroot/lib/plotly/plotly.min.js), read once, for reports
/// that must draw their charts offline.
/// </summary>
public sealed class PlotlyScript
{
    public const string RelativePath = "lib/plotly/plotly.min.js";

    private readonly Lazy<string> _text;

    public PlotlyScript(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _text = new(() =>
        {
            var file = environment.WebRootFileProvider.GetFileInfo(RelativePath);
            if (!file.Exists)
            {
                throw new FileNotFoundException($"The chart library '{RelativePath}' is missing from the web root; build the web project (it copies wwwroot-assets/plotly).");
            }

            using var stream = file.CreateReadStream();
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }, LazyThreadSafetyMode.PublicationOnly);
    }

    public string Text => _text.Value;
}
