using System.Numerics;
using System.Runtime.InteropServices;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Projection;

/// <summary>
/// Column means, the covariance matrix and projections for PCA: SIMD passes over row chunks run
/// in parallel. The chunking depends only on the matrix shape and partial results are combined in
/// chunk order, so results are bit-identical whatever the thread count.
/// </summary>
internal static class PcaMoments
{
    /// <summary>Column means (chunked sums, reduced in chunk order).</summary>
    public static double[] Means(FeatureMatrix x, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var d = x.Columns;
        var (chunks, chunkRows) = Chunking(x.Rows, d);
        var partials = new double[chunks * d];
        Parallel.For(0, chunks, Options(maxDegreeOfParallelism, cancellationToken), chunk =>
        {
            var sum = partials.AsSpan(chunk * d, d);
            var data = x.Data;
            var end = Math.Min(x.Rows, (chunk + 1) * chunkRows);
            for (var i = chunk * chunkRows; i < end; i++)
            {
                Add(sum, data.Slice(i * d, d));
            }
        });

        var means = new double[d];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            Add(means, partials.AsSpan(chunk * d, d));
        }

        for (var j = 0; j < d; j++)
        {
            means[j] /= x.Rows;
        }

        return means;
    }

    /// <summary>Σ (x - mean)(x - mean)ᵀ / (n - 1) as a d x d row-major array (two-pass: exact centring first).</summary>
    public static double[] Covariance(FeatureMatrix x, double[] means, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var d = x.Columns;
        var width = Vector<double>.Count;
        var padded = (d + width - 1) / width * width;
        var vectorsPerRow = padded / width;
        var (chunks, chunkRows) = Chunking(x.Rows, d);
        var partials = new double[chunks * d * padded];
        Parallel.For(0, chunks, Options(maxDegreeOfParallelism, cancellationToken), chunk =>
        {
            var centred = new double[padded];
            var centredVectors = MemoryMarshal.Cast<double, Vector<double>>(centred.AsSpan());
            var accumulator = MemoryMarshal.Cast<double, Vector<double>>(partials.AsSpan(chunk * d * padded, d * padded));
            var data = x.Data;
            var end = Math.Min(x.Rows, (chunk + 1) * chunkRows);
            for (var i = chunk * chunkRows; i < end; i++)
            {
                var row = data.Slice(i * d, d);
                for (var j = 0; j < d; j++)
                {
                    centred[j] = row[j] - means[j];
                }

                // Row a of the outer product, from the vector holding column a onwards (upper triangle).
                for (var a = 0; a < d; a++)
                {
                    var scale = new Vector<double>(centred[a]);
                    var target = accumulator.Slice(a * vectorsPerRow, vectorsPerRow);
                    for (var t = a / width; t < vectorsPerRow; t++)
                    {
                        target[t] += scale * centredVectors[t];
                    }
                }
            }
        });

        var covariance = new double[d * d];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var partial = partials.AsSpan(chunk * d * padded, d * padded);
            for (var a = 0; a < d; a++)
            {
                for (var b = a; b < d; b++)
                {
                    covariance[(a * d) + b] += partial[(a * padded) + b];
                }
            }
        }

        var denominator = x.Rows - 1.0;
        for (var a = 0; a < d; a++)
        {
            for (var b = a; b < d; b++)
            {
                var value = covariance[(a * d) + b] / denominator;
                covariance[(a * d) + b] = value;
                covariance[(b * d) + a] = value;
            }
        }

        return covariance;
    }

    /// <summary>Scores = (x - mean) · componentsᵀ, n x k row-major.</summary>
    public static double[] Project(FeatureMatrix x, double[] means, double[] components, int count, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var d = x.Columns;
        var scores = new double[x.Rows * count];
        var (chunks, chunkRows) = Chunking(x.Rows, d);
        Parallel.For(0, chunks, Options(maxDegreeOfParallelism, cancellationToken), chunk =>
        {
            var centred = new double[d];
            var data = x.Data;
            var end = Math.Min(x.Rows, (chunk + 1) * chunkRows);
            for (var i = chunk * chunkRows; i < end; i++)
            {
                var row = data.Slice(i * d, d);
                for (var j = 0; j < d; j++)
                {
                    centred[j] = row[j] - means[j];
                }

                for (var c = 0; c < count; c++)
                {
                    var component = components.AsSpan(c * d, d);
                    var sum = 0.0;
                    for (var j = 0; j < d; j++)
                    {
                        sum += centred[j] * component[j];
                    }

                    scores[(i * count) + c] = sum;
                }
            }
        });

        return scores;
    }

    /// <summary>Chunk count from the shape only (never the core count); partial d x d blocks stay within ~16 MB.</summary>
    private static (int Chunks, int ChunkRows) Chunking(int rows, int columns)
    {
        var byMemory = (int)Math.Max(1, 2_000_000L / Math.Max(1L, (long)columns * columns));
        var chunks = Math.Clamp((rows + 8191) / 8192, 1, Math.Min(64, byMemory));
        var chunkRows = Math.Max(1, (rows + chunks - 1) / chunks);
        return ((rows + chunkRows - 1) / chunkRows, chunkRows);
    }

    private static ParallelOptions Options(int maxDegreeOfParallelism, CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = maxDegreeOfParallelism,
        CancellationToken = cancellationToken,
    };

    private static void Add(Span<double> target, ReadOnlySpan<double> values)
    {
        for (var j = 0; j < target.Length; j++)
        {
            target[j] += values[j];
        }
    }
}
