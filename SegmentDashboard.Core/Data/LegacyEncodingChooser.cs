using System.Text;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Tells a DOS code page (CP850, CP437) from Windows-1252 for bytes that are not UTF-8, by the
/// bytes' context: a byte above 0x7F next to an ASCII letter is part of a word, so in the right
/// code page it decodes to a letter. CP850 writes ä ö ü é ñ å as 0x84 0x94 0x81 0x82 0xA4 0x86,
/// which Windows-1252 reads as punctuation („ ” ‚ ¤ †) or nothing; Windows-1252 writes them as
/// 0xE4 0xF6 0xFC 0xE9 0xF1 0xE5, which CP850 reads partly as symbols (÷ ³ ±). The code page with
/// more letters-in-words wins; Windows-1252 on a tie, CP850 over CP437 on a tie.
/// </summary>
internal static class LegacyEncodingChooser
{
    private static readonly Lazy<Encoding?> Cp850 = new(() => TryGet(850));
    private static readonly Lazy<Encoding?> Cp437 = new(() => TryGet(437));

    /// <summary>The encoding and its display name for <paramref name="prefix"/>; <paramref name="fallback"/> (Windows-1252) unless a DOS code page reads more words.</summary>
    public static (Encoding Encoding, string Name) Choose(ReadOnlySpan<byte> prefix, Encoding fallback)
    {
        var windows = LettersInWords(prefix, fallback);
        var best = (Encoding: fallback, Name: fallback.CodePage == 1252 ? "Windows-1252" : "Latin-1", Score: windows);
        foreach (var (candidate, name) in new[] { (Cp850.Value, "CP850 (DOS)"), (Cp437.Value, "CP437 (DOS)") })
        {
            if (candidate is null)
            {
                continue;
            }

            var score = LettersInWords(prefix, candidate);
            if (score > best.Score)
            {
                best = (candidate, name, score);
            }
        }

        return (best.Encoding, best.Name);
    }

    /// <summary>Bytes above 0x7F, next to an ASCII letter or another such byte, that decode to an accented Latin letter; minus those that decode to something else.</summary>
    internal static int LettersInWords(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var table = new char[128];
        var high = new byte[128];
        for (var i = 0; i < 128; i++)
        {
            high[i] = (byte)(i + 128);
        }

        encoding.GetChars(high, table);
        var score = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                continue;
            }

            var before = i > 0 && IsWordByte(bytes[i - 1]);
            var after = i + 1 < bytes.Length && IsWordByte(bytes[i + 1]);
            if (!before && !after)
            {
                continue;
            }

            score += IsLatinLetter(table[b - 128]) ? 1 : -1;
        }

        return score;
    }

    /// <summary>Accented Latin letters (Latin-1 Supplement and Latin Extended-A/B); Greek letters and modifiers of CP437 do not count.</summary>
    private static bool IsLatinLetter(char c) => c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c);

    private static bool IsWordByte(byte b) => char.IsAsciiLetter((char)b) || b >= 0x80;

    private static Encoding? TryGet(int codePage)
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
