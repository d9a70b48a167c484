using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Clustering;

public sealed class KDistanceCurveTests
{
    [Fact]
    public void FindKnee_FlatThenSteep_TheLastPointBeforeTheRise()
    {
        double[] curve = [1, 1, 1, 1, 1, 1, 1, 1, 2, 10];

        Assert.Equal(7, KDistanceCurve.FindKnee(curve));
    }

    [Fact]
    public void FindKnee_FlatCurve_LastPoint()
    {
        Assert.Equal(3, KDistanceCurve.FindKnee([2.0, 2.0, 2.0, 2.0]));
    }

    [Fact]
    public void Compute_DenseGridPlusFarOutliers_SuggestsTheGridSpacingNotTheOutliers()
    {
        // 400 points on a unit grid (4th neighbour at distance 1) and 8 isolated points 50 apart.
        var rows = new List<double[]>();
        for (var i = 0; i < 20; i++)
        {
            for (var j = 0; j < 20; j++)
            {
                rows.Add([i, j]);
            }
        }

        for (var o = 0; o < 8; o++)
        {
            rows.Add([100 + (50 * o), 100]);
        }

        var curve = KDistanceCurve.Compute(FeatureMatrix.FromRows(rows), minSamples: 5);

        Assert.Equal(408, curve.Distances.Length);
        Assert.True(curve.Distances.SequenceEqual(curve.Distances.Order()), "ascending");
        Assert.Equal(1.0, curve.Distances[0]);
        // Interior points reach their 4th neighbour at 1, edges at √2, corners at 2; the outliers at 50.
        Assert.InRange(curve.SuggestedEps, 1.0, 2.0);
        Assert.True(curve.Distances[^1] >= 50.0, "the outliers end the curve");
        Assert.Null(curve.SampledRows);
    }

    [Fact]
    public void Compute_AboveTheExactLimit_SampledAndSaysSo()
    {
        var random = new Random(2);
        var data = new double[30_000 * 2];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble();
        }

        var curve = KDistanceCurve.Compute(FeatureMatrix.Create(30_000, 2, data), minSamples: 5);

        Assert.Equal(KDistanceCurve.MaxExactRows, curve.SampledRows);
        Assert.Equal(KDistanceCurve.MaxExactRows, curve.Distances.Length);
        Assert.InRange(curve.SuggestedEps, 0.001, 0.1);
    }
}
