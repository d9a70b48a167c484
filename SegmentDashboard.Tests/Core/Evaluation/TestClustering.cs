using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Evaluation;

/// <summary>
/// Deterministic test-local data and clustering, so evaluation tests do not depend on the
/// clustering work package: Gaussian blobs and a plain Lloyd K-means (best of several seeded
/// k-means++ starts).
/// </summary>
internal static class TestClustering
{
    /// <summary>n rows in d dimensions around <paramref name="centres"/> (rows assigned round-robin), with the true labels.</summary>
    public static (FeatureMatrix X, int[] Labels) Blobs(int n, double[][] centres, double spread, int seed)
    {
        var random = new Random(seed);
        var d = centres[0].Length;
        var data = new double[n * d];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % centres.Length;
            for (var j = 0; j < d; j++)
            {
                data[(i * d) + j] = centres[labels[i]][j] + (spread * Gaussian(random));
            }
        }

        return (FeatureMatrix.Create(n, d, data), labels);
    }

    public static ImmutableArray<int> KMeans(FeatureMatrix x, int k, int restarts = 10, int seed = 0)
    {
        var random = new Random(seed);
        int[]? best = null;
        var bestInertia = double.PositiveInfinity;
        for (var r = 0; r < restarts; r++)
        {
            var (labels, inertia) = Lloyd(x, PlusPlus(x, k, random));
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = labels;
            }
        }

        return [.. best!];
    }

    private static double[][] PlusPlus(FeatureMatrix x, int k, Random random)
    {
        var centres = new double[k][];
        centres[0] = x.Row(random.Next(x.Rows)).ToArray();
        var nearest = new double[x.Rows];
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < x.Rows; i++)
            {
                nearest[i] = Enumerable.Range(0, c).Min(e => Squared(x.Row(i), centres[e]));
                total += nearest[i];
            }

            var target = random.NextDouble() * total;
            var pick = 0;
            for (var acc = nearest[0]; acc < target && pick < x.Rows - 1; acc += nearest[++pick])
            {
            }

            centres[c] = x.Row(pick).ToArray();
        }

        return centres;
    }

    private static (int[] Labels, double Inertia) Lloyd(FeatureMatrix x, double[][] centres)
    {
        var k = centres.Length;
        var d = x.Columns;
        var labels = new int[x.Rows];
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var changed = false;
            for (var i = 0; i < x.Rows; i++)
            {
                var row = x.Row(i);
                var label = 0;
                for (var c = 1; c < k; c++)
                {
                    if (Squared(row, centres[c]) < Squared(row, centres[label]))
                    {
                        label = c;
                    }
                }

                changed |= iteration == 0 || label != labels[i];
                labels[i] = label;
            }

            if (!changed)
            {
                break;
            }

            for (var c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, x.Rows).Where(i => labels[i] == c).ToArray();
                if (members.Length > 0)
                {
                    centres[c] = Enumerable.Range(0, d).Select(j => members.Average(i => x[i, j])).ToArray();
                }
            }
        }

        var inertia = Enumerable.Range(0, x.Rows).Sum(i => Squared(x.Row(i), centres[labels[i]]));
        return (labels, inertia);
    }

    private static double Squared(ReadOnlySpan<double> a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return sum;
    }

    private static double Gaussian(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
