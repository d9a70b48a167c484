using Microsoft.AspNetCore.Components;
using SegmentDashboard.Figures;

namespace SegmentDashboard.Components.Charts;

/// <summary>
/// A chart whose figure is built off the render thread: a busy placeholder in the chart's frame
/// until the figure is there, then <see cref="PlotlyChart"/>. The page that builds the figure keeps
/// the status from saying "ready" meanwhile.
/// </summary>
public sealed partial class ChartSlot
{
    /// <summary>The figure, or null while it is being built.</summary>
    [Parameter]
    public PlotlyFigure? Figure { get; set; }

    /// <summary>The <c>data-testid</c> of the chart once it has its figure.</summary>
    [Parameter, EditorRequired]
    public string TestId { get; set; } = default!;

    [Parameter]
    public string? Title { get; set; }

    [Parameter]
    public string? Subtitle { get; set; }
}
