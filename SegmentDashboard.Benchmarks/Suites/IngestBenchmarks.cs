using System.Text;
using BenchmarkDotNet.Attributes;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Benchmarks.Suites;

/// <summary>CSV parse into the columnar dataset.</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private byte[] _csv = [];

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _csv = Encoding.UTF8.GetBytes(BlobData.ToCsv(BlobData.Generate(Rows, 8)));

    [Benchmark]
    public Dataset LoadCsv()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        return CsvLoader.Load(stream, "blobs.csv");
    }
}
