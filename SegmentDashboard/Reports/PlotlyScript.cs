namespace SegmentDashboard.Reports;

/// <summary>
/// The vendored Plotly bundle's text (wwwroot/lib/plotly/plotly-strict.min.js), read once, for reports
/// that must draw their charts offline.
/// </summary>
public sealed class PlotlyScript
{
    public const string RelativePath = "lib/plotly/plotly-strict.min.js";

    private readonly Lazy<string> _text;

    public PlotlyScript(IWebHostEnvironment environment)
        : this(() => Read(environment))
    {
    }

    /// <summary>For tests: the script text from <paramref name="read"/> (called once, on first use).</summary>
    public PlotlyScript(Func<string> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _text = new(read, LazyThreadSafetyMode.PublicationOnly);
    }

    public string Text => _text.Value;

    private static string Read(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var file = environment.WebRootFileProvider.GetFileInfo(RelativePath);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The chart library '{RelativePath}' is missing from the web root; build the web project (it copies wwwroot-assets/plotly).");
        }

        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
