using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Tests.Core.Segmentation;

/// <summary>Seeded synthetic datasets for the engine's size and guard tests: few features, so they stay fast.</summary>
internal static class EngineTestData
{
    /// <summary><paramref name="rows"/> customers in three well separated 2-D blobs (columns X and Y), seeded.</summary>
    public static Dataset Blobs(int rows, int seed = 1)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        double[][] centres = [[0, 0], [10, 0], [0, 10]];
        for (var i = 0; i < rows; i++)
        {
            var centre = centres[i % 3];
            x[i] = centre[0] + Gaussian(random);
            y[i] = centre[1] + Gaussian(random);
        }

        return new Dataset("blobs.csv", [new NumericColumn("X", [.. x]), new NumericColumn("Y", [.. y])], rows, null, []);
    }

    /// <summary>A dataset of one or more numeric columns given row by row.</summary>
    public static Dataset Numbers(params (string Name, double[] Values)[] columns) =>
        new("numbers.csv", [.. columns.Select(c => (Column)new NumericColumn(c.Name, [.. c.Values]))], columns[0].Values.Length, null, []);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
