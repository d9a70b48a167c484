using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SegmentDashboard.Benchmarks;

// Two modes:
//   compare --input FILE.csv --task load|kmeans|ward|silhouette|pca --k K --repeat R
//       plain timing, one JSON line, used by ../shared/reference/perf_compare.py
//   anything else: BenchmarkDotNet suites, always in-process (self-contained net9.0 build).
if (args.Length > 0 && args[0] == "compare")
{
    return CompareCommand.Run(args[1..], Console.Out);
}

var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(CompareCommand).Assembly).Run(args, config);
return 0;
