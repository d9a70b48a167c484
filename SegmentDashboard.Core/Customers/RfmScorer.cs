using System.Collections.Immutable;
using System.Globalization;

namespace SegmentDashboard.Core.Customers;

/// <summary>
/// Classic RFM scoring. Each of recency, frequency and monetary is ranked over the customers
/// (ties broken by table order, as pandas' <c>rank(method="first")</c>) and cut into fifths by
/// rank: score = (rank - 1) × 5 / n + 1 in whole numbers, so each score holds a fifth of the
/// customers. Recency ranks longest-ago first, so 5 is always best. The segment name comes from
/// the R and F scores with the widely used map (Champions = R5 F4-5, Loyal customers = R3-4
/// F4-5, At risk = R1-2 F3-4, Hibernating = R1-2 F1-2, ...).
/// </summary>
public static class RfmScorer
{
    /// <summary>RFM scores per customer; <paramref name="recencyDays"/> null when there is no date (R is then 0 and read as 3 for the name).</summary>
    public static ImmutableArray<RfmScore> Score(double[]? recencyDays, int[] frequency, double[] monetary)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(monetary);
        var n = frequency.Length;
        var r = recencyDays is null ? new int[n] : Quintiles(recencyDays, descending: true);
        var f = Quintiles(Array.ConvertAll(frequency, x => (double)x), descending: false);
        var m = Quintiles(monetary, descending: false);
        var scores = ImmutableArray.CreateBuilder<RfmScore>(n);
        for (var i = 0; i < n; i++)
        {
            var score = string.Create(CultureInfo.InvariantCulture, $"{r[i]}{f[i]}{m[i]}");
            scores.Add(new RfmScore(
                recencyDays is null ? double.NaN : recencyDays[i],
                frequency[i],
                monetary[i],
                r[i],
                f[i],
                m[i],
                score,
                SegmentName(r[i] == 0 ? 3 : r[i], f[i])));
        }

        return scores.MoveToImmutable();
    }

    /// <summary>The RFM segment for recency score <paramref name="r"/> and frequency score <paramref name="f"/> (1–5 each).</summary>
    public static string SegmentName(int r, int f) => (r, f) switch
    {
        ( <= 2, <= 2) => "Hibernating",
        ( <= 2, <= 4) => "At risk",
        ( <= 2, _) => "Can't lose them",
        (3, <= 2) => "About to sleep",
        (3, 3) => "Need attention",
        ( <= 4, >= 4) => "Loyal customers",
        (4, 1) => "Promising",
        (5, 1) => "New customers",
        (_, <= 3) => "Potential loyalists",
        _ => "Champions",
    };

    /// <summary>Rank-based fifths 1–5 (ties in table order); NaN values rank first.</summary>
    internal static int[] Quintiles(double[] values, bool descending)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (double[])values.Clone();
        for (var i = 0; i < n; i++)
        {
            var key = double.IsNaN(keys[i]) ? double.NegativeInfinity : keys[i];
            keys[i] = descending ? -key : key;
        }

        // Stable on the index: sort by (key, index).
        Array.Sort(order, (a, b) =>
        {
            var byKey = keys[a].CompareTo(keys[b]);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        var scores = new int[n];
        for (var rank = 0; rank < n; rank++)
        {
            scores[order[rank]] = (int)((long)rank * 5 / n) + 1;
        }

        return scores;
    }
}
