namespace SegmentDashboard.Figures;

/// <summary>One colour per segment, the same in every chart and card (noise is grey).</summary>
public static class SegmentPalette
{
    public const string NoiseColor = "#9aa3ad";

    private static readonly string[] Colors =
    [
        "#4f6bed", "#f08a24", "#19a974", "#e5484d", "#8e5cd9", "#0fa5b8", "#d6409f", "#7a8a12",
        "#b7791f", "#2f855a", "#5a67d8", "#c05621", "#2b6cb0", "#97266d", "#4a5568",
    ];

    /// <summary>The colour of segment <paramref name="segmentId"/> (-1 is noise).</summary>
    public static string Color(int segmentId) => segmentId < 0 ? NoiseColor : Colors[segmentId % Colors.Length];
}
