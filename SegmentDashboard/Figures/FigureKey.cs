namespace SegmentDashboard.Figures;

/// <summary>
/// What a figure is built from, by identity: the chart's slot, the segment labels it is split by
/// (the result's array itself, compared by reference; null when not split) and its other inputs
/// (column names, segment names) as one string. Together with the dataset object it names one figure.
/// </summary>
public readonly record struct FigureKey(string Slot, int[]? Labels, string Inputs);
