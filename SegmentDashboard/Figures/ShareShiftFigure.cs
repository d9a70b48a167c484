using Plotly.Blazor;
using Plotly.Blazor.Traces;
using SegmentDashboard.Core.Sharing;

namespace SegmentDashboard.Figures;

/// <summary>Applying a saved segmentation to new data: each segment's saved and new share, side by side.</summary>
public static class ShareShiftFigure
{
    /// <summary>A grouped bar chart: saved share and new share per segment.</summary>
    public static PlotlyFigure Build(SegmentShift shift, Func<int, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(nameOf);
        var labels = FigureText.Values(shift.Segments.Select(s => FigureText.Encode(nameOf(s.SegmentId))));
        ITrace[] traces =
        [
            new Bar { Name = "Saved", X = labels, Y = FigureText.Numbers(shift.Segments.Select(s => s.OldShare * 100)), Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#9aa5b8" } },
            new Bar { Name = "New", X = labels, Y = FigureText.Numbers(shift.Segments.Select(s => s.NewShare * 100)), Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#4f6bed" } },
        ];
        var layout = FigureStyle.Layout(320, layout =>
        {
            layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
            layout.YAxis = [FigureStyle.YAxis("Share of customers (%)", axis => axis.RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero)];
        });
        return new PlotlyFigure([.. traces], layout);
    }
}
