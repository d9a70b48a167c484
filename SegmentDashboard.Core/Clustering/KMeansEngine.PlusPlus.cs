using System.Numerics;
using System.Runtime.CompilerServices;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Greedy k-means++ seeding, chunked like the Lloyd passes (deterministic for any thread count).</summary>
internal sealed partial class KMeansEngine
{
    /// <summary>
    /// scikit-learn's greedy k-means++: the first centre uniformly at random, then for each
    /// further centre 2 + ⌊ln k⌋ candidates sampled proportionally to D², keeping the candidate
    /// that minimizes the potential.
    /// </summary>
    public void InitializePlusPlus(Random random)
    {
        var n = _n;
        var d = _d;
        var closest = _closest ??= new double[n];
        var chunkPotential = new double[_chunkCount];
        var first = random.Next(n);
        _x.Row(first).CopyTo(_centres.AsSpan(0, d));
        UpdateClosest(_centres.AsMemory(0, d), closest, chunkPotential, initialize: true);
        var potential = SumInOrder(chunkPotential);

        var trials = 2 + (int)Math.Log(_k);
        var stride = Distances.PaddedCount(trials);
        var candidates = new int[trials];
        var candidatesT = new double[d * stride];
        var trialPartial = new double[_chunkCount * trials];
        for (var c = 1; c < _k; c++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            for (var t = 0; t < trials; t++)
            {
                candidates[t] = SampleIndex(random.NextDouble() * potential, closest, chunkPotential);
                var row = _x.Row(candidates[t]);
                for (var j = 0; j < d; j++)
                {
                    candidatesT[(j * stride) + t] = row[j];
                }
            }

            ForEachChunk([MethodImpl(MethodImplOptions.AggressiveOptimization)] (int chunk) =>
            {
                var data = _x.Data;
                Span<double> distances = stackalloc double[stride];
                Span<Vector<double>> sums = stackalloc Vector<double>[stride / Vector<double>.Count];
                sums.Clear();
                var (start, end) = ChunkRange(chunk);
                for (var i = start; i < end; i++)
                {
                    Distances.SquaredToCentres(data.Slice(i * d, d), candidatesT, stride, distances);
                    var current = new Vector<double>(closest[i]);
                    for (var v = 0; v < sums.Length; v++)
                    {
                        sums[v] += Vector.Min(current, new Vector<double>(distances.Slice(v * Vector<double>.Count)));
                    }
                }

                for (var t = 0; t < trials; t++)
                {
                    trialPartial[(chunk * trials) + t] = sums[t / Vector<double>.Count][t % Vector<double>.Count];
                }
            });

            var best = 0;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var p = 0.0;
                for (var chunk = 0; chunk < _chunkCount; chunk++)
                {
                    p += trialPartial[(chunk * trials) + t];
                }

                if (p < bestPotential)
                {
                    bestPotential = p;
                    best = t;
                }
            }

            _x.Row(candidates[best]).CopyTo(_centres.AsSpan(c * d, d));
            UpdateClosest(_centres.AsMemory(c * d, d), closest, chunkPotential, initialize: false);
            potential = SumInOrder(chunkPotential);
        }

        Transpose();
    }

    /// <summary>
    /// Seeding for large inputs: <paramref name="candidates"/> greedy k-means++ runs on one random
    /// sample of <paramref name="sampleSize"/> rows, each refined by Lloyd on the sample; the
    /// centres with the lowest sample inertia seed the full-data run. A single k-means++ on the
    /// full data lands in a poor local minimum for about half the seeds on blob data (scikit-learn
    /// too); this costs a fraction of one full-data pass and makes the result far less
    /// seed-dependent.
    /// </summary>
    public void InitializeFromSample(Random random, int sampleSize, int candidates)
    {
        var rows = new int[Math.Min(_n, sampleSize)];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = random.Next(_n);
        }

        var sample = _x.SelectRows(rows);
        var engine = new KMeansEngine(sample, _k, _maxDegreeOfParallelism, _cancellationToken);
        var tolerance = 1e-4 * engine.MeanVariance();
        var best = double.PositiveInfinity;
        for (var candidate = 0; candidate < candidates; candidate++)
        {
            engine.InitializePlusPlus(random);
            var run = engine.RunAccelerated(100, tolerance);
            if (run.Inertia < best)
            {
                best = run.Inertia;
                engine.Centres.CopyTo(_centres);
            }
        }

        Transpose();
    }

    private void UpdateClosest(ReadOnlyMemory<double> centre, double[] closest, double[] chunkPotential, bool initialize)
    {
        var d = _d;
        ForEachChunk([MethodImpl(MethodImplOptions.AggressiveOptimization)] (int chunk) =>
        {
            var data = _x.Data;
            var c = centre.Span;
            var (start, end) = ChunkRange(chunk);
            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                var distance = Distances.SquaredEuclidean(data.Slice(i * d, d), c);
                var value = initialize ? distance : Distances.Min(closest[i], distance);
                closest[i] = value;
                sum += value;
            }

            chunkPotential[chunk] = sum;
        });
    }

    /// <summary>The first row whose cumulative D² reaches <paramref name="target"/> (NumPy searchsorted, clipped).</summary>
    private int SampleIndex(double target, double[] closest, double[] chunkPotential)
    {
        var cumulative = 0.0;
        var lastPositive = _n - 1;
        for (var chunk = 0; chunk < _chunkCount; chunk++)
        {
            if (cumulative + chunkPotential[chunk] < target && chunk < _chunkCount - 1)
            {
                cumulative += chunkPotential[chunk];
                continue;
            }

            var (start, end) = ChunkRange(chunk);
            for (var i = start; i < end; i++)
            {
                cumulative += closest[i];
                if (closest[i] > 0)
                {
                    lastPositive = i;
                }

                if (cumulative >= target && closest[i] > 0)
                {
                    return i;
                }
            }
        }

        return lastPositive;
    }
}
