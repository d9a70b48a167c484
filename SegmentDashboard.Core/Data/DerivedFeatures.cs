using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// The one place that turns dates into features on a one-row-per-customer file: "days since
/// &lt;date&gt;" for every date column, "tenure" for a signup / first-order / customer-since date,
/// and "age" for a birth year (<c>Year_Birth</c>) or a birth date, all counted to an as-of day
/// (asked for, else the last date in the file, else today). The raw dates and the birth year are
/// then not default features; the derived columns are, where a marketer would pick them (days
/// since a last purchase, tenure, age). A file that looks like transactions gets nothing here:
/// its recency and tenure come from the customer table.
/// </summary>
public static class DerivedFeatures
{
    private static readonly string[] BirthFragments = ["birth", "geburt", "nacimiento", "naissance", "fodelse", "födelse"];
    private static readonly string[] BirthWords = ["born", "dob", "yob"];
    private static readonly string[] TenureFragments = ["signup", "registr", "joined", "since", "created", "first", "enrol", "onboard", "anmeldung", "inscription", "seit", "opened"];
    private static readonly string[] TenureWords = ["join", "start", "alta"];
    private static readonly string[] LastWords = ["last", "latest", "recent", "previous", "letzte", "letzter", "ultima", "ultimo", "dernier", "derniere", "dernière", "senaste"];

    /// <summary>The dataset with its derived date features appended, and what was derived and why.</summary>
    /// <param name="dataset">A loaded file.</param>
    /// <param name="asOf">The day to count to; null: the last date in the file, or today when it has none.</param>
    /// <param name="clock">Today's date when the file has no date; <see cref="TimeProvider.System"/> by default.</param>
    public static DerivedFeatureSet Derive(Dataset dataset, DateOnly? asOf = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.Derived.IsEmpty)
        {
            return new DerivedFeatureSet(dataset, dataset.Derived, asOf, null, "already derived");
        }

        var plan = Plan(dataset);
        if (plan.Count == 0)
        {
            return new DerivedFeatureSet(dataset, [], null, null, null);
        }

        if (TransactionColumns.Suggest(dataset) is not null)
        {
            return new DerivedFeatureSet(dataset, [], null, null,
                "The file looks like transactions (several rows per customer): recency and tenure come from one row per customer.");
        }

        var (day, source) = AsOf(plan, asOf, clock ?? TimeProvider.System);
        var taken = new HashSet<string>(dataset.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var columns = new List<Column>();
        var derived = new List<DerivedFeature>();
        foreach (var (column, kind) in plan)
        {
            var feature = Describe(column, kind, day, source, taken, derived);
            taken.Add(feature.Name);
            derived.Add(feature);
            columns.Add(new NumericColumn(feature.Name, [.. Compute((NumericColumn)column, kind, day)]));
        }

        var result = dataset with { Columns = dataset.Columns.AddRange(columns), Derived = [.. derived] };
        return new DerivedFeatureSet(result, [.. derived], day, source, null);
    }

    /// <summary>Which columns give which feature: dates (days since or tenure), birth dates and birth years (age).</summary>
    private static List<(Column Column, DerivedFeatureKind Kind)> Plan(Dataset dataset)
    {
        var plan = new List<(Column, DerivedFeatureKind)>();
        var hasAge = dataset.Columns.Any(c => string.Equals(c.Name.Trim(), "age", StringComparison.OrdinalIgnoreCase));
        foreach (var column in dataset.Columns)
        {
            if (column is not NumericColumn numeric || dataset.ChosenMeanings.TryGetValue(column.Name, out var chosen) && chosen is not ColumnMeaning.Date and not ColumnMeaning.Demographic)
            {
                continue;
            }

            var birth = IsBirthName(column.Name);
            if (numeric.Kind == ColumnKind.DateTime)
            {
                if (birth)
                {
                    if (!hasAge)
                    {
                        plan.Add((column, DerivedFeatureKind.Age));
                    }
                }
                else
                {
                    plan.Add((column, IsTenureName(column.Name) ? DerivedFeatureKind.Tenure : DerivedFeatureKind.DaysSince));
                }
            }
            else if (numeric.Kind == ColumnKind.Numeric && birth && !hasAge && HoldsYears(numeric))
            {
                plan.Add((column, DerivedFeatureKind.Age));
            }
        }

        return plan;
    }

    private static (DateOnly Day, string Source) AsOf(List<(Column Column, DerivedFeatureKind Kind)> plan, DateOnly? asked, TimeProvider clock)
    {
        if (asked is { } day)
        {
            return (day, "asked for");
        }

        var last = double.NaN;
        foreach (var (column, kind) in plan)
        {
            if (kind != DerivedFeatureKind.Age && column is NumericColumn dates)
            {
                foreach (var value in dates.Values)
                {
                    last = double.IsNaN(last) || value > last ? value : last;
                }
            }
        }

        return double.IsNaN(last)
            ? (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "today")
            : (DateOnly.FromDateTime(DateTimeValues.ToDateTime(last)), "the last date in the file");
    }

    private static DerivedFeature Describe(Column column, DerivedFeatureKind kind, DateOnly asOf, string asOfSource, HashSet<string> taken, List<DerivedFeature> earlier)
    {
        var day = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var source = column.Name;
        var label = ColumnLabels.Readable(source);
        return kind switch
        {
            DerivedFeatureKind.Tenure => new DerivedFeature(
                Free(earlier.Any(d => d.Kind == kind) ? $"Tenure from {source} (days)" : CustomerTableBuilder.TenureName, taken),
                source,
                kind,
                earlier.Any(d => d.Kind == kind) ? "tenure from " + label : "tenure",
                ColumnMeaning.Count,
                $"days as a customer, from '{source}' to {day} ({asOfSource})",
                IsDefault: true),
            DerivedFeatureKind.Age => new DerivedFeature(
                Free(earlier.Any(d => d.Kind == kind) ? $"Age from {source}" : "Age", taken),
                source,
                kind,
                "age",
                ColumnMeaning.Demographic,
                column.Kind == ColumnKind.DateTime
                    ? $"whole years from the birth date in '{source}' to {day} ({asOfSource})"
                    : $"years from the birth year in '{source}' to {day} ({asOfSource})",
                IsDefault: true),
            _ => new DerivedFeature(
                Free("Days since " + source, taken),
                source,
                kind,
                "days since " + label,
                ColumnMeaning.Count,
                $"days from '{source}' to {day} ({asOfSource})",
                IsDefault: IsLastName(source)),
        };
    }

    private static IEnumerable<double> Compute(NumericColumn column, DerivedFeatureKind kind, DateOnly asOf)
    {
        var asOfDay = Math.Floor(DateTimeValues.FromDateTime(asOf.ToDateTime(TimeOnly.MinValue)));
        foreach (var value in column.Values)
        {
            if (double.IsNaN(value))
            {
                yield return double.NaN;
            }
            else if (kind != DerivedFeatureKind.Age)
            {
                yield return asOfDay - Math.Floor(value);
            }
            else if (column.Kind == ColumnKind.DateTime)
            {
                yield return WholeYears(DateOnly.FromDateTime(DateTimeValues.ToDateTime(value)), asOf);
            }
            else
            {
                yield return asOf.Year - value;
            }
        }
    }

    /// <summary>Completed years from <paramref name="born"/> to <paramref name="asOf"/> (a birthday not yet reached this year does not count).</summary>
    internal static int WholeYears(DateOnly born, DateOnly asOf)
    {
        var years = asOf.Year - born.Year;
        var birthday = born.Month == 2 && born.Day == 29 && !DateTime.IsLeapYear(asOf.Year)
            ? new DateOnly(asOf.Year, 3, 1)
            : new DateOnly(asOf.Year, born.Month, born.Day);
        return asOf < birthday ? years - 1 : years;
    }

    /// <summary>Whole numbers that read as years of birth (1800 to 2100), at least one present.</summary>
    private static bool HoldsYears(NumericColumn column)
    {
        var present = 0;
        foreach (var value in column.Values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            if (value != Math.Floor(value) || value is < 1800 or > 2100)
            {
                return false;
            }

            present++;
        }

        return present > 0;
    }

    private static bool IsBirthName(string name)
    {
        var words = FeatureConcepts.Words(name);
        var compact = string.Concat(words);
        return BirthFragments.Any(f => compact.Contains(f, StringComparison.Ordinal)) || words.Any(BirthWords.Contains);
    }

    /// <summary>Signup, registration, first order, customer since, and <c>Dt_Customer</c> (the campaign dataset's enrolment date).</summary>
    private static bool IsTenureName(string name)
    {
        var words = FeatureConcepts.Words(name);
        var compact = string.Concat(words);
        return TenureFragments.Any(f => compact.Contains(f, StringComparison.Ordinal))
            || words.Any(TenureWords.Contains)
            || (words.Contains("customer") && words.Any(w => w is "dt" or "date"));
    }

    private static bool IsLastName(string name) => FeatureConcepts.Words(name).Any(LastWords.Contains);

    private static string Free(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name} ({i})");
        }

        return candidate;
    }
}
