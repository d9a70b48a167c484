using System.Collections.Immutable;

namespace SegmentDashboard.Core.Statistics;

/// <summary>Equal-width bins: <see cref="Edges"/> has one more entry than <see cref="Counts"/>.</summary>
public sealed record Histogram(ImmutableArray<double> Edges, ImmutableArray<int> Counts)
{
    public int BinCount => Counts.Length;
}

/// <summary>Server-side binning so charts never ship raw points.</summary>
public static class HistogramBuilder
{
    /// <summary>
    /// Bins the finite values (NaN ignored) with the Freedman–Diaconis width
    /// (2·IQR·n^(-1/3)), falling back to Sturges when IQR is 0, capped at <paramref name="maxBins"/>.
    /// </summary>
    public static Histogram FreedmanDiaconis(ReadOnlySpan<double> values, int maxBins = 60)
    {
        throw new NotImplementedException("Owned by the ingest work package.");
    }

    /// <summary>Bins the values with the given edges (e.g. one histogram per segment on shared edges).</summary>
    public static Histogram WithEdges(ReadOnlySpan<double> values, ImmutableArray<double> edges)
    {
        throw new NotImplementedException("Owned by the ingest work package.");
    }
}
