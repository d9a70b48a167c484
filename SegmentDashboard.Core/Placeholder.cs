namespace SegmentDashboard.Core;

internal static class Placeholder;
