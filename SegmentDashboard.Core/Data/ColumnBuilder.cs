using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Accumulates one column while the file streams by. A column starts as numbers (parsed from the
/// UTF-8 span, no string per cell) and switches to strings at its first value that is neither a
/// number nor a missing marker, or that has a leading zero (<c>0001</c>) whose padding must be
/// kept. Values read before the switch are re-formatted from their doubles (exact for integers).
/// </summary>
internal sealed class ColumnBuilder
{
    private readonly bool _decimalComma;
    private readonly IFormatProvider _fastProvider;
    private readonly byte _decimalSeparator;
    private double[]? _numbers;
    private string?[]? _strings;
    private char[] _chars = new char[64];
    private int _count;

    /// <param name="decimalComma">Numbers use ',' as the decimal separator.</param>
    /// <param name="expectedRows">Rows estimated from the file size, so arrays rarely grow.</param>
    public ColumnBuilder(bool decimalComma, int expectedRows)
    {
        _numbers = new double[Math.Max(16, expectedRows)];
        _decimalComma = decimalComma;
        _decimalSeparator = decimalComma ? (byte)',' : (byte)'.';
        _fastProvider = decimalComma ? NumberParser.CommaDecimal : CultureInfo.InvariantCulture;
    }

    /// <summary>Values of a numeric column that read as infinity and were stored as missing.</summary>
    public int Infinities { get; private set; }

    public int Count => _count;

    /// <summary>Values that were not valid UTF-8 and were read as Windows-1252.</summary>
    public int NotUtf8 { get; private set; }

    public bool IsNumeric => _strings is null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(CsvReader reader, int field)
    {
        var span = reader.GetSpan(field);
        if (_numbers is not null)
        {
            if (TryNumber(span, out var value))
            {
                if (_count == _numbers.Length)
                {
                    Array.Resize(ref _numbers, _count * 2);
                }

                _numbers[_count++] = value;
                return;
            }

            SwitchToStrings();
        }

        if (_count == _strings!.Length)
        {
            Array.Resize(ref _strings, _count * 2);
        }

        if (MissingMarkers.IsMissing(span))
        {
            // A written NA may be a code (North America); NaAsValue decides once the column is read.
            _strings[_count++] = NaAsValue.IsUpperNa(span) ? NaAsValue.Sentinel : null;
        }
        else if (Utf8.IsValid(span))
        {
            _strings[_count++] = Clean(reader.GetString(field));
        }
        else
        {
            // The start of the file was UTF-8 but this value is not: read it as Windows-1252 ("café" from 0xE9).
            NotUtf8++;
            _strings[_count++] = Clean(EncodingSniffer.Fallback.GetString(span));
        }
    }

    /// <summary>The numbers, as an array of exactly <see cref="Count"/> values; the builder gives it away.</summary>
    public double[] TakeNumbers()
    {
        var numbers = _numbers ?? [];
        if (numbers.Length != _count)
        {
            Array.Resize(ref numbers, _count);
        }

        _numbers = null;
        return numbers;
    }

    public ReadOnlySpan<string?> Strings => _strings.AsSpan(0, _strings is null ? 0 : _count);

    /// <summary>Decides the written NAs of a text column (<see cref="NaAsValue.Resolve"/>); how many were kept as the value "NA".</summary>
    public int ResolveNaMarkers() => _strings is null ? 0 : NaAsValue.Resolve(_strings.AsSpan(0, _count));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryNumber(ReadOnlySpan<byte> span, out double value)
    {
        if (span.Length == 0)
        {
            value = double.NaN;
            return true;
        }

        var leadingZero = span.Length > 1 && span[0] == (byte)'0' && char.IsAsciiDigit((char)span[1]);
        if (leadingZero)
        {
            value = double.NaN;
            return false;
        }

        if (FastDecimal.TryParse(span, _decimalSeparator, out value))
        {
            return true;
        }

        if (double.TryParse(span, NumberStyles.Float, _fastProvider, out value) || TrySlow(span, out value))
        {
            if (double.IsInfinity(value))
            {
                Infinities++;
                value = double.NaN;
            }

            return true;
        }

        if (MissingMarkers.IsMissing(span))
        {
            value = double.NaN;
            return true;
        }

        return false;
    }

    private bool TrySlow(ReadOnlySpan<byte> span, out double value)
    {
        if (_chars.Length < span.Length)
        {
            _chars = new char[Math.Max(span.Length, _chars.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(span, _chars);
        return NumberParser.TryParse(_chars.AsSpan(0, length), _decimalComma, out value);
    }

    private void SwitchToStrings()
    {
        _strings = new string?[Math.Max(_numbers!.Length, 16)];
        for (var i = 0; i < _count; i++)
        {
            var number = _numbers[i];
            _strings[i] = double.IsNaN(number) ? null : number.ToString("R", CultureInfo.InvariantCulture);
        }

        _numbers = null;
        Infinities = 0;
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('\uFEFF', StringComparison.Ordinal))
        {
            value = value.Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        }

        return value.Length == 0 ? null : value;
    }
}
