using SegmentDashboard.Figures;

namespace SegmentDashboard.Reports;

/// <summary>One chart of an analysis: its test id (also the report's element id), title, subtitle and figure.</summary>
public sealed record ChartSpec(string TestId, string Title, string? Subtitle, PlotlyFigure Figure);
