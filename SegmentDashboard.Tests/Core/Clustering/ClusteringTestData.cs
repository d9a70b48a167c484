using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Clustering;

/// <summary>Deterministic synthetic data for the clustering tests.</summary>
internal static class ClusteringTestData
{
    /// <summary>Uniform random rows in [-1, 1)^d from System.Random(seed).</summary>
    public static FeatureMatrix Uniform(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var data = new double[rows * columns];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (random.NextDouble() * 2) - 1;
        }

        return FeatureMatrix.Create(rows, columns, data);
    }

    /// <summary>Gaussian blobs: <paramref name="blobs"/> centres spread ~N(0, 5²), unit spread, blob sizes in proportion 1:2:...; shuffled.</summary>
    public static FeatureMatrix Blobs(int rows, int columns, int blobs, int seed)
    {
        var random = new Random(seed);
        var centres = new double[blobs * columns];
        for (var i = 0; i < centres.Length; i++)
        {
            centres[i] = 5 * Normal(random);
        }

        var weightTotal = blobs * (blobs + 1) / 2.0;
        var data = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble() * weightTotal;
            var blob = 0;
            for (var acc = 1.0; acc < u && blob < blobs - 1; acc += blob + 2)
            {
                blob++;
            }

            for (var j = 0; j < columns; j++)
            {
                data[(i * columns) + j] = centres[(blob * columns) + j] + Normal(random);
            }
        }

        return FeatureMatrix.Create(rows, columns, data);
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
