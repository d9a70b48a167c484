namespace SegmentDashboard.Core.Data;

/// <summary>What <see cref="DialectSniffer"/> decided from the start of a file.</summary>
internal sealed record SniffedDialect(char Delimiter, bool DecimalComma, string LineEnding);

/// <summary>
/// Picks the delimiter among comma, semicolon, tab and pipe by how consistently the first records
/// split into the header's field count (quotes respected), then looks for decimal commas
/// (<c>261,96</c> in a file that is not comma-separated) and names the line endings.
/// </summary>
internal static class DialectSniffer
{
    private const int MaxRecords = 50;

    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    public static SniffedDialect Sniff(ReadOnlySpan<char> text, bool isWholeFile, char? delimiter, bool? decimalComma)
    {
        var chosen = delimiter ?? SeparatorHint(text) ?? ChooseDelimiter(text, isWholeFile);
        var comma = decimalComma ?? (chosen != ',' && LooksLikeDecimalComma(text, chosen, isWholeFile));
        return new SniffedDialect(chosen, comma, LineEndings(text));
    }

    /// <summary>The delimiter named by Excel's first line <c>sep=;</c>, if the file has one.</summary>
    internal static char? SeparatorHint(ReadOnlySpan<char> text) =>
        text.Length >= 5 && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && (text.Length == 5 || text[5] is '\r' or '\n')
            && Candidates.Contains(text[4])
            ? text[4]
            : null;

    private static char ChooseDelimiter(ReadOnlySpan<char> text, bool isWholeFile)
    {
        var best = ',';
        var bestScore = double.NegativeInfinity;
        foreach (var candidate in Candidates)
        {
            var counts = FieldCounts(text, candidate, isWholeFile);
            if (counts.Count == 0 || counts[0] < 2)
            {
                continue;
            }

            var header = counts[0];
            var consistent = 0;
            for (var i = 1; i < counts.Count; i++)
            {
                if (counts[i] == header)
                {
                    consistent++;
                }
            }

            // Consistency first; among equally consistent candidates, more fields wins slightly.
            var share = counts.Count == 1 ? 1.0 : consistent / (double)(counts.Count - 1);
            var score = share + (Math.Min(header, 1000) * 1e-6);
            if (candidate == ',' && MostlyProseCommas(text))
            {
                // "Paris, FR": commas followed by a space are usually inside text, not between fields.
                score -= 1e-3;
            }

            if (score > bestScore + 1e-12)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    private static bool MostlyProseCommas(ReadOnlySpan<char> text)
    {
        int commas = 0, prose = 0;
        for (var i = 0; i < text.Length && commas < 10_000; i++)
        {
            if (text[i] == ',')
            {
                commas++;
                prose += i + 1 < text.Length && text[i + 1] == ' ' ? 1 : 0;
            }
        }

        return commas > 0 && prose * 2 > commas;
    }

    /// <summary>Field counts of the first records (the header first); quoted delimiters and line breaks do not count.</summary>
    internal static List<int> FieldCounts(ReadOnlySpan<char> text, char delimiter, bool isWholeFile)
    {
        var counts = new List<int>();
        var fields = 1;
        var inQuotes = false;
        var recordHasContent = false;
        for (var i = 0; i < text.Length && counts.Count < MaxRecords; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }

                continue;
            }

            if (c == '"')
            {
                inQuotes = true;
                recordHasContent = true;
            }
            else if (c == delimiter)
            {
                fields++;
                recordHasContent = true;
            }
            else if (c == '\n' || c == '\r')
            {
                if (recordHasContent)
                {
                    counts.Add(fields);
                }

                fields = 1;
                recordHasContent = false;
            }
            else
            {
                recordHasContent = true;
            }
        }

        // The last record is only whole when the text is the whole file (or nothing else was seen).
        if (recordHasContent && counts.Count < MaxRecords && (isWholeFile || counts.Count == 0))
        {
            counts.Add(fields);
        }

        return counts;
    }

    private static bool LooksLikeDecimalComma(ReadOnlySpan<char> text, char delimiter, bool isWholeFile)
    {
        var commaDecimals = 0;
        var dotDecimals = 0;
        var start = 0;
        var inQuotes = false;
        var records = 0;
        for (var i = 0; i <= text.Length && records < 200; i++)
        {
            var end = i == text.Length;
            if (end && !isWholeFile)
            {
                break;
            }

            var c = end ? '\n' : text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            if (inQuotes || (c != delimiter && c != '\n' && c != '\r'))
            {
                continue;
            }

            Classify(text[start..i].Trim().Trim('"'), ref commaDecimals, ref dotDecimals);
            start = i + 1;
            if (c != delimiter)
            {
                records++;
            }
        }

        return commaDecimals > 0 && commaDecimals > dotDecimals;
    }

    /// <summary>Counts fields shaped like <c>-12,5</c> or <c>1.234,56</c> (comma decimals) versus <c>12.5</c> (dot decimals).</summary>
    private static void Classify(ReadOnlySpan<char> field, ref int commaDecimals, ref int dotDecimals)
    {
        if (field.Length == 0)
        {
            return;
        }

        var lastComma = field.LastIndexOf(',');
        var lastDot = field.LastIndexOf('.');
        if (lastComma < 0 && lastDot < 0)
        {
            return;
        }

        foreach (var c in field)
        {
            if (!char.IsAsciiDigit(c) && c != ',' && c != '.' && c != '-' && c != '+')
            {
                return;
            }
        }

        if (lastComma > lastDot)
        {
            var decimals = field.Length - lastComma - 1;
            if (decimals > 0 && (decimals != 3 || lastDot >= 0) && field[..lastComma].IndexOf(',') < 0)
            {
                commaDecimals++;
            }
        }
        else
        {
            var decimals = field.Length - lastDot - 1;
            if (decimals > 0 && (decimals != 3 || lastComma >= 0) && field[..lastDot].IndexOf('.') < 0)
            {
                dotDecimals++;
            }
        }
    }

    private static string LineEndings(ReadOnlySpan<char> text)
    {
        int lf = 0, crlf = 0, cr = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    crlf++;
                    i++;
                }
                else
                {
                    cr++;
                }
            }
            else if (text[i] == '\n')
            {
                lf++;
            }
        }

        var kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
        return kinds > 1 ? "mixed" : crlf > 0 ? "CRLF" : cr > 0 ? "CR" : "LF";
    }
}
