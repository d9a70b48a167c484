using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Benchmarks;

/// <summary>
/// <c>pipeline --input FILE.csv [--k K] [--repeat R] [--sweep false]</c>: loads the CSV, then runs the whole
/// default pipeline (<see cref="SegmentationService.SegmentAsync"/>: default features, K-means, the suggested k
/// unless --k is given, sweep and stability; <c>--sweep false</c> with --k is what the dashboard runs
/// after a k change, its sweep being cached) R times and prints one JSON line with the load time,
/// the run times, the seconds spent in each stage of the last run, the note and peak memory.
/// </summary>
public static class PipelineCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        string? input = null;
        int? k = null;
        var repeat = 1;
        var sweep = true;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--input": input = args[i + 1]; break;
                case "--k": k = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--sweep": sweep = bool.Parse(args[i + 1]); break;
                default: input = null; i = args.Length; break;
            }
        }

        if (input is null || repeat < 1)
        {
            Console.Error.WriteLine("usage: pipeline --input FILE.csv [--k K] [--repeat R] [--sweep false]");
            return 2;
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        Dataset dataset;
        using (var stream = File.OpenRead(input))
        {
            dataset = CsvLoader.Load(stream, Path.GetFileName(input));
        }

        var loadSeconds = load.Elapsed.TotalSeconds;
        var withDataset = GC.GetTotalMemory(forceFullCollection: true);
        var service = new SegmentationService();
        var seconds = new List<double>();
        SegmentationResult? result = null;
        var stages = new StageTimer();
        for (var r = 0; r < repeat; r++)
        {
            stages = new StageTimer();
            var watch = Stopwatch.StartNew();
            result = service.SegmentAsync(dataset, new SegmentationRequest { ClusterCount = k, IncludeSweep = sweep || k is null }, stages).GetAwaiter().GetResult();
            stages.Finish();
            seconds.Add(Math.Round(watch.Elapsed.TotalSeconds, 3));
        }

        // Managed bytes one circuit holds: the dataset, then the dataset plus one result.
        var withResult = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(result);
        var json = new Dictionary<string, object?>
        {
            ["task"] = "pipeline",
            ["n"] = dataset.RowCount,
            ["columns"] = dataset.Columns.Length,
            ["features"] = result!.Prepared.Matrix.Columns,
            ["loadSeconds"] = Math.Round(loadSeconds, 3),
            ["seconds"] = seconds,
            ["stages"] = stages.Seconds,
            ["k"] = result.ClusterCount,
            ["silhouette"] = result.Metrics.Silhouette,
            ["silhouetteStandardError"] = result.Silhouette.StandardError,
            ["stability"] = result.Metrics.Stability,
            ["sweepReason"] = result.Sweep?.Reason,
            ["note"] = result.Note,
            ["datasetMB"] = Math.Round((withDataset - baseline) / 1048576.0, 1),
            ["resultMB"] = Math.Round((withResult - withDataset) / 1048576.0, 1),
            ["peakWorkingSetMB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            ["processors"] = Environment.ProcessorCount,
        };
        output.WriteLine(JsonSerializer.Serialize(json));
        return 0;
    }

    /// <summary>Seconds from the first report of each stage to the first report of the next one.</summary>
    private sealed class StageTimer : IProgress<SegmentationProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly Lock _gate = new();
        private string? _current;
        private double _since;

        public Dictionary<string, double> Seconds { get; } = new(StringComparer.Ordinal);

        public void Report(SegmentationProgress value)
        {
            lock (_gate)
            {
                if (value.Stage == _current)
                {
                    return;
                }

                Close();
                _current = value.Stage;
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                Close();
                _current = null;
            }
        }

        private void Close()
        {
            var now = _watch.Elapsed.TotalSeconds;
            if (_current is not null)
            {
                Seconds[_current] = Math.Round(Seconds.GetValueOrDefault(_current) + now - _since, 3);
            }

            _since = now;
        }
    }
}
