using System.Globalization;

namespace SegmentDashboard.Core.Profiling;

/// <summary>
/// Automatic segment names ("High-income, low-rating critics") and one-sentence descriptions
/// ("312 customers (16%): annual income 1.4 SD above average, ..., mostly Electronics.").
/// </summary>
internal static class SegmentNamer
{
    /// <summary>|effect size| from which a trait is worth naming (as <see cref="SegmentProfile.DefiningTraits"/>).</summary>
    public const double TraitThreshold = 0.3;

    /// <summary>
    /// One name per profile, unique: the two strongest traits; on a collision the third trait, then
    /// the most over-represented category, then a number.
    /// </summary>
    /// <param name="categoryColumn">The product-category column, if any: a segment without defining
    /// traits is named after its dominant category ("Books shoppers").</param>
    /// <param name="labels">Labels the user gave columns (<see cref="Data.Dataset.ChosenLabels"/>): a trait on such a column is named with the label.</param>
    public static List<string> UniqueNames(IReadOnlyList<SegmentProfile> profiles, string? categoryColumn, IReadOnlyDictionary<string, string>? labels = null)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(profiles.Count);
        foreach (var profile in profiles)
        {
            var candidates = Candidates(profile, categoryColumn, labels).ToList();
            var name = candidates.FirstOrDefault(candidate => !taken.Contains(candidate));
            for (var n = 2; name is null; n++)
            {
                var numbered = $"{candidates[0]} {n.ToString(CultureInfo.InvariantCulture)}";
                name = taken.Contains(numbered) ? null : numbered;
            }

            taken.Add(name);
            names.Add(name);
        }

        return names;
    }

    /// <summary>The name from the <paramref name="traitCount"/> strongest defining traits.</summary>
    public static string Compose(SegmentProfile profile, int traitCount, string? categoryColumn, IReadOnlyDictionary<string, string>? labels = null)
    {
        var traits = profile.Traits.Where(t => Math.Abs(t.EffectSize) >= TraitThreshold).Take(traitCount).ToList();
        if (traits.Count == 0)
        {
            var category = TopLevel(profile, minimumShare: 0.4, categoryColumn);
            return category is null || category.Column != categoryColumn ? "Typical customers" : $"{category.Level} shoppers";
        }

        var words = traits.Select(t => FeatureConcepts.WordsFor(t.Feature, t.EffectSize > 0, ChosenLabel(labels, t.Feature))).ToList();
        var nounIndex = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Noun is not null && (nounIndex < 0 || words[i].NounPriority > words[nounIndex].NounPriority))
            {
                nounIndex = i;
            }
        }

        var noun = nounIndex >= 0 ? words[nounIndex].Noun! : "customers";
        var adjectives = words
            .Where((w, i) => i != nounIndex || !w.NounReplacesAdjective)
            .Select(w => w.Adjective)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var name = adjectives.Count == 0 ? noun : $"{string.Join(", ", adjectives)} {noun}";
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>"312 customers (16%): income 1.4 SD above average, ..., mostly Electronics."</summary>
    public static string Describe(SegmentProfile profile, ISet<string> booleanFeatures, string? categoryColumn, IReadOnlyDictionary<string, string>? labels = null)
    {
        var phrases = profile.Traits.Where(t => Math.Abs(t.EffectSize) >= TraitThreshold).Take(3)
            .Select(t => booleanFeatures.Contains(t.Feature) ? BooleanPhrase(t, labels) : NumericPhrase(t, labels))
            .ToList();
        if (phrases.Count == 0)
        {
            phrases.Add("close to the average on every feature");
        }

        var category = TopLevel(profile, minimumShare: 0.4, preferredColumn: categoryColumn);
        if (category is not null)
        {
            // "mostly Electronics" for product categories; "mostly Female (genre)" for any other column.
            phrases.Add(category.Column == categoryColumn
                ? $"mostly {category.Level}"
                : $"mostly {category.Level} ({ChosenLabel(labels, category.Column) ?? FeatureConcepts.Friendly(category.Column)})");
        }

        var customers = profile.Size == 1 ? "customer" : "customers";
        return $"{profile.Size.ToString("N0", CultureInfo.InvariantCulture)} {customers} ({Percent(profile.Share)}): {string.Join(", ", phrases)}.";
    }

    public static string Percent(double share)
    {
        var percent = share * 100;
        var text = percent is > 0 and < 1
            ? "<1"
            : Math.Round(percent, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
        return text + "%";
    }

    private static IEnumerable<string> Candidates(SegmentProfile profile, string? categoryColumn, IReadOnlyDictionary<string, string>? labels)
    {
        var two = Compose(profile, 2, categoryColumn, labels);
        yield return two;
        yield return Compose(profile, 3, categoryColumn, labels);
        var category = TopLevel(profile, minimumShare: 0.2, categoryColumn);
        if (category is not null)
        {
            yield return $"{two} ({category.Level})";
        }
    }

    private static string NumericPhrase(FeatureTrait trait, IReadOnlyDictionary<string, string>? labels)
    {
        var size = Math.Abs(trait.EffectSize).ToString("0.0", CultureInfo.InvariantCulture);
        var direction = trait.EffectSize > 0 ? "above" : "below";
        return $"{ChosenLabel(labels, trait.Feature) ?? FeatureConcepts.Friendly(trait.Feature)} {size} SD {direction} average";
    }

    private static string BooleanPhrase(FeatureTrait trait, IReadOnlyDictionary<string, string>? labels) =>
        $"{Percent(trait.SegmentMean)} {ChosenLabel(labels, trait.Feature) ?? FeatureConcepts.Friendly(trait.Feature)} (vs {Percent(trait.PopulationMean)} overall)";

    private static string? ChosenLabel(IReadOnlyDictionary<string, string>? labels, string column) =>
        labels is not null && labels.TryGetValue(column, out var label) ? label : null;

    /// <summary>The level with the largest share in the segment among over-represented ones (lift ≥ 1.2).</summary>
    private static CategoryShare? TopLevel(SegmentProfile profile, double minimumShare, string? preferredColumn = null) =>
        profile.CategoryMix
            .Where(c => c.SegmentShare >= minimumShare && c.Lift >= 1.2)
            .OrderByDescending(c => c.Column == preferredColumn)
            .ThenByDescending(c => c.SegmentShare)
            .FirstOrDefault();
}
