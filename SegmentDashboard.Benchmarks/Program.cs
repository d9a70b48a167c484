using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SegmentDashboard.Benchmarks;
using SegmentDashboard.Core.Samples;

// Modes:
//   compare --input FILE.csv --task load|kmeans|minibatch|ward|silhouette|pca --k K --repeat R
//       plain timing, one JSON line, used by ../shared/reference/perf_compare.py
//   loadtest --url http://127.0.0.1:PORT --input FILE.csv [--clients 8] [--seconds 60] [--server-pid PID]
//       bounded loopback load on POST /api/segment (see LoadTestCommand)
//   pipeline --input FILE.csv [--k K] [--repeat R] [--sweep false]
//       the whole default segmentation pipeline with per-stage seconds (see PipelineCommand)
//   customers --rows N [--repeat R] | --input FILE.csv [--customer C ...] | --write N OUT.csv
//       order lines to a customer table (see CustomersCommand)
//   samplecsv ROWS OUT.csv
//       writes the built-in sample generator's table with ROWS rows
//   anything else: BenchmarkDotNet suites, always in-process (self-contained net9.0 build).
switch (args.FirstOrDefault())
{
    case "compare":
        return CompareCommand.Run(args[1..], Console.Out);
    case "customers":
        return CustomersCommand.Run(args[1..], Console.Out);
    case "pipeline":
        return PipelineCommand.Run(args[1..], Console.Out);
    case "loadtest":
        return await LoadTestCommand.RunAsync(args[1..], Console.Out);
    case "samplecsv" when args.Length == 3:
        await File.WriteAllTextAsync(args[2], SampleCustomers.ToCsv(int.Parse(args[1], CultureInfo.InvariantCulture)));
        return 0;
    default:
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(CompareCommand).Assembly).Run(args, config);
        return 0;
}
