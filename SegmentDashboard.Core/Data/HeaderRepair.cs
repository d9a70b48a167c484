using System.Globalization;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Makes header names usable: trimmed, blank names become "Column N", and a name already taken
/// (an exact duplicate, or one that differs from an earlier name only by surrounding spaces, as
/// <c>Rating_Accuracy</c> and <c>Rating_Accuracy </c>) gets " (2)", " (3)"... Each change except
/// plain trimming is reported.
/// </summary>
internal static class HeaderRepair
{
    public static string[] Repair(IReadOnlyList<string> raw, List<IngestWarning> warnings)
    {
        var names = new string[raw.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var firstRaw = new Dictionary<string, (string Raw, int Column)>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var column = i + 1;
            var name = raw[i].Replace("\uFEFF", string.Empty, StringComparison.Ordinal).Trim();
            if (name.Length == 0)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"Column {column}");
                warnings.Add(new IngestWarning(string.Create(CultureInfo.InvariantCulture, $"Column {column} has no name; it was named '{name}'."), 1, column));
            }

            if (taken.Contains(name))
            {
                var suffix = 2;
                string candidate;
                do
                {
                    candidate = string.Create(CultureInfo.InvariantCulture, $"{name} ({suffix++})");
                }
                while (taken.Contains(candidate));

                var (earlierRaw, earlierColumn) = firstRaw[name];
                var why = earlierRaw == raw[i]
                    ? string.Create(CultureInfo.InvariantCulture, $"column {earlierColumn} has the same name")
                    : string.Create(CultureInfo.InvariantCulture, $"its name differs from column {earlierColumn} ('{earlierRaw}') only by spaces");
                warnings.Add(new IngestWarning(
                    string.Create(CultureInfo.InvariantCulture, $"Column {column} ('{raw[i]}') was renamed '{candidate}' because {why}."),
                    1,
                    column));
                name = candidate;
            }
            else
            {
                firstRaw[name] = (raw[i], column);
            }

            taken.Add(name);
            names[i] = name;
        }

        return names;
    }
}
