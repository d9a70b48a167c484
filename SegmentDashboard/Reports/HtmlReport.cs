using System.Globalization;
using System.Net;
using System.Text;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Reports;

/// <summary>
/// A one-page, self-contained HTML report of an analysis: settings, metrics, every chart, segment
/// cards and playbooks. The Plotly bundle and the figures are inlined, so the file opens offline
/// (it is a downloaded file, outside the app's CSP). Every CSV-derived string is HTML-encoded;
/// figure JSON sits in <c>application/json</c> script blocks with &lt; escaped.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
        main{max-width:1180px;margin:0 auto;padding:24px}
        h1{margin:0 0 4px;font-size:26px}h2{font-size:19px;margin:28px 0 10px}h3{margin:0;font-size:17px}h4{margin:12px 0 4px;font-size:13px;text-transform:uppercase;color:#5b6475}
        .muted{color:#5b6475}.warning{background:#fff4e5;border:1px solid #f0b35b;padding:10px 14px;border-radius:8px}
        table{border-collapse:collapse;background:#fff}td,th{border:1px solid #dde1e7;padding:6px 10px;text-align:left;font-size:14px}
        .metrics{display:flex;flex-wrap:wrap;gap:12px}.metric{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:10px 14px;min-width:130px}
        .metric b{display:block;font-size:22px}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
        .chart{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:10px}.chart-graph{min-height:340px}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px}
        .segment-card{background:#fff;border:1px solid #dde1e7;border-top:6px solid var(--c);border-radius:8px;padding:14px}
        .segment-card ul{margin:4px 0;padding-left:18px}.segment-card p{margin:4px 0}
        .chip{display:inline-block;background:#eef1f5;border-radius:10px;padding:2px 8px;margin:2px;font-size:12px}
        @media print{.chart,.segment-card{break-inside:avoid}}
        """;

    // Draws every figure once the inlined Plotly has loaded; SVG scatter when WebGL is unavailable.
    private const string InitScript = """
        (function () {
          var gl = false;
          try { var c = document.createElement('canvas'); gl = !!(c.getContext('webgl2') || c.getContext('webgl')); } catch (e) { gl = false; }
          var config = { displaylogo: false, responsive: true, toImageButtonOptions: { format: 'png', scale: 2 } };
          document.querySelectorAll('[data-figure]').forEach(function (el) {
            var figure = JSON.parse(document.getElementById(el.getAttribute('data-figure')).textContent);
            if (!gl) { figure.data.forEach(function (t) { if (t.type === 'scattergl') { t.type = 'scatter'; } }); }
            Plotly.newPlot(el, figure.data, figure.layout, config).then(function () { el.setAttribute('data-rendered', '1'); });
          });
        })();
        """;

    /// <param name="title">The analysis name (user text: encoded).</param>
    /// <param name="result">The run; its profiles carry the names to show.</param>
    /// <param name="plotlyScript">The Plotly bundle's source (see <see cref="PlotlyScript"/>).</param>
    /// <param name="warning">A visible warning (e.g. labels that did not reproduce), or null.</param>
    public static string Build(string title, SegmentationResult result, string plotlyScript, DateTimeOffset generated, string? warning = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plotlyScript);
        var names = result.Profiles.ToDictionary(p => p.SegmentId, p => p.Name);
        var charts = AnalysisCharts.For(result, names);
        var html = new StringBuilder(plotlyScript.Length + 200_000);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"generator\" content=\"SegmentDashboard\">\n<title>").Append(E(title)).Append(" · SegmentDashboard report</title>\n");
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");

        html.Append("<header><h1 data-testid=\"report-title\">").Append(E(title)).Append("</h1>\n<p class=\"muted\">Dataset ")
            .Append(E(result.Dataset.Name)).Append(" · ").Append(Int(result.Dataset.RowCount)).Append(" rows · ")
            .Append(Int(result.ClusterCount)).Append(" segments · report generated ")
            .Append(generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</p></header>\n");
        if (warning is not null)
        {
            html.Append("<p class=\"warning\" role=\"alert\">").Append(E(warning)).Append("</p>\n");
        }

        if (result.Note is not null)
        {
            html.Append("<p class=\"muted\">").Append(E(result.Note)).Append("</p>\n");
        }

        AppendSettings(html, result);
        AppendMetrics(html, result);

        html.Append("<h2>Charts</h2>\n<section class=\"charts\">\n");
        for (var i = 0; i < charts.Length; i++)
        {
            var chart = charts[i];
            html.Append("<div class=\"chart\" data-testid=\"").Append(E(chart.TestId)).Append("\"><h3>").Append(E(chart.Title)).Append("</h3>");
            if (chart.Subtitle is not null)
            {
                html.Append("<p class=\"muted\">").Append(E(chart.Subtitle)).Append("</p>");
            }

            html.Append("<div class=\"chart-graph\" data-figure=\"figure-").Append(Int(i)).Append("\"></div></div>\n");
        }

        html.Append("</section>\n<h2>Segments</h2>\n<section class=\"cards\">\n");
        foreach (var profile in result.Profiles.OrderBy(p => p.SegmentId))
        {
            AppendCard(html, profile, result.Explanation?.RuleOf(profile.SegmentId));
        }

        html.Append("</section>\n");
        AppendFidelity(html, result.Explanation);
        html.Append("</main>\n");
        for (var i = 0; i < charts.Length; i++)
        {
            // System.Text.Json escapes <, > and & by default, so the JSON cannot close the block.
            html.Append("<script type=\"application/json\" id=\"figure-").Append(Int(i)).Append("\">")
                .Append(charts[i].Figure.ToJson()).Append("</script>\n");
        }

        html.Append("<script>\n").Append(EscapeScript(plotlyScript)).Append("\n</script>\n");
        html.Append("<script>\n").Append(InitScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A file name for the report: the analysis name reduced to letters, digits, '-' and '_'.</summary>
    public static string FileName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var safe = new string(title.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return (safe.Length == 0 ? "segments" : safe.Length > 60 ? safe[..60] : safe) + "-report.html";
    }

    /// <summary>An inline script must not contain "&lt;/script": "&lt;\/" means the same inside JS strings and regexes.</summary>
    internal static string EscapeScript(string script) => script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        .Replace("<!--", "<\\!--", StringComparison.Ordinal);

    private static void AppendSettings(StringBuilder html, SegmentationResult result)
    {
        var request = result.Request;
        var features = result.Prepared.Features.Select(f => f.SourceColumn).Distinct(StringComparer.Ordinal);
        var rows = new List<(string, string)>
        {
            ("Algorithm", request.Algorithm switch
            {
                ClusteringAlgorithm.Hierarchical => "Hierarchical (" + request.Linkage.ToString().ToLowerInvariant() + " linkage)",
                ClusteringAlgorithm.Dbscan => "DBSCAN",
                ClusteringAlgorithm.KPrototypes => "K-prototypes (mixed data)",
                _ => "K-means",
            }),
            ("Segments (k)", Int(result.ClusterCount)),
            ("Features", string.Join(", ", features)),
            ("Scaling", request.Scaling.ToString()),
            ("Missing values", request.Missing.ToString()),
            ("Seed", Int(request.Seed)),
        };
        if (request.Algorithm is ClusteringAlgorithm.KMeans or ClusteringAlgorithm.KPrototypes)
        {
            rows.Add(("Restarts", Int(request.Restarts)));
        }

        if (result.Gamma is { } gamma)
        {
            rows.Add(("Gamma", gamma.ToString("G4", CultureInfo.InvariantCulture) + (request.Gamma is null ? " (default from the numeric spread)" : string.Empty)));
        }

        rows.Add(("Distance", SegmentDashboard.Components.Shared.DistanceText.Of(result)));

        if (request.Algorithm == ClusteringAlgorithm.Dbscan)
        {
            rows.Add(("Eps", request.Eps.ToString("G6", CultureInfo.InvariantCulture)));
            rows.Add(("Min samples", Int(request.MinSamples)));
        }

        rows.Add(("Rows used", Int(result.Prepared.Matrix.Rows) + " of " + Int(result.Dataset.RowCount)));
        foreach (var excluded in result.Prepared.Excluded)
        {
            rows.Add(("Excluded: " + excluded.Name, excluded.Reason));
        }

        html.Append("<h2>Settings</h2>\n<table data-testid=\"report-settings\">\n");
        foreach (var (key, value) in rows)
        {
            html.Append("<tr><th>").Append(E(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendMetrics(StringBuilder html, SegmentationResult result)
    {
        var metrics = result.Metrics;
        (string Label, string Value)[] items =
        [
            ("Silhouette", FigureText.Number(metrics.Silhouette, 3)),
            ("Calinski–Harabasz", FigureText.Number(metrics.CalinskiHarabasz, 1)),
            ("Davies–Bouldin", FigureText.Number(metrics.DaviesBouldin, 3)),
            ("Inertia", FigureText.Number(metrics.Inertia, 1)),
            ("Stability", FigureText.Number(metrics.Stability, 2)),
        ];
        html.Append("<h2>Quality</h2>\n<section class=\"metrics\" data-testid=\"report-metrics\">\n");
        foreach (var (label, value) in items)
        {
            html.Append("<div class=\"metric\"><span class=\"muted\">").Append(E(label)).Append("</span><b>").Append(E(value)).Append("</b></div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>The tree's fidelity under the cards, with the plain warning when rules explain segments poorly.</summary>
    private static void AppendFidelity(StringBuilder html, Core.Explain.SegmentExplanation? explanation)
    {
        if (explanation is null)
        {
            return;
        }

        html.Append("<p class=\"rule-fidelity\" data-testid=\"rule-fidelity\" data-fidelity=\"").Append(explanation.Fidelity.ToString("R", CultureInfo.InvariantCulture)).Append("\">")
            .Append("The rules' decision tree puts ").Append(FigureText.Percent(explanation.Fidelity)).Append(" of customers in their own segment.");
        if (explanation.IsPoor)
        {
            html.Append(" <strong>Rules explain some segments poorly (below 70%): read them as tendencies, not definitions.</strong>");
        }

        html.Append("</p>\n");
    }

    /// <summary>A segment's rule in plain words with precision and coverage (nothing without a rule).</summary>
    private static void AppendRule(StringBuilder html, Core.Explain.SegmentRule? rule)
    {
        if (rule is null)
        {
            return;
        }

        html.Append("<p class=\"segment-rule\" data-testid=\"segment-rule\" data-precision=\"").Append(rule.Precision.ToString("R", CultureInfo.InvariantCulture))
            .Append("\" data-coverage=\"").Append(rule.Coverage.ToString("R", CultureInfo.InvariantCulture)).Append("\"><strong>Rule:</strong> ")
            .Append(E(rule.Text)).Append(" · precision ").Append(FigureText.Percent(rule.Precision))
            .Append(" (").Append(Int(rule.MatchedInSegment)).Append(" of ").Append(Int(rule.Matched)).Append(") · coverage ")
            .Append(FigureText.Percent(rule.Coverage)).Append(" (").Append(Int(rule.MatchedInSegment)).Append(" of ").Append(Int(rule.SegmentSize)).Append(")</p>\n");
    }

    private static void AppendCard(StringBuilder html, SegmentProfile profile, Core.Explain.SegmentRule? rule)
    {
        html.Append("<article class=\"segment-card\" data-testid=\"segment-card\" style=\"--c:").Append(SegmentPalette.Color(profile.SegmentId)).Append("\">\n");
        html.Append("<h3 class=\"segment-name\" data-testid=\"segment-name\">").Append(E(profile.Name)).Append("</h3>\n");
        html.Append("<p class=\"segment-size\" data-testid=\"segment-size\">").Append(Int(profile.Size)).Append(" customers · ").Append(FigureText.Percent(profile.Share)).Append("</p>\n");
        AppendRule(html, rule);
        if (!string.IsNullOrWhiteSpace(profile.Description))
        {
            html.Append("<p>").Append(E(profile.Description)).Append("</p>\n");
        }

        var traits = profile.DefiningTraits.ToList();
        if (traits.Count > 0)
        {
            html.Append("<h4>Defining traits</h4><ul>");
            foreach (var trait in traits)
            {
                html.Append("<li>").Append(E(trait.Feature)).Append(": ").Append(trait.EffectSize >= 0 ? "▲ " : "▼ ")
                    .Append(FigureText.Number(Math.Abs(trait.EffectSize), 2)).Append(" SD (")
                    .Append(FigureText.Number(trait.SegmentMean, 2)).Append(" vs ").Append(FigureText.Number(trait.PopulationMean, 2)).Append(" overall)</li>");
            }

            html.Append("</ul>\n");
        }

        if (!profile.CategoryMix.IsDefaultOrEmpty)
        {
            html.Append("<h4>Category mix</h4><ul>");
            foreach (var share in profile.CategoryMix.Take(3))
            {
                html.Append("<li>").Append(E(share.Column)).Append(": <strong>").Append(E(share.Level)).Append("</strong> ")
                    .Append(FigureText.Percent(share.SegmentShare)).Append(" vs ").Append(FigureText.Percent(share.PopulationShare)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        var playbook = profile.Playbook;
        html.Append("<h4>Playbook</h4><p><span class=\"muted\">Offer</span> ").Append(E(playbook.Offer))
            .Append("</p><p><span class=\"muted\">Channel</span> ").Append(E(playbook.Channel)).Append("</p>");
        if (!playbook.ProductCategories.IsDefaultOrEmpty)
        {
            html.Append("<div>");
            foreach (var category in playbook.ProductCategories)
            {
                html.Append("<span class=\"chip\">").Append(E(category)).Append("</span>");
            }

            html.Append("</div>");
        }

        if (!playbook.Actions.IsDefaultOrEmpty)
        {
            html.Append("<ul>");
            foreach (var action in playbook.Actions)
            {
                html.Append("<li>").Append(E(action)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("\n</article>\n");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
