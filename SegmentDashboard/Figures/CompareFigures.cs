using System.Collections.Immutable;
using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Compare;

namespace SegmentDashboard.Figures;

/// <summary>Charts of a comparison of two segmentations: the contingency heatmap and the Sankey flow A → B.</summary>
public static class CompareFigures
{
    /// <summary>Rows are A's segments, columns B's, cells the customers in both (text shows the count).</summary>
    public static PlotlyFigure ContingencyHeatmap(RunComparison comparison, Func<int, string> nameA, Func<int, string> nameB)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(nameA);
        ArgumentNullException.ThrowIfNull(nameB);
        var table = comparison.Contingency;
        if (table.RowLabels.IsEmpty || table.ColumnLabels.IsEmpty)
        {
            return PlotlyFigure.Message("No customers to compare.");
        }

        var z = table.Counts.Select(row => row.Select(c => (double)c).ToArray()).ToArray();
        var trace = new HeatMap
        {
            X = FigureText.Values(table.ColumnLabels.Select(label => "B: " + FigureText.Encode(nameB(label), 28))),
            Y = FigureText.Values(table.RowLabels.Select(label => "A: " + FigureText.Encode(nameA(label), 28))),
            Z = FigureText.Values(z),
            Text = FigureText.Values(table.Counts.Select(row => row.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())),
            TextTemplate = "%{text}",
            ColorScale = "Blues",
            ReverseScale = true, // Plotly's Blues runs dark to light: reversed, empty cells are pale and big ones stand out
            XGap = 2,
            YGap = 2,
            HoverTemplate = "%{y}<br>%{x}<br>%{z} customers<extra></extra>",
        };
        var layout = FigureStyle.Layout(Math.Max(260, 110 + (table.RowLabels.Length * 34)), layout =>
        {
            var columnWidth = FigureStyle.LabelWidth(table.ColumnLabels.Select(label => "B: " + FigureText.Encode(nameB(label), 28)));
            layout.XAxis = [FigureStyle.XAxis(string.Empty, axis =>
            {
                axis.Side = Plotly.Blazor.LayoutLib.XAxisLib.SideEnum.Top;
                axis.TickAngle = -30;
            })];
            layout.YAxis = [FigureStyle.YAxis(string.Empty, axis => axis.AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed)];
            layout.Margin = FigureStyle.Margin(
                FigureStyle.LabelWidth(table.RowLabels.Select(label => "A: " + FigureText.Encode(nameA(label), 28))), 16, FigureStyle.RotatedLabelDepth(columnWidth, 30), 16);
            layout.ShowLegend = false;
        });
        return new PlotlyFigure([trace], layout);
    }

    /// <summary>
    /// Nodes are A's segments (left, first) then B's (right); one link per non-empty contingency
    /// cell, its value the customers who are in both. Labels are the HTML-encoded segment names.
    /// </summary>
    public static PlotlyFigure Sankey(RunComparison comparison, Func<int, string> nameA, Func<int, string> nameB)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(nameA);
        ArgumentNullException.ThrowIfNull(nameB);
        var table = comparison.Contingency;
        if (table.RowLabels.IsEmpty || table.ColumnLabels.IsEmpty)
        {
            return PlotlyFigure.Message("No customers to compare.");
        }

        var rows = table.RowLabels.Length;
        var links = (from i in Enumerable.Range(0, rows)
                     from j in Enumerable.Range(0, table.ColumnLabels.Length)
                     where table.Counts[i][j] > 0
                     select (Source: i, Target: rows + j, Value: table.Counts[i][j])).ToImmutableArray();
        var trace = new Sankey
        {
            Arrangement = Plotly.Blazor.Traces.SankeyLib.ArrangementEnum.Fixed,
            Node = new Plotly.Blazor.Traces.SankeyLib.Node
            {
                Label = NodeLabels(table.RowLabels, table.ColumnLabels, nameA, nameB).Cast<object>().ToList(),
                ColorArray = NodeColors(comparison).Cast<object>().ToList(),
                Pad = 14,
                Thickness = 16,
            },
            Link = new Plotly.Blazor.Traces.SankeyLib.Link
            {
                Source = links.Select(l => (object)l.Source).ToList(),
                Target = links.Select(l => (object)l.Target).ToList(),
                Value = links.Select(l => (object)l.Value).ToList(),
                ColorArray = links.Select(l => (object)Translucent(SegmentPalette.Color(table.RowLabels[l.Source]))).ToList(),
                HoverTemplate = "%{source.label} → %{target.label}: %{value} customers<extra></extra>",
            },
        };
        var layout = FigureStyle.Layout(Math.Max(320, 60 + (Math.Max(rows, table.ColumnLabels.Length) * 48)), layout =>
        {
            layout.Margin = FigureStyle.Margin(16, 16, 16, 16);
            layout.ShowLegend = false;
        });
        return new PlotlyFigure([trace], layout);
    }

    /// <summary>
    /// The Sankey's node colours, A's nodes then B's: A's segments keep their colour; a B segment
    /// takes the colour of the A segment it is the best match of (the one giving it the most
    /// customers when several are), so a segment that stays reads as the same colour on both
    /// sides; a B segment no A segment matches takes a colour no A segment has.
    /// </summary>
    public static ImmutableArray<string> NodeColors(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = comparison.Contingency;
        var unused = table.RowLabels.Where(label => label >= 0).DefaultIfEmpty(-1).Max() + 1;
        var colorsB = new List<string>();
        for (var j = 0; j < table.ColumnLabels.Length; j++)
        {
            var labelB = table.ColumnLabels[j];
            var matchedBy = Enumerable.Range(0, table.RowLabels.Length)
                .Where(i => comparison.Matches[i] == labelB && table.RowLabels[i] >= 0)
                .OrderByDescending(i => table.Counts[i][j])
                .Select(i => (int?)table.RowLabels[i])
                .FirstOrDefault();
            colorsB.Add(labelB < 0 ? SegmentPalette.NoiseColor : SegmentPalette.Color(matchedBy ?? unused++));
        }

        return [.. table.RowLabels.Select(SegmentPalette.Color), .. colorsB];
    }

    /// <summary>A #rrggbb colour at 40% opacity (links show their source's colour without hiding the nodes).</summary>
    private static string Translucent(string hex) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"rgba({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)},0.4)");

    /// <summary>A's segment names prefixed "A: ", then B's prefixed "B: ", HTML-encoded.</summary>
    public static ImmutableArray<string> NodeLabels(ImmutableArray<int> labelsA, ImmutableArray<int> labelsB, Func<int, string> nameA, Func<int, string> nameB)
    {
        ArgumentNullException.ThrowIfNull(nameA);
        ArgumentNullException.ThrowIfNull(nameB);
        return labelsA.Select(label => "A: " + FigureText.Encode(nameA(label), 32))
            .Concat(labelsB.Select(label => "B: " + FigureText.Encode(nameB(label), 32)))
            .ToImmutableArray();
    }
}
