using System.Collections.Immutable;

namespace SegmentDashboard.Core.Data;

/// <summary>What the loader sniffed about a file.</summary>
/// <param name="Delimiter">Field delimiter: ',', ';', '\t' or '|'.</param>
/// <param name="EncodingName">e.g. "UTF-8", "UTF-8 (BOM)", "UTF-16 LE (BOM)", "Windows-1252".</param>
/// <param name="DecimalComma">True when numbers use ',' as the decimal separator (e.g. <c>261,96</c>).</param>
/// <param name="LineEnding">"LF", "CRLF", "CR" or "mixed".</param>
public sealed record CsvDialect(char Delimiter, string EncodingName, bool DecimalComma, string LineEnding)
{
    /// <summary>For an Excel workbook: the sheet that was read; null for a CSV file.</summary>
    public string? Sheet { get; init; }

    /// <summary>For an Excel workbook: every sheet's name in workbook order; empty for a CSV file.</summary>
    public ImmutableArray<string> Sheets { get; init; } = [];

    /// <summary>The delimiter as a person would name it ("comma", "semicolon", "tab", "pipe").</summary>
    public string DelimiterName => Delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe",
        _ => $"'{Delimiter}'",
    };
}
