using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Projection;

namespace SegmentDashboard.Benchmarks;

/// <summary>
/// <c>compare --input FILE.csv --task TASK --k K --repeat R</c>: times one task R times on a file
/// and prints one JSON line <c>{"task", "n", "d", "seconds": [...], ...}</c>. Apart from
/// <c>load</c>, the data is loaded and z-scored before timing; only the algorithm is timed.
/// </summary>
public static class CompareCommand
{
    private static readonly string[] Tasks = ["load", "kmeans", "minibatch", "ward", "silhouette", "pca"];

    public static int Run(string[] args, TextWriter output)
    {
        var options = ParseArguments(args);
        if (options is null)
        {
            Console.Error.WriteLine($"usage: compare --input FILE.csv --task {string.Join('|', Tasks)} [--k 8] [--repeat 3]");
            return 2;
        }

        var (input, task, k, repeat) = options.Value;
        var seconds = new List<double>();
        var extra = new Dictionary<string, object>();
        int n;
        int d;

        if (task == "load")
        {
            Dataset? dataset = null;
            for (var i = 0; i < repeat; i++)
            {
                using var stream = File.OpenRead(input);
                var watch = Stopwatch.StartNew();
                dataset = CsvLoader.Load(stream, Path.GetFileName(input));
                seconds.Add(watch.Elapsed.TotalSeconds);
            }

            n = dataset!.RowCount;
            d = dataset.Columns.Length;
        }
        else
        {
            var x = LoadScaled(input);
            n = x.Rows;
            d = x.Columns;
            var labels = task == "silhouette" ? KMeans.Fit(x, new KMeansOptions(k) { Restarts = 1 }).Labels : default;
            GC.Collect();
            for (var i = 0; i < repeat; i++)
            {
                var watch = Stopwatch.StartNew();
                RunTask(task, x, k, labels, extra);
                seconds.Add(watch.Elapsed.TotalSeconds);
            }
        }

        var result = new Dictionary<string, object>
        {
            ["task"] = task,
            ["n"] = n,
            ["d"] = d,
            ["k"] = k,
            ["seconds"] = seconds,
            ["peakWorkingSetMB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            ["processors"] = Environment.ProcessorCount,
        };
        foreach (var (key, value) in extra)
        {
            result[key] = value;
        }

        output.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static void RunTask(string task, FeatureMatrix x, int k, System.Collections.Immutable.ImmutableArray<int> labels, Dictionary<string, object> extra)
    {
        switch (task)
        {
            case "kmeans":
                var km = KMeans.Fit(x, new KMeansOptions(k) { Restarts = 1, MaxIterations = 300, Tolerance = 1e-4, Seed = 0 });
                extra["inertia"] = km.Inertia;
                extra["iterations"] = km.Iterations;
                break;
            case "minibatch":
                var mb = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions(k) { Seed = 0 });
                extra["inertia"] = mb.Inertia;
                extra["iterations"] = mb.Iterations;
                break;
            case "ward":
                var dendrogram = HierarchicalClustering.Fit(x, LinkageMethod.Ward);
                extra["topHeight"] = dendrogram.Merges[^1].Height;
                break;
            case "silhouette":
                extra["silhouette"] = Silhouette.Exact(x, labels.AsSpan()).Score;
                break;
            case "pca":
                var pca = Pca.Fit(x, 2);
                extra["explainedVarianceRatio"] = pca.ExplainedVarianceRatio;
                break;
            default:
                throw new ArgumentException($"Unknown task '{task}'.", nameof(task));
        }
    }

    /// <summary>Loads the CSV and z-scores every numeric column (population standard deviation).</summary>
    internal static FeatureMatrix LoadScaled(string input)
    {
        using var stream = File.OpenRead(input);
        var dataset = CsvLoader.Load(stream, Path.GetFileName(input));
        var options = PreprocessingOptions.Default with { Scaling = ScalingMethod.ZScore, Missing = MissingValueStrategy.Mean };
        return Preprocessor.Prepare(dataset, options).Matrix;
    }

    private static (string Input, string Task, int K, int Repeat)? ParseArguments(string[] args)
    {
        string? input = null;
        string? task = null;
        var k = 8;
        var repeat = 3;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--input": input = value; break;
                case "--task": task = value; break;
                case "--k": k = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        if (input is null || task is null || !Tasks.Contains(task) || k < 1 || repeat < 1)
        {
            return null;
        }

        return (input, task, k, repeat);
    }
}
