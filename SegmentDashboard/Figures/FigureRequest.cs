namespace SegmentDashboard.Figures;

/// <summary>One chart's figure: its key and how to build it (a pure function of the key's inputs).</summary>
public sealed record FigureRequest(FigureKey Key, Func<PlotlyFigure> Build);
