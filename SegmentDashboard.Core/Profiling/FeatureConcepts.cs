using System.Globalization;
using System.Text;

namespace SegmentDashboard.Core.Profiling;

/// <summary>What a feature measures, recognised from its header.</summary>
internal enum FeatureConcept
{
    Generic,
    Income,
    Spend,
    Rating,
    Frequency,
    Recency,
    Age,
    Membership,
    Reviews,
    Discount,
    Tenure,
    Returns,
    Household,
}

/// <summary>How a trait reads in a segment name: an adjective and optionally a noun.</summary>
/// <param name="Adjective">Lower case unless a proper name ("Prime").</param>
/// <param name="Noun">e.g. "critics"; null when the trait gives no noun.</param>
/// <param name="NounReplacesAdjective">True for "big spenders" (not "high-spending big spenders").</param>
/// <param name="NounPriority">When several traits offer a noun, the highest priority wins (then the strongest trait).</param>
internal sealed record TraitWords(string Adjective, string? Noun, bool NounReplacesAdjective, int NounPriority = 1);

/// <summary>
/// Recognises real headers (<c>Annual Income (k$)</c>, <c>Spending Score (1-100)</c>,
/// <c>Purchase_Frequency</c>, <c>AvgRatingGiven</c>, <c>age</c>...) and gives the words used in
/// names and descriptions.
/// </summary>
internal static class FeatureConcepts
{
    /// <summary>Lower-case words of a header: camelCase, snake_case and punctuation split.</summary>
    public static string[] Words(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsLetterOrDigit(ch))
            {
                var boundary = i > 0 && char.IsUpper(ch) && (char.IsLower(name[i - 1]) ||
                    (i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1])));
                if (boundary)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The header as words a sentence can hold: "AvgRatingGiven" becomes "avg rating given".</summary>
    public static string Friendly(string name)
    {
        var trimmed = name.Trim().Replace('_', ' ');
        var hasSeparators = trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.Any(ch => !char.IsLetterOrDigit(ch));
        return hasSeparators ? trimmed.ToLower(CultureInfo.InvariantCulture) : string.Join(' ', Words(trimmed));
    }

    public static FeatureConcept Classify(string name)
    {
        var words = Words(name);
        var text = " " + string.Join(' ', words) + " ";
        bool Has(params string[] keys) => keys.Any(key => text.Contains(" " + key + " ", StringComparison.Ordinal));
        bool Starts(params string[] keys) => words.Any(word => keys.Any(key => word.StartsWith(key, StringComparison.Ordinal)));

        if (Has("recency", "days since", "since last", "last purchase", "last order", "days inactive", "inactive days"))
        {
            return FeatureConcept.Recency;
        }

        if (Starts("spend", "spent", "monetary", "revenue", "basket") || Has("order value", "aov", "amount", "ltv", "lifetime value", "total spend", "sales"))
        {
            return FeatureConcept.Spend;
        }

        if (Starts("income", "salary", "earning", "wage"))
        {
            return FeatureConcept.Income;
        }

        if (Starts("discount", "coupon", "voucher", "promo") || Has("deal", "deals"))
        {
            return FeatureConcept.Discount;
        }

        if (Starts("refund") || Has("return", "returns", "returned"))
        {
            return FeatureConcept.Returns;
        }

        if (Starts("review") && (Has("written", "count", "number", "left", "posted", "given") || words is ["reviews"] or [_, "reviews"]))
        {
            return FeatureConcept.Reviews;
        }

        if (Starts("rating", "rated", "star", "satisfaction") || Has("score", "rate"))
        {
            return FeatureConcept.Rating;
        }

        if (Starts("frequen", "purchases", "orders", "visits", "transactions", "sessions") || Has("per year", "per month", "per week", "order count", "purchase count"))
        {
            return FeatureConcept.Frequency;
        }

        if (Has("age", "years old"))
        {
            return FeatureConcept.Age;
        }

        if (Starts("prime", "member", "subscri", "loyalty"))
        {
            return FeatureConcept.Membership;
        }

        if (Starts("tenure") || Has("customer since", "years as customer", "months as customer"))
        {
            return FeatureConcept.Tenure;
        }

        if (Starts("child", "kids", "family", "household", "dependents"))
        {
            return FeatureConcept.Household;
        }

        return FeatureConcept.Generic;
    }

    /// <summary>The words for a trait that is high (effect &gt; 0) or low on <paramref name="feature"/>.</summary>
    /// <param name="feature">The column name.</param>
    /// <param name="high">True when the segment is above the population.</param>
    /// <param name="chosenLabel">The user's label for the column, if any: their words win ("high wine budget").</param>
    public static TraitWords WordsFor(string feature, bool high, string? chosenLabel = null)
    {
        if (chosenLabel is not null)
        {
            return new((high ? "high " : "low ") + chosenLabel, null, false);
        }

        var concept = Classify(feature);
        return (concept, high) switch
        {
            (FeatureConcept.Income, true) => new("high-income", null, false),
            (FeatureConcept.Income, false) => new("lower-income", null, false),
            (FeatureConcept.Spend, true) => new("high-spending", "big spenders", true, 2),
            (FeatureConcept.Spend, false) => new("low-spending", "careful spenders", true, 2),
            (FeatureConcept.Rating, true) => new("high-rating", "fans", true),
            (FeatureConcept.Rating, false) => new("low-rating", "critics", false, 3),
            (FeatureConcept.Frequency, true) => new("frequent", null, false),
            (FeatureConcept.Frequency, false) => new("occasional", "occasional buyers", true),
            (FeatureConcept.Recency, true) => new("lapsed", "lapsed customers", true, 3),
            (FeatureConcept.Recency, false) => new("recently active", null, false),
            (FeatureConcept.Age, true) => new("older", null, false),
            (FeatureConcept.Age, false) => new("young", null, false),
            (FeatureConcept.Membership, true) => new(MemberWord(feature), "loyalists", false, 2),
            (FeatureConcept.Membership, false) => new("non-" + MemberWord(feature), null, false),
            (FeatureConcept.Reviews, true) => new("vocal", "reviewers", true),
            (FeatureConcept.Reviews, false) => new("quiet", null, false),
            (FeatureConcept.Discount, true) => new("deal-seeking", "bargain hunters", true, 2),
            (FeatureConcept.Discount, false) => new("full-price", null, false),
            (FeatureConcept.Tenure, true) => new("long-standing", "loyalists", true),
            (FeatureConcept.Tenure, false) => new("new", "newcomers", true),
            (FeatureConcept.Returns, true) => new("return-prone", null, false),
            (FeatureConcept.Returns, false) => new("low-return", null, false),
            (FeatureConcept.Household, true) => new("family", "family shoppers", true, 2),
            (FeatureConcept.Household, false) => new("small-household", null, false),
            _ => new((high ? "high " : "low ") + (Data.ColumnLabels.Known(feature) ?? feature.Trim().Replace('_', ' ')), null, false),
        };
    }

    private static string MemberWord(string feature) =>
        Words(feature).Any(word => word.StartsWith("prime", StringComparison.Ordinal)) ? "Prime" : "member";
}
