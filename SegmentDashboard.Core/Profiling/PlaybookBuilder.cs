using System.Collections.Immutable;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Core.Profiling;

/// <summary>
/// A marketing and recommendation playbook from a profile: rules over the defining traits
/// (|effect size| ≥ 0.3, strongest first) pick the offer, the channel and 2–4 actions; the top
/// product categories come from a category-like column when the dataset has one.
/// </summary>
internal static class PlaybookBuilder
{
    private static readonly string[] CategoryWords =
        ["category", "categories", "product", "products", "genre", "department", "dept", "brand", "item", "items", "interest", "interests"];

    private sealed record Rule(string? Offer, string? Channel, string[] Actions);

    public static Playbook Build(SegmentProfile profile, ImmutableArray<string> topCategories)
    {
        var rules = profile.Traits
            .Where(t => Math.Abs(t.EffectSize) >= SegmentNamer.TraitThreshold)
            .Select(t => RuleFor(FeatureConcepts.Classify(t.Feature), t.EffectSize > 0, t.Feature))
            .OfType<Rule>()
            .ToList();

        var offer = rules.Select(r => r.Offer).FirstOrDefault(o => o is not null) ?? "Personalized recommendations based on past purchases";
        var channel = rules.Select(r => r.Channel).FirstOrDefault(c => c is not null) ?? "Email and personalized homepage recommendations";

        var actions = new List<string>();
        if (!topCategories.IsDefaultOrEmpty)
        {
            actions.Add($"Feature {JoinAnd(topCategories)} in recommendations, emails and on-site placements.");
        }

        actions.AddRange(rules.SelectMany(r => r.Actions));
        actions.Add("Recommend best-sellers that match their purchase history.");
        actions.Add("Test the offer against a small control group to measure the lift.");
        return new Playbook(offer, channel, topCategories.IsDefault ? [] : topCategories, actions.Distinct(StringComparer.Ordinal).Take(4).ToImmutableArray());
    }

    /// <summary>
    /// The column whose levels are product categories: a categorical or multi-valued column with at
    /// least 3 levels whose meaning is a product or category preference, preferring one whose name says so (category, product, genre, department...),
    /// then one used as a feature. Null when none qualifies (a 2-level column such as sex is never
    /// taken for product categories, even when named "Genre").
    /// </summary>
    public static Column? FindCategoryColumn(Dataset dataset, IReadOnlyCollection<Column> features)
    {
        // Product recommendations come only from a product or category-preference column
        // (ColumnMeanings): never an order status, an education level or a region.
        return dataset.Columns
            .Where(column => LevelCount(column) >= 3 && ColumnMeanings.Of(dataset, column).Meaning == ColumnMeaning.Product)
            .Select((column, index) => (column, index, score: (NameSaysCategory(column.Name) ? 2 : 0) + (features.Contains(column) ? 1 : 0)))
            .Where(candidate => candidate.score > 0 && (candidate.score >= 2 || LevelCount(candidate.column) <= 50))
            .OrderByDescending(candidate => candidate.score)
            .ThenBy(candidate => candidate.index)
            .Select(candidate => candidate.column)
            .FirstOrDefault();
    }

    /// <summary>Up to three levels over-represented in the segment (lift ≥ 1), largest share first; else the most common one.</summary>
    public static ImmutableArray<string> TopCategories(Column column, int[] segmentOf, int segment)
    {
        var levels = column switch
        {
            CategoricalColumn c => c.Levels,
            MultiCategoricalColumn m => m.Levels,
            _ => [],
        };
        var inSegment = new int[levels.Length];
        var overall = new int[levels.Length];
        int segmentRows = 0, populationRows = 0;
        for (var row = 0; row < segmentOf.Length; row++)
        {
            if (segmentOf[row] < 0 || column.IsMissing(row))
            {
                continue;
            }

            populationRows++;
            var mine = segmentOf[row] == segment;
            segmentRows += mine ? 1 : 0;
            var single = SegmentProfiler.SingleCode(column, row);
            if (single >= 0)
            {
                overall[single]++;
                inSegment[single] += mine ? 1 : 0;
                continue;
            }

            foreach (var code in SegmentProfiler.Codes(column, row))
            {
                overall[code]++;
                inSegment[code] += mine ? 1 : 0;
            }
        }

        if (segmentRows == 0)
        {
            return [];
        }

        var ranked = Enumerable.Range(0, levels.Length)
            .Where(level => inSegment[level] > 0)
            .Select(level => (level, share: inSegment[level] / (double)segmentRows, lift: inSegment[level] / (double)segmentRows / (overall[level] / (double)populationRows)))
            .OrderByDescending(x => x.share).ThenBy(x => x.level)
            .ToList();
        var chosen = ranked.Where(x => x.lift >= 1 && x.share >= 0.1).Take(3).ToList();
        if (chosen.Count == 0)
        {
            chosen = ranked.Take(1).ToList();
        }

        return chosen.Select(x => levels[x.level]).ToImmutableArray();
    }

    private static Rule? RuleFor(FeatureConcept concept, bool high, string feature) => (concept, high) switch
    {
        (FeatureConcept.Income or FeatureConcept.Spend, true) => new(
            "Premium bundles and early access to new arrivals",
            null,
            ["Recommend premium, higher-priced items and curated bundles.", "Give early access to new arrivals and limited editions."]),
        (FeatureConcept.Income or FeatureConcept.Spend, false) or (FeatureConcept.Discount, true) => new(
            "Value packs and time-limited coupons",
            null,
            ["Send targeted coupons on best-value items.", "Highlight value packs, deals of the day and subscribe-and-save."]),
        (FeatureConcept.Rating, false) => new(
            "Service recovery: a personal apology and a credit on the next order",
            "Personal email from customer service",
            ["Follow up on low ratings with a personal service-recovery message.", "Ask for a follow-up review once the issue is resolved."]),
        (FeatureConcept.Rating, true) => new(
            "Referral rewards for recommending the store",
            null,
            ["Invite them to review recent purchases and refer friends for a reward."]),
        (FeatureConcept.Recency, true) or (FeatureConcept.Frequency, false) => new(
            "Win-back discount on the next order",
            "Email win-back series and retargeting ads",
            ["Start a win-back email series with a time-limited discount.", "Remind them of items they viewed or bought before."]),
        (FeatureConcept.Frequency, true) => new(
            "Loyalty rewards and a Prime upgrade",
            "App push and personalized homepage",
            ["Offer a loyalty tier or Prime upgrade with free fast delivery.", "Suggest subscribe-and-save for the items they re-order."]),
        (FeatureConcept.Membership, true) => new(
            $"{Member(feature)}-exclusive deals and early access",
            "App push and personalized homepage",
            [$"Reward their loyalty with {Member(feature)}-exclusive early access to deals."]),
        (FeatureConcept.Membership, false) => new(
            null,
            null,
            [$"Offer a free 30-day {Member(feature)} trial with their next order."]),
        (FeatureConcept.Age, false) => new(
            null,
            "Social media and in-app notifications",
            ["Reach them on social media and in the app with short video content and influencer picks."]),
        (FeatureConcept.Age, true) => new(
            null,
            "Email and personalized homepage",
            []),
        (FeatureConcept.Reviews, true) => new(
            null,
            null,
            ["Invite them to an early-reviewer programme for new products."]),
        (FeatureConcept.Household, true) => new(
            "Family packs and home essentials",
            null,
            ["Promote family packs and home essentials with bulk savings."]),
        (FeatureConcept.Returns, true) => new(
            null,
            null,
            ["Add size guides and detailed product information to reduce returns."]),
        _ => null,
    };

    private static string Member(string feature) =>
        FeatureConcepts.Words(feature).Any(w => w.StartsWith("prime", StringComparison.Ordinal)) ? "Prime" : "Member";

    private static bool NameSaysCategory(string name) =>
        FeatureConcepts.Words(name).Any(word => CategoryWords.Contains(word));

    private static int LevelCount(Column column) => column switch
    {
        CategoricalColumn c => c.Levels.Length,
        MultiCategoricalColumn m => m.Levels.Length,
        _ => 0,
    };

    private static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };
}
