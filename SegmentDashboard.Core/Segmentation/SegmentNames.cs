using System.Globalization;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>The one fallback-name rule: segment ids count from 0, names from 1 ("Segment 1" is id 0); noise (-1) is "Noise".</summary>
public static class SegmentNames
{
    public static string Fallback(int segmentId) =>
        segmentId < 0 ? "Noise" : "Segment " + (segmentId + 1).ToString(CultureInfo.InvariantCulture);
}
