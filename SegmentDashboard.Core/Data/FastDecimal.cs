using System.Runtime.CompilerServices;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Parses the common plain decimal (<c>-12.345</c>: optional sign, up to 15 digits, one decimal
/// separator, no exponent) straight from UTF-8 bytes. The digits form an exact integer below
/// 2^53 and the power of ten is exact up to 10^22, so one IEEE division gives the correctly
/// rounded double, the same as <see cref="double.Parse(string)"/> (Clinger's fast path).
/// Anything else returns false and goes to the full parser.
/// </summary>
internal static class FastDecimal
{
    private const int MaxDigits = 15;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> s, byte decimalSeparator, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fractionDigits = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            var digit = (uint)(c - '0');
            if (digit <= 9)
            {
                if (++digits > MaxDigits)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
                if (fractionDigits >= 0)
                {
                    fractionDigits++;
                }
            }
            else if (c == decimalSeparator && fractionDigits < 0)
            {
                fractionDigits = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var result = fractionDigits > 0 ? mantissa / PowersOfTen[fractionDigits] : mantissa;
        value = negative ? -result : result;
        return true;
    }
}
