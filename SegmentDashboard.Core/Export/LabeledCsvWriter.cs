using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Export;

/// <summary>
/// Writes the original rows plus segment id and name, UTF-8 with BOM, spreadsheet formulas
/// neutralized (OWASP CSV injection: a leading apostrophe before =, +, @, tab, CR, and - not
/// followed by a digit).
/// </summary>
public static class LabeledCsvWriter
{
    public static void Write(Stream output, Dataset dataset, ReadOnlySpan<int> rowLabels, IReadOnlyList<string> segmentNames)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }

    /// <summary>The cell as written: quoted when needed, formulas neutralized.</summary>
    public static string EscapeCell(string value)
    {
        throw new NotImplementedException("Owned by the pipeline work package.");
    }
}
