using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// Huang's k-prototypes (1997) for rows mixing numbers and categories: the cost of a row to a
/// prototype is its squared Euclidean distance on the numbers plus gamma times the number of
/// categories where it differs from the prototype's mode. Batch iterations (assign every row,
/// then recompute means and modes) until no row changes; each start seeds the prototypes with k
/// distinct random rows; the lowest cost over the starts wins.
/// </summary>
/// <remarks>
/// Ties go to the lower prototype index; a mode tie to the lower level code; an emptied
/// prototype keeps its previous values. A missing category (-1) mismatches every mode.
/// </remarks>
public static class KPrototypes
{
    public static KPrototypesResult Fit(MixedData data, KPrototypesOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(data.Rows);
        var gamma = options.Gamma ?? DefaultGamma(data);
        KPrototypesResult? best = null;
        for (var start = 0; start < options.Restarts; start++)
        {
            var seeds = InitialRows(data.Rows, options.ClusterCount, options.Seed, start);
            var fit = FitFrom(data, seeds, gamma, options.MaxIterations, cancellationToken);
            if (best is null || fit.Cost < best.Cost)
            {
                best = fit;
            }
        }

        return best!;
    }

    /// <summary>Half the mean (population) standard deviation of the numeric columns; 1 without any.</summary>
    public static double DefaultGamma(MixedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.NumericColumns == 0 || data.Rows == 0)
        {
            return 1.0;
        }

        var total = 0.0;
        for (var f = 0; f < data.NumericColumns; f++)
        {
            var mean = 0.0;
            for (var i = 0; i < data.Rows; i++)
            {
                mean += data.NumberAt(i, f);
            }

            mean /= data.Rows;
            var squares = 0.0;
            for (var i = 0; i < data.Rows; i++)
            {
                var d = data.NumberAt(i, f) - mean;
                squares += d * d;
            }

            total += Math.Sqrt(squares / data.Rows);
        }

        return 0.5 * total / data.NumericColumns;
    }

    /// <summary>k distinct rows drawn uniformly for start <paramref name="start"/> of seed <paramref name="seed"/>.</summary>
    public static ImmutableArray<int> InitialRows(int rows, int k, int seed, int start)
    {
        var random = new Random(unchecked((seed * 7919) + start));
        var order = Enumerable.Range(0, rows).ToArray();
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, rows);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return [.. order.Take(k)];
    }

    /// <summary>One start from the given rows' values, iterated to a fixed point (or <paramref name="maxIterations"/>).</summary>
    public static KPrototypesResult FitFrom(MixedData data, ImmutableArray<int> initialRows, double gamma, int maxIterations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var k = initialRows.Length;
        var p = data.NumericColumns;
        var q = data.CategoricalColumns;
        var means = new double[k * p];
        var modes = new int[k * q];
        for (var c = 0; c < k; c++)
        {
            for (var f = 0; f < p; f++)
            {
                means[(c * p) + f] = data.NumberAt(initialRows[c], f);
            }

            for (var f = 0; f < q; f++)
            {
                modes[(c * q) + f] = data.CodeAt(initialRows[c], f);
            }
        }

        var labels = new int[data.Rows];
        Array.Fill(labels, -1);
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            var changed = Assign(data, means, modes, gamma, labels);
            if (!changed)
            {
                converged = true;
                break;
            }

            Update(data, labels, means, modes);
        }

        var cost = 0.0;
        for (var i = 0; i < data.Rows; i++)
        {
            cost += RowCost(data, i, means, modes, labels[i], gamma);
        }

        return new KPrototypesResult([.. labels], [.. means], [.. modes], cost, gamma, iterations, converged, initialRows);
    }

    /// <summary>Cost of row <paramref name="row"/> to prototype <paramref name="c"/>.</summary>
    public static double RowCost(MixedData data, int row, ReadOnlySpan<double> means, ReadOnlySpan<int> modes, int c, double gamma)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = data.NumericColumns;
        var q = data.CategoricalColumns;
        var squared = 0.0;
        for (var f = 0; f < p; f++)
        {
            var d = data.NumberAt(row, f) - means[(c * p) + f];
            squared += d * d;
        }

        var mismatches = 0;
        for (var f = 0; f < q; f++)
        {
            var code = data.CodeAt(row, f);
            mismatches += code < 0 || code != modes[(c * q) + f] ? 1 : 0;
        }

        return squared + (gamma * mismatches);
    }

    /// <summary>The prototype of <paramref name="fit"/> with the lowest cost for row <paramref name="row"/> of <paramref name="data"/> (ties: lower index).</summary>
    public static int Nearest(MixedData data, int row, KPrototypesResult fit)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        var k = fit.InitialRows.Length;
        var best = 0;
        var bestCost = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var cost = RowCost(data, row, fit.Means.AsSpan(), fit.Modes.AsSpan(), c, fit.Gamma);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = c;
            }
        }

        return best;
    }

    private static bool Assign(MixedData data, double[] means, int[] modes, double gamma, int[] labels)
    {
        var k = data.NumericColumns > 0 ? means.Length / data.NumericColumns : modes.Length / Math.Max(1, data.CategoricalColumns);
        var changed = false;
        for (var i = 0; i < data.Rows; i++)
        {
            var best = 0;
            var bestCost = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                var cost = RowCost(data, i, means, modes, c, gamma);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = c;
                }
            }

            changed |= labels[i] != best;
            labels[i] = best;
        }

        return changed;
    }

    private static void Update(MixedData data, int[] labels, double[] means, int[] modes)
    {
        var p = data.NumericColumns;
        var q = data.CategoricalColumns;
        var k = p > 0 ? means.Length / p : modes.Length / Math.Max(1, q);
        var counts = new int[k];
        var sums = new double[k * p];
        var levelCounts = Enumerable.Range(0, q).Select(f => new int[k * data.LevelCounts[f]]).ToArray();
        for (var i = 0; i < data.Rows; i++)
        {
            var c = labels[i];
            counts[c]++;
            for (var f = 0; f < p; f++)
            {
                sums[(c * p) + f] += data.NumberAt(i, f);
            }

            for (var f = 0; f < q; f++)
            {
                var code = data.CodeAt(i, f);
                if (code >= 0)
                {
                    levelCounts[f][(c * data.LevelCounts[f]) + code]++;
                }
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            for (var f = 0; f < p; f++)
            {
                means[(c * p) + f] = sums[(c * p) + f] / counts[c];
            }

            for (var f = 0; f < q; f++)
            {
                var levels = data.LevelCounts[f];
                var mode = modes[(c * q) + f];
                var most = -1;
                for (var level = 0; level < levels; level++)
                {
                    if (levelCounts[f][(c * levels) + level] > most)
                    {
                        most = levelCounts[f][(c * levels) + level];
                        mode = level;
                    }
                }

                modes[(c * q) + f] = mode;
            }
        }
    }
}
