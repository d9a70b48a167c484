using System.Globalization;
using System.Text.Json;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Support;

/// <summary>
/// Reference/engine_fixture_small.csv (300 x 4, in the repo, copied to the test output), z-scored
/// with the population standard deviation as scikit-learn's StandardScaler does, and its expected
/// values (engine_fixture_small_expected.json, made by Reference/engine_make_fixtures.py with the
/// versions pinned in engine_requirements.txt). Read with plain code so that engine tests do not
/// depend on the CSV loader under test. Never skips: a missing file fails the test.
/// </summary>
public sealed class ReferenceFixture
{
    private ReferenceFixture(FeatureMatrix raw, FeatureMatrix scaled, JsonDocument expected)
    {
        Raw = raw;
        Scaled = scaled;
        Expected = expected.RootElement;
    }

    public FeatureMatrix Raw { get; }

    public FeatureMatrix Scaled { get; }

    public JsonElement Expected { get; }

    /// <summary>The folder in the test output holding the engine_* reference files.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Reference");

    public static ReferenceFixture Load()
    {
        var folder = Folder;
        var lines = File.ReadAllLines(Path.Combine(folder, "engine_fixture_small.csv"));
        var names = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        var raw = FeatureMatrix.FromRows(rows, names);
        var d = names.Length;
        var scaledRows = rows.Select(r => (double[])r.Clone()).ToList();
        for (var j = 0; j < d; j++)
        {
            var mean = rows.Average(r => r[j]);
            var std = Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
            foreach (var r in scaledRows)
            {
                r[j] = (r[j] - mean) / std;
            }
        }

        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "engine_fixture_small_expected.json")));
        return new ReferenceFixture(raw, FeatureMatrix.FromRows(scaledRows, names), expected);
    }

    public int[] IntArray(params string[] path) => Get(path).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public double[] DoubleArray(params string[] path) => Get(path).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public double Double(params string[] path) => Get(path).GetDouble();

    public JsonElement Get(params string[] path)
    {
        var element = Expected;
        foreach (var key in path)
        {
            element = element.GetProperty(key);
        }

        return element;
    }
}
