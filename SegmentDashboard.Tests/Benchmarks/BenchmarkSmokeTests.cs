using System.Reflection;
using BenchmarkDotNet.Attributes;
using SegmentDashboard.Benchmarks;

namespace SegmentDashboard.Tests.Benchmarks;

/// <summary>
/// Runs every benchmark method once on small inputs so that no suite can rot (ML.NET's Job.Dry
/// idea, without BenchmarkDotNet's process overhead). Timings are never asserted here.
/// </summary>
public class BenchmarkSmokeTests
{
    private const int SmallRows = 600;

    public static TheoryData<string> BenchmarkMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in SuiteTypes().SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BenchmarkMethods))]
    public void Benchmark_RunOnceOnSmallInput_ReturnsAValue(string name)
    {
        var (typeName, methodName) = (name.Split('.')[0], name.Split('.')[1]);
        var type = SuiteTypes().Single(t => t.Name == typeName);
        foreach (var parameterSet in ParameterSets(type))
        {
            var instance = Activator.CreateInstance(type)!;
            type.GetProperty("Rows")?.SetValue(instance, SmallRows);
            foreach (var (property, value) in parameterSet)
            {
                property.SetValue(instance, value);
            }

            type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).ToList()
                .ForEach(setup => setup.Invoke(instance, null));
            var result = type.GetMethod(methodName)!.Invoke(instance, null);

            Assert.NotNull(result);
            if (result is double number)
            {
                Assert.False(double.IsNaN(number), $"{name} returned NaN");
            }
        }
    }

    [Fact]
    public void Compare_KMeansOnACsvFile_PrintsOneJsonLineWithTimingsAndInertia()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blobs-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, BlobData.ToCsv(BlobData.Generate(2_000, 4)));
        try
        {
            var output = new StringWriter();
            var exit = CompareCommand.Run(["--input", path, "--task", "kmeans", "--k", "3", "--repeat", "2"], output);

            Assert.Equal(0, exit);
            using var json = System.Text.Json.JsonDocument.Parse(output.ToString().Trim());
            Assert.Equal("kmeans", json.RootElement.GetProperty("task").GetString());
            Assert.Equal(2_000, json.RootElement.GetProperty("n").GetInt32());
            Assert.Equal(4, json.RootElement.GetProperty("d").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("seconds").GetArrayLength());
            Assert.True(json.RootElement.GetProperty("inertia").GetDouble() > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<Type> SuiteTypes() =>
        typeof(CompareCommand).Assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null));

    /// <summary>Every combination of the [Params] values other than Rows.</summary>
    private static IEnumerable<List<(PropertyInfo Property, object? Value)>> ParameterSets(Type type)
    {
        IEnumerable<List<(PropertyInfo, object?)>> sets = [[]];
        foreach (var property in type.GetProperties().Where(p => p.Name != "Rows"))
        {
            var values = property.GetCustomAttribute<ParamsAttribute>()?.Values;
            if (values is null)
            {
                continue;
            }

            sets = sets.SelectMany(set => values.Select(v => new List<(PropertyInfo, object?)>(set) { (property, v) })).ToList();
        }

        return sets;
    }
}
