using System.Globalization;

namespace SegmentDashboard.Core.Data;

/// <summary>Why a file could not be loaded.</summary>
public enum CsvLoadError
{
    EmptyFile,
    HeaderOnly,
    BinaryContent,
    UnclosedQuote,
    RaggedRow,
    TooManyColumns,
    TooManyRows,
    TooLarge,
    Unreadable,
}

/// <summary>
/// A file that cannot be loaded. <see cref="Exception.Message"/> is written for a marketer and
/// names the line and column where it applies (e.g. "Line 14 has 6 fields but the header has 5.").
/// </summary>
public sealed class CsvLoadException : Exception
{
    public CsvLoadException(CsvLoadError error, string message, int? line = null, int? column = null, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Line = line;
        Column = column;
    }

    public CsvLoadError Error { get; }

    /// <summary>1-based physical line, when it applies.</summary>
    public int? Line { get; }

    /// <summary>1-based column, when it applies.</summary>
    public int? Column { get; }

    /// <summary>
    /// The message for the user, with "(line L, column C)" added when the message does not name the
    /// line itself: the one wording of a file error on the Data page, the saved-analysis upload and the API.
    /// </summary>
    public string Describe()
    {
        if (Line is not { } line || Message.Contains("line", StringComparison.OrdinalIgnoreCase))
        {
            return Message;
        }

        var where = Column is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}")
            : string.Create(CultureInfo.InvariantCulture, $"line {line}");
        return $"{Message.TrimEnd('.')} ({where}).";
    }
}
