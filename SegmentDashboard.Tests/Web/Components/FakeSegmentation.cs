using System.Collections.Immutable;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Core.Projection;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>A small hand-built dataset and segmentation result (12 customers, 3 segments of 4) for component tests.</summary>
public static class FakeSegmentation
{
    public const string ScriptLevel = "<script>alert(1)</script>";

    public static readonly ImmutableArray<int> Labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];

    public static Dataset Dataset()
    {
        var ages = new double[] { 21, 23, 25, 22, 45, 47, 44, 50, 33, 35, 31, double.NaN };
        var incomes = new double[] { 20, 22, 25, 21, 80, 85, 90, 82, 50, 52, 48, 51 };
        var spend = new double[] { 5, 6, 7, 5, 9, 8, 9, 10, 2, 3, 2, 1 };
        return new Dataset(
            "customers.csv",
            [
                new TextColumn("Customer", ColumnKind.Identifier, Enumerable.Range(1, 12).Select(i => (string?)("C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToImmutableArray()),
                new NumericColumn("Age", [.. ages]),
                new NumericColumn("Income", [.. incomes]),
                new NumericColumn("Spend", [.. spend]),
                new CategoricalColumn("Channel", [0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 0, 2], ["Web", "Store", ScriptLevel]),
            ],
            12,
            new CsvDialect(',', "UTF-8", false, "LF"),
            []);
    }

    public static SegmentationResult Result(Dataset? dataset = null, ClusteringAlgorithm algorithm = ClusteringAlgorithm.KMeans)
    {
        dataset ??= Dataset();
        var features = ImmutableArray.Create("Age", "Income", "Spend");
        var rows = Enumerable.Range(0, 12).Select(i => features.Select(f => ((NumericColumn)dataset[f]).Values[i] is var v && double.IsNaN(v) ? 33.0 : v).ToArray()).ToArray();
        var matrix = FeatureMatrix.FromRows(rows, features);
        var prepared = new PreparedData(
            matrix,
            [.. Enumerable.Range(0, 12)],
            [.. features.Select(f => new FeatureInfo(f, f, null, 0, 1))],
            [new ExcludedColumn("Customer", "Identifier: unique per customer")],
            0,
            PreprocessingOptions.Default);
        var scores = FeatureMatrix.FromRows(Enumerable.Range(0, 12).Select(i => new[] { rows[i][1] / 10, rows[i][2] - 5 }).ToArray(), ["PC1", "PC2"]);
        var pca = new PcaResult(
            FeatureMatrix.FromRows([[0.1, 0.9, 0.4], [0.8, -0.1, 0.3]]),
            [2.4, 0.6],
            [0.6, 0.25],
            [33, 50, 5.5],
            scores);
        var silhouette = new SilhouetteResult(
            0.5,
            [0.7, 0.6, 0.5, 0.4, 0.8, 0.7, 0.6, 0.5, 0.3, 0.2, 0.1, -0.1],
            [],
            false,
            12,
            0);
        var sweep = new KSweepResult(
            [.. Enumerable.Range(2, 5).Select(k => new KSweepPoint(k, 1000.0 / k, k == 3 ? 0.5 : 0.3, 100 + k, 1.0 / k, 2))],
            3,
            "k = 3 has the highest silhouette.");
        Dendrogram? dendrogram = algorithm == ClusteringAlgorithm.Hierarchical ? TwelveLeafDendrogram() : null;
        return new SegmentationResult(
            dataset,
            new SegmentationRequest { Features = features, Algorithm = algorithm, ClusterCount = 3 },
            prepared,
            Labels,
            Labels,
            3,
            new SegmentationMetrics(123.456, 0.5, 87.65, 0.4321, 0.91),
            silhouette,
            pca,
            FeatureMatrix.FromRows([[23, 22, 6], [46, 84, 9], [33, 50, 2]], features),
            dendrogram,
            sweep,
            [.. Enumerable.Range(0, 3).Select(Profile)],
            null);
    }

    /// <summary>Leaves 0..11 merged pairwise (heights 1), then into the three segments (2), then 5 and 9.</summary>
    public static Dendrogram TwelveLeafDendrogram()
    {
        var merges = ImmutableArray.CreateBuilder<DendrogramMerge>();
        for (var pair = 0; pair < 6; pair++)
        {
            merges.Add(new DendrogramMerge(pair * 2, (pair * 2) + 1, 1 + (pair * 0.1), 2)); // ids 12..17
        }

        merges.Add(new DendrogramMerge(12, 13, 2.0, 4)); // 18
        merges.Add(new DendrogramMerge(14, 15, 2.1, 4)); // 19
        merges.Add(new DendrogramMerge(16, 17, 2.2, 4)); // 20
        merges.Add(new DendrogramMerge(18, 20, 5.0, 8)); // 21
        merges.Add(new DendrogramMerge(19, 21, 9.0, 12)); // 22
        return new Dendrogram(12, LinkageMethod.Ward, merges.ToImmutable(), [.. Enumerable.Range(0, 12)]);
    }

    private static SegmentProfile Profile(int id) => new(
        id,
        id == 2 ? ScriptLevel : $"Group {id + 1}",
        $"Description of group {id + 1}.",
        4,
        1.0 / 3,
        [
            new FeatureTrait("Income", 20 + (id * 30), 20 + (id * 30), 50, 50, (id - 1) * 1.2),
            new FeatureTrait("Age", 23 + (id * 10), 23 + (id * 10), 33, 33, (id - 1) * 0.8),
            new FeatureTrait("Spend", 6 - id, 6 - id, 5.5, 5.5, 0.1 * id),
        ],
        [new CategoryShare("Channel", "Web", 0.75, 0.33)],
        new Playbook("Bundles", "Email", ["Books"], ["Send a welcome series."]));
}
