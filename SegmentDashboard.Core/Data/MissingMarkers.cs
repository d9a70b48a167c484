using System.Text;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Cell values that mean "no value": empty, NA, N/A, null, None, -, NaN, #N/A and ? (case-insensitive
/// for the words). Checked on the UTF-8 bytes so numeric columns never allocate a string for them.
/// </summary>
internal static class MissingMarkers
{
    public static readonly string[] All = ["NA", "N/A", "null", "None", "-", "NaN", "#N/A", "?"];

    public static bool IsMissing(ReadOnlySpan<byte> utf8)
    {
        utf8 = utf8.Trim(" \t"u8);
        return utf8.Length switch
        {
            0 => true,
            1 => utf8[0] == (byte)'-' || utf8[0] == (byte)'?',
            2 => Ascii.EqualsIgnoreCase(utf8, "NA"u8),
            3 => Ascii.EqualsIgnoreCase(utf8, "N/A"u8) || Ascii.EqualsIgnoreCase(utf8, "NaN"u8),
            4 => Ascii.EqualsIgnoreCase(utf8, "null"u8) || Ascii.EqualsIgnoreCase(utf8, "None"u8) || Ascii.EqualsIgnoreCase(utf8, "#N/A"u8),
            _ => false,
        };
    }

    public static bool IsMissing(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.Length switch
        {
            0 => true,
            1 => text[0] == '-' || text[0] == '?',
            2 => text.Equals("NA", StringComparison.OrdinalIgnoreCase),
            3 => text.Equals("N/A", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase),
            4 => text.Equals("null", StringComparison.OrdinalIgnoreCase) || text.Equals("None", StringComparison.OrdinalIgnoreCase) || text.Equals("#N/A", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
