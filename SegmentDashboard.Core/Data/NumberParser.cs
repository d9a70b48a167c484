using System.Globalization;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// The slow, lenient number reader behind the fast <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>
/// path: currency symbols (<c>$ € £ ¥ ₹</c>, <c>Rs</c>), thousands separators (<c>1,234.50</c>,
/// <c>1.234,50</c>, Indian <c>1,79,691</c>, <c>12 345,6</c> with a space or no-break space),
/// a trailing percent (<c>64%</c> is 64), a leading plus, accounting negatives <c>(12.5)</c>, and
/// <c>inf</c> / <c>Infinity</c> (returned as infinities so the caller can warn about them).
/// </summary>
internal static class NumberParser
{
    public static readonly NumberFormatInfo CommaDecimal = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private const string CurrencySymbols = "$€£¥₹";

    public static bool TryParse(ReadOnlySpan<char> text, bool decimalComma, out double value)
    {
        value = double.NaN;
        var s = Clean(text);
        var negative = false;
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = Clean(s[1..^1]);
        }

        if (s.Length > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '−'))
        {
            negative ^= s[0] != '+';
            s = Clean(s[1..]);
        }

        // 64% reads as 64: the unit belongs to the column, as a spreadsheet shows it.
        if (s.Length > 0 && s[^1] == '%')
        {
            s = s[..^1].TrimEnd();
        }

        s = Clean(s);
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase) || s is "∞")
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (!TryDigits(s, decimalComma, out var magnitude))
        {
            return false;
        }

        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>Trims whitespace, byte order marks and a currency symbol or code on either side.</summary>
    private static ReadOnlySpan<char> Clean(ReadOnlySpan<char> s)
    {
        while (true)
        {
            var before = s.Length;
            s = s.Trim().Trim('\uFEFF').Trim('\u00A0').Trim('\u202F');
            if (s.Length > 0 && CurrencySymbols.Contains(s[0]))
            {
                s = s[1..];
            }

            if (s.Length > 0 && CurrencySymbols.Contains(s[^1]))
            {
                s = s[..^1];
            }

            foreach (var code in (ReadOnlySpan<string>)["Rs.", "Rs", "INR", "USD", "EUR", "GBP"])
            {
                if (s.StartsWith(code, StringComparison.OrdinalIgnoreCase))
                {
                    s = s[code.Length..];
                }
                else if (s.EndsWith(code, StringComparison.OrdinalIgnoreCase))
                {
                    s = s[..^code.Length];
                }
            }

            if (s.Length == before)
            {
                return s;
            }
        }
    }

    /// <summary>Digits with optional grouping and one decimal separator; the grouping must be regular.</summary>
    private static bool TryDigits(ReadOnlySpan<char> s, bool decimalComma, out double value)
    {
        value = 0;
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        char? decimalSeparator;
        if (lastComma >= 0 && lastDot >= 0)
        {
            decimalSeparator = lastComma > lastDot ? ',' : '.';
        }
        else if (lastComma >= 0)
        {
            // A single comma is a decimal comma in such files, or anywhere when not followed by exactly three digits.
            decimalSeparator = s.IndexOf(',') == lastComma && (decimalComma || s.Length - lastComma - 1 != 3) ? ',' : null;
        }
        else if (lastDot >= 0)
        {
            decimalSeparator = s.IndexOf('.') == lastDot && (!decimalComma || s.Length - lastDot - 1 != 3) ? '.' : null;
        }
        else
        {
            decimalSeparator = null;
        }

        var integerPart = s;
        var fraction = ReadOnlySpan<char>.Empty;
        if (decimalSeparator is { } separator)
        {
            var at = s.LastIndexOf(separator);
            integerPart = s[..at];
            fraction = s[(at + 1)..];
            foreach (var c in fraction)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }
        }

        Span<char> digits = stackalloc char[Math.Min(s.Length + 2, 256)];
        if (s.Length + 2 > digits.Length)
        {
            return false;
        }

        var length = 0;
        var groupLengths = new List<int>(4);
        var current = 0;
        foreach (var c in integerPart)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[length++] = c;
                current++;
            }
            else if (c is ',' or '.' or ' ' or '\u00A0' or '\u202F' or '\'' && c != decimalSeparator)
            {
                groupLengths.Add(current);
                current = 0;
            }
            else
            {
                return false;
            }
        }

        groupLengths.Add(current);
        if (!IsRegularGrouping(groupLengths) || (length == 0 && fraction.Length == 0))
        {
            return false;
        }

        if (fraction.Length > 0)
        {
            digits[length++] = '.';
            fraction.CopyTo(digits[length..]);
            length += fraction.Length;
        }

        return double.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>1,234,567 (threes) or 1,79,691 / 12,34,567 (Indian: twos, then a final three).</summary>
    private static bool IsRegularGrouping(List<int> groups)
    {
        if (groups.Count == 1)
        {
            return true;
        }

        if (groups[0] < 1 || groups[0] > 3 || groups[^1] != 3)
        {
            return false;
        }

        var allThree = true;
        var indian = groups[0] <= 2 || groups.Count > 2;
        for (var i = 1; i < groups.Count - 1; i++)
        {
            allThree &= groups[i] == 3;
            indian &= groups[i] == 2;
        }

        return allThree || indian;
    }
}
