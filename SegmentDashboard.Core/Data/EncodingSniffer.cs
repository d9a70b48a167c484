using System.Text;
using System.Text.Unicode;

namespace SegmentDashboard.Core.Data;

/// <summary>What <see cref="EncodingSniffer"/> found at the start of a file.</summary>
/// <param name="Encoding">The encoding to decode the file with.</param>
/// <param name="Name">As shown to the user, e.g. "UTF-8 (BOM)".</param>
/// <param name="BomLength">Bytes of byte order mark at the start.</param>
/// <param name="IsUtf8">True when the bytes can be handed to the reader as UTF-8 without transcoding.</param>
internal sealed record SniffedEncoding(Encoding Encoding, string Name, int BomLength, bool IsUtf8);

/// <summary>
/// Decides the encoding from the first bytes: a UTF-8 or UTF-16 byte order mark wins; otherwise
/// valid UTF-8 is UTF-8 and anything else is Windows-1252 (Latin-1 when code pages are missing) or,
/// when the bytes read as words only that way, the DOS code page CP850 or CP437 (<see cref="LegacyEncodingChooser"/>).
/// </summary>
internal static class EncodingSniffer
{
    private static readonly Lazy<Encoding> Windows1252 = new(CreateWindows1252);

    /// <summary>Windows-1252 (Latin-1 when code pages are missing): how bytes that are not UTF-8 are read.</summary>
    public static Encoding Fallback => Windows1252.Value;

    public static SniffedEncoding Sniff(ReadOnlySpan<byte> prefix, bool isWholeFile)
    {
        if (prefix.Length >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF)
        {
            return new SniffedEncoding(new UTF8Encoding(false), "UTF-8 (BOM)", 3, true);
        }

        if (prefix.Length >= 2 && prefix[0] == 0xFF && prefix[1] == 0xFE)
        {
            return new SniffedEncoding(new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "UTF-16 LE (BOM)", 2, false);
        }

        if (prefix.Length >= 2 && prefix[0] == 0xFE && prefix[1] == 0xFF)
        {
            return new SniffedEncoding(new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "UTF-16 BE (BOM)", 2, false);
        }

        if (IsValidUtf8(prefix, isWholeFile))
        {
            return new SniffedEncoding(new UTF8Encoding(false), "UTF-8", 0, true);
        }

        var (legacy, name) = LegacyEncodingChooser.Choose(prefix, Windows1252.Value);
        return new SniffedEncoding(legacy, name, 0, false);
    }

    /// <summary>
    /// True when the decoded start of the file looks like binary data: a NUL character, or more
    /// than 5% control characters other than tab, line feed, carriage return and form feed.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            {
                control++;
            }
        }

        return text.Length > 0 && control > text.Length * 0.05;
    }

    /// <summary>True when every other byte is NUL, as in UTF-16 text of Latin letters saved without a byte order mark.</summary>
    public static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> prefix)
    {
        var pairs = Math.Min(prefix.Length, 4096) / 2;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < pairs; i++)
        {
            evenNul += prefix[2 * i] == 0 ? 1 : 0;
            oddNul += prefix[(2 * i) + 1] == 0 ? 1 : 0;
        }

        return pairs >= 2 && Math.Max(evenNul, oddNul) > pairs * 0.8 && Math.Min(evenNul, oddNul) < pairs * 0.05;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> prefix, bool isWholeFile)
    {
        var status = Utf8.ToUtf16(prefix, new char[prefix.Length], out var read, out _, replaceInvalidSequences: false, isFinalBlock: isWholeFile);
        return status == System.Buffers.OperationStatus.Done
            || (!isWholeFile && status == System.Buffers.OperationStatus.NeedMoreData && prefix.Length - read < 4);
    }

    private static Encoding CreateWindows1252()
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return Encoding.Latin1;
        }
    }
}
