using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Infers what each column means from its name (a lexicon of common spellings in English,
/// German, Spanish, French and Swedish) and its values (email, phone and postal-code patterns,
/// numbers that rise row by row like order numbers, years, cardinality). A meaning the user
/// chose (<see cref="Dataset.ChosenMeanings"/>) always wins.
/// </summary>
public static partial class ColumnMeanings
{
    /// <summary>Categorical columns with more levels than this are never a default feature.</summary>
    public const int MaxFeatureLevels = 50;

    private const int SampleSize = 2_000;

    private static readonly HashSet<string> SexLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        "m", "f", "male", "female", "man", "woman", "men", "women", "männlich", "weiblich", "hombre", "mujer", "homme", "femme", "other", "diverse",
    };

    /// <summary>The meaning of every column, in column order.</summary>
    public static ImmutableArray<ColumnMeaningGuess> Infer(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. dataset.Columns.Select(column => Of(dataset, column))];
    }

    /// <summary>The meaning of one column of <paramref name="dataset"/>.</summary>
    public static ColumnMeaningGuess Of(Dataset dataset, Column column)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(column);
        var label = dataset.LabelOf(column.Name);
        if (dataset.ChosenMeanings.TryGetValue(column.Name, out var chosen))
        {
            return new ColumnMeaningGuess(column.Name, chosen, "chosen by you" + (IsNeverFeature(chosen) ? "; not a feature" : string.Empty), label, IsChosen: true);
        }

        if (column.Name == dataset.CustomerIdColumn)
        {
            return new ColumnMeaningGuess(column.Name, ColumnMeaning.Identifier, "not a feature: the customer column, kept in exports to act on a segment", label);
        }

        if (dataset.DerivedOf(column.Name) is { } derived)
        {
            return new ColumnMeaningGuess(column.Name, derived.Meaning, derived.Reason, derived.Label);
        }

        var (meaning, why) = InferMeaning(column);
        var reason = IsNeverFeature(meaning) ? "not a feature: " + why : why;
        return new ColumnMeaningGuess(column.Name, meaning, reason, label);
    }

    /// <summary>Why <paramref name="column"/> is not a default feature by its meaning or level count, or null when it can be one.</summary>
    public static string? FeatureExclusion(Dataset dataset, Column column)
    {
        var guess = Of(dataset, column);
        if (guess.NeverFeature)
        {
            return $"'{column.Name}' is {Describe(guess.Meaning)} ({guess.Reason}).";
        }

        if (dataset.DerivedOf(column.Name) is { IsDefault: false } offered)
        {
            return $"'{column.Name}' is offered, not picked by default ({offered.Reason}); tick it if it matters.";
        }

        if (dataset.Derived.FirstOrDefault(d => d.Source == column.Name) is { } replacement)
        {
            return $"'{column.Name}' is used as '{replacement.Name}' instead ({replacement.Reason}).";
        }

        var levels = column switch
        {
            CategoricalColumn categorical => categorical.Levels.Length,
            MultiCategoricalColumn multi => multi.Levels.Length,
            _ => 0,
        };
        return levels > MaxFeatureLevels
            ? $"'{column.Name}' has {levels.ToString(CultureInfo.InvariantCulture)} categories, more than the {MaxFeatureLevels.ToString(CultureInfo.InvariantCulture)} a segment can be described by."
            : null;
    }

    /// <summary>How a meaning reads in a sentence: "an identifier", "contact details".</summary>
    public static string Describe(ColumnMeaning meaning) => meaning switch
    {
        ColumnMeaning.Identifier => "an identifier",
        ColumnMeaning.Contact => "contact details",
        ColumnMeaning.Date => "a date",
        ColumnMeaning.DatePart => "a date part",
        ColumnMeaning.Amount => "an amount of money",
        ColumnMeaning.Count => "a count",
        ColumnMeaning.Rating => "a rating",
        ColumnMeaning.Demographic => "a demographic",
        ColumnMeaning.Geography => "a place",
        ColumnMeaning.Product => "a product or category preference",
        ColumnMeaning.Status => "a status",
        ColumnMeaning.FreeText => "free text",
        _ => "a measure",
    };

    private static bool IsNeverFeature(ColumnMeaning meaning) =>
        new ColumnMeaningGuess(string.Empty, meaning, string.Empty, string.Empty).NeverFeature;

    private static (ColumnMeaning Meaning, string Why) InferMeaning(Column column)
    {
        var name = NameLexicon.Classify(column.Name);
        var sample = SampleValues(column);

        // Values that give the column away, whatever its name.
        if (column.Kind is not ColumnKind.Numeric and not ColumnKind.Boolean and not ColumnKind.DateTime && sample.Count > 0)
        {
            if (Share(sample, v => EmailPattern().IsMatch(v)) >= 0.8)
            {
                return (ColumnMeaning.Contact, "looks like an email address");
            }

            if (name.Meaning != ColumnMeaning.Identifier && Share(sample, LooksLikePhone) >= 0.8)
            {
                return (ColumnMeaning.Contact, "looks like a phone number");
            }
        }

        if (column is CategoricalColumn { Levels.Length: <= 3 } categorical && categorical.Levels.All(level => SexLevels.Contains(level.Trim())))
        {
            return (ColumnMeaning.Demographic, "looks like sex or gender");
        }

        if (column.Kind == ColumnKind.DateTime)
        {
            return name.Meaning == ColumnMeaning.Demographic ? name : (ColumnMeaning.Date, "holds dates; use days since or tenure instead");
        }

        if (name.Meaning != ColumnMeaning.Other)
        {
            return name;
        }

        if (column.Kind == ColumnKind.Identifier)
        {
            return (ColumnMeaning.Identifier, "a different value in every row");
        }

        if (column.Kind == ColumnKind.Text)
        {
            return (ColumnMeaning.FreeText, "many different texts");
        }

        if (column is NumericColumn { Kind: ColumnKind.Numeric } numeric && RisesRowByRow(numeric))
        {
            return (ColumnMeaning.Identifier, "whole numbers that rise row by row, like order or invoice numbers");
        }

        return (ColumnMeaning.Other, "a measure or category");
    }

    private static List<string> SampleValues(Column column)
    {
        var values = new List<string>();
        if (column is NumericColumn)
        {
            return values;
        }

        var step = Math.Max(1, column.Count / SampleSize);
        for (var row = 0; row < column.Count && values.Count < SampleSize; row += step)
        {
            if (!column.IsMissing(row))
            {
                values.Add(column.Format(row).Trim());
            }
        }

        return values;
    }

    private static double Share(List<string> values, Func<string, bool> test) =>
        values.Count == 0 ? 0 : values.Count(test) / (double)values.Count;

    /// <summary>Seven or more digits with phone punctuation (+, spaces, dashes, dots, brackets) and nothing else.</summary>
    private static bool LooksLikePhone(string value)
    {
        var digits = 0;
        var punctuation = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is '+' or ' ' or '-' or '.' or '(' or ')' or '/')
            {
                punctuation++;
            }
            else
            {
                return false;
            }
        }

        return digits is >= 7 and <= 15 && (punctuation > 0 || value.StartsWith('0'));
    }

    /// <summary>Whole numbers, never falling from one row to the next, with many distinct values (order numbers repeated per line).</summary>
    private static bool RisesRowByRow(NumericColumn column)
    {
        var values = column.Values;
        double previous = double.NegativeInfinity;
        var rises = 0;
        var present = 0;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            if (value != Math.Floor(value) || value < previous)
            {
                return false;
            }

            rises += value > previous ? 1 : 0;
            previous = value;
            present++;
        }

        return present >= 20 && rises >= 20 && rises >= present * 0.1;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
