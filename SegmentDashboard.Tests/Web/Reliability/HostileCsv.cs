using System.Globalization;
using System.Text;

namespace SegmentDashboard.Tests.Web.Reliability;

/// <summary>
/// A customer CSV whose headers and values are HTML/JS injection attempts and spreadsheet formulas.
/// Two numeric columns (features) carry hostile names so they reach axis labels and hover text.
/// </summary>
public static class HostileCsv
{
    public const string Script = "<script>alert(1)</script>";
    public const string Img = "<img src=x onerror=alert(1)>";
    public const string Svg = "\"><svg onload=alert(1)>";

    /// <summary>Cells a spreadsheet would run as formulas, and one negative number that must stay as is.</summary>
    public static readonly string[] Formulas = ["=HYPERLINK(\"http://127.0.0.1/x\",\"x\")", "+1+1", "-A1", "@SUM(A1)", "=1+2"];

    public const int Rows = 60;

    public static string FileName => "hostile.csv";

    public static string Text
    {
        get
        {
            var text = new StringBuilder();
            text.Append("Id,").Append(Quote(Img)).Append(',').Append(Quote(Svg)).Append(',').Append(Quote(Script)).Append(",Note,Balance\n");
            string[] levels = [Script, Img, Svg];
            for (var i = 0; i < Rows; i++)
            {
                var group = i % 3;
                var x = (group * 10) + (i % 7);
                var y = (group * 20) + (i % 5);
                text.Append(CultureInfo.InvariantCulture, $"C{i:000},{x},{y},{Quote(levels[group])},{Quote(Formulas[i % Formulas.Length])},{(i % 2 == 0 ? "-5" : "7")}\n");
            }

            return text.ToString();
        }
    }

    public static byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    /// <summary>How the writer must render a formula cell: an apostrophe first, then RFC 4180 quoting.</summary>
    public static string Neutralized(string formula)
    {
        var cell = "'" + formula;
        return cell.Contains('"', StringComparison.Ordinal) || cell.Contains(',', StringComparison.Ordinal)
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
