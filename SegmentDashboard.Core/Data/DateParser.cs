using System.Globalization;
using System.Text.RegularExpressions;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Reads a column of date/time strings: ISO (<c>2023-06-04</c>, <c>2023-06-04T10:00:00Z</c>),
/// <c>yyyy-MM-dd HH:mm</c>, <c>2023/06/04 1:28:19 PM GMT+5:30</c>, <c>dd.MM.yyyy</c>, month names, and
/// <c>dd/MM/yyyy</c> versus <c>MM/dd/yyyy</c> decided by the data (a first number above 12 means
/// day first; a second above 12 means month first; when every value is ambiguous, slashes are
/// read month first and dots or dashes day first). A written offset (<c>GMT+5:30</c>, <c>Z</c>,
/// <c>+02:00</c>) is applied so the stored value is UTC.
/// </summary>
internal static partial class DateParser
{
    private static readonly string[] TimeParts =
    [
        "", " H:mm", " H:mm:ss", " H:mm:ss.FFFFFFF", " h:mm tt", " h:mm:ss tt", "'T'H:mm", "'T'H:mm:ss", "'T'H:mm:ss.FFFFFFF",
    ];

    private static readonly string[] IsoDates = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];

    private static readonly string[] NamedMonthDates =
    [
        "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d-MMM-yyyy", "d-MMM-yy", "MMM d yyyy", "d MMM yy",
    ];

    private static readonly string[] DayFirstFormats = Combine([.. IsoDates, "d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "d/M/yy", "d.M.yy", .. NamedMonthDates]);

    private static readonly string[] MonthFirstFormats = Combine([.. IsoDates, "M/d/yyyy", "M-d-yyyy", "M.d.yyyy", "M/d/yy", .. NamedMonthDates]);

    /// <summary>Days since 0001-01-01 for every value, or null when some value is not a date.</summary>
    public static Dictionary<string, double>? TryParseAll(IEnumerable<string> distinctValues)
    {
        var values = distinctValues as IReadOnlyCollection<string> ?? distinctValues.ToList();
        var formats = DayFirst(values) ? DayFirstFormats : MonthFirstFormats;
        var result = new Dictionary<string, double>(values.Count, StringComparer.Ordinal);
        var hint = 0;
        foreach (var value in values)
        {
            if (!TryParse(value, formats, ref hint, out var days))
            {
                return null;
            }

            result[value] = days;
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>Days for every value that reads as a date (the day-first rule decided by all of them); the others are left out.</summary>
    public static Dictionary<string, double> ParseWherePossible(IReadOnlyCollection<string> distinctValues)
    {
        var formats = DayFirst(distinctValues) ? DayFirstFormats : MonthFirstFormats;
        var result = new Dictionary<string, double>(distinctValues.Count, StringComparer.Ordinal);
        var hint = 0;
        foreach (var value in distinctValues)
        {
            if (TryParse(value, formats, ref hint, out var days))
            {
                result[value] = days;
            }
        }

        return result;
    }

    /// <param name="hint">The format that read the previous value, tried first (a column nearly always has one format).</param>
    private static bool TryParse(string value, string[] formats, ref int hint, out double days)
    {
        days = double.NaN;
        var text = value.Trim();
        if (text.Length < 6 || text.Length > 40)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        var match = OffsetSuffix().Match(text);
        if (match.Success && match.Groups["body"].Value.Contains(':', StringComparison.Ordinal))
        {
            text = match.Groups["body"].Value.TrimEnd();
            if (match.Groups["hours"].Success)
            {
                var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
                var minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
                offset = new TimeSpan(hours, minutes, 0);
                if (match.Groups["sign"].Value == "-")
                {
                    offset = -offset;
                }
            }
        }

        if (!TryFormats(text, formats, ref hint, out var parsed))
        {
            return false;
        }

        days = DateTimeValues.FromDateTime(parsed - offset);
        return true;
    }

    private static bool TryFormats(string text, string[] formats, ref int hint, out DateTime parsed)
    {
        const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTime.TryParseExact(text, formats[hint], CultureInfo.InvariantCulture, Styles, out parsed))
        {
            return true;
        }

        for (var i = 0; i < formats.Length; i++)
        {
            if (i != hint && DateTime.TryParseExact(text, formats[i], CultureInfo.InvariantCulture, Styles, out parsed))
            {
                hint = i;
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the numeric dates read day first (see the class remarks).</summary>
    private static bool DayFirst(IEnumerable<string> values)
    {
        int dayVotes = 0, monthVotes = 0, slashes = 0, others = 0;
        foreach (var value in values)
        {
            var match = NumericDate().Match(value);
            if (!match.Success)
            {
                continue;
            }

            var first = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
            dayVotes += first > 12 ? 1 : 0;
            monthVotes += second > 12 ? 1 : 0;
            if (match.Groups["sep"].Value == "/")
            {
                slashes++;
            }
            else
            {
                others++;
            }
        }

        return dayVotes > 0 ? monthVotes == 0 || dayVotes >= monthVotes : monthVotes == 0 && others > slashes;
    }

    private static string[] Combine(string[] dates)
    {
        var formats = new List<string>(dates.Length * TimeParts.Length);
        foreach (var date in dates)
        {
            foreach (var time in TimeParts)
            {
                formats.Add(date + time);
            }
        }

        return [.. formats];
    }

    [GeneratedRegex(@"^\s*(?<a>\d{1,2})(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>\d{2,4}(?!\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<body>.*?\d(?:\s*[AP]M)?)\s*(?:(?:GMT|UTC)?\s*(?<sign>[+\-])(?<hours>\d{1,2})(?::?(?<minutes>\d{2}))?|\s*(?:GMT|UTC|Z))$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();
}
