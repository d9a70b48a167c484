using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Data;

/// <summary>The public files in ../shared/datasets (see SOURCES.md there); skipped when the folder is absent.</summary>
public class RealDatasetsTests
{
    private static Dataset LoadShared(string file)
    {
        var path = Path.Combine(TestPaths.RequireFolder(TestPaths.Datasets), file);
        Skip.IfNot(File.Exists(path), $"Skipped: '{path}' is absent on this machine.");
        using var stream = File.OpenRead(path);
        return CsvLoader.Load(stream, file);
    }

    private static ColumnKind[] Kinds(Dataset dataset) => [.. dataset.Columns.Select(c => c.Kind)];

    [SkippableFact]
    public void Load_AmazonClusterModel_202RowsWithIdentifierAndNumbers()
    {
        // Act: 203 physical lines = header + 202 data rows.
        var dataset = LoadShared("amazon_cluster_model.csv");

        // Assert
        Assert.Equal(202, dataset.RowCount);
        Assert.Equal(["Cus_ID", "Sex", "Age", "Income", "Rating"], dataset.Columns.Select(c => c.Name));
        Assert.Equal([ColumnKind.Identifier, ColumnKind.Categorical, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric], Kinds(dataset));
        Assert.Equal("301219", dataset["Cus_ID"].Format(0));
        Assert.Equal(new CsvDialect(',', "UTF-8", false, "LF"), dataset.Dialect);
        Assert.Empty(dataset.Warnings);

        // pandas: Sex value_counts {'F': 106, 'M': 96}; Income mean 46520.72772277228; Rating std (ddof=1) 42.78714976733728.
        var sex = ColumnSummaries.Summarize(dataset["Sex"]);
        Assert.Equal([new LevelCount("F", 106), new LevelCount("M", 96)], sex.TopLevels.ToArray());
        Tolerance.AssertClose(46520.72772277228, ColumnSummaries.Summarize(dataset["Income"]).Mean);
        Tolerance.AssertClose(42.78714976733728, ColumnSummaries.Summarize(dataset["Rating"]).StandardDeviation);
    }

    [SkippableFact]
    public void Load_MallCustomers_ZeroPaddedIdKeptAsText()
    {
        var dataset = LoadShared("mall_customers.csv");

        Assert.Equal(200, dataset.RowCount);
        Assert.Equal(5, dataset.Columns.Length);
        var id = Assert.IsType<TextColumn>(dataset["CustomerID"]);
        Assert.Equal(ColumnKind.Identifier, id.Kind);
        Assert.Equal("0001", id.Values[0]);
        Assert.Equal("0200", id.Values[199]);
        Assert.Equal([ColumnKind.Identifier, ColumnKind.Categorical, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric], Kinds(dataset));
        Assert.Equal("CRLF", dataset.Dialect!.LineEnding);
        // pandas: Genre value_counts Female 112, Male 88.
        Assert.Equal([new LevelCount("Female", 112), new LevelCount("Male", 88)], ColumnSummaries.Summarize(dataset["Genre"]).TopLevels.ToArray());
    }

    [SkippableFact]
    public void Load_AmazonSurvey_RepairsTrailingSpaceHeaderAndInfersKinds()
    {
        var dataset = LoadShared("amazon_customer_behavior_survey.csv");

        Assert.Equal(602, dataset.RowCount);
        Assert.Equal(23, dataset.Columns.Length);
        Assert.Equal("Personalized_Recommendation_Frequency", dataset.Columns[5].Name);
        Assert.Equal("Personalized_Recommendation_Frequency (2)", dataset.Columns[17].Name);
        Assert.Equal("Rating_Accuracy", dataset.Columns[19].Name);
        var warning = Assert.Single(dataset.Warnings);
        Assert.Equal(18, warning.Column);
        Assert.Contains("only by spaces", warning.Message, StringComparison.Ordinal);

        Assert.Equal(ColumnKind.DateTime, dataset["Timestamp"].Kind);
        // 2023/06/04 1:28:19 PM GMT+5:30 is 07:58:19 UTC.
        Assert.Equal(new DateTime(2023, 6, 4, 7, 58, 19), DateTimeValues.ToDateTime(((NumericColumn)dataset["Timestamp"]).Values[0]));
        Assert.Equal(ColumnKind.Numeric, dataset["age"].Kind);
        Assert.Equal(ColumnKind.Categorical, dataset["Gender"].Kind);
        Assert.Equal(ColumnKind.Boolean, dataset["Review_Left"].Kind);
        Assert.Equal(2, dataset["Product_Search_Method"].MissingCount);
        Assert.Equal(2, dataset.Columns.Sum(c => c.MissingCount));

        // pandas: str.split(';').explode().value_counts().
        var categories = Assert.IsType<MultiCategoricalColumn>(dataset["Purchase_Categories"]);
        Assert.Equal(';', categories.Separator);
        Assert.Equal(
            [
                new LevelCount("Clothing and Fashion", 343), new LevelCount("Beauty and Personal Care", 318), new LevelCount("Home and Kitchen", 220),
                new LevelCount("others", 166), new LevelCount("Groceries and Gourmet Food", 111),
            ],
            ColumnSummaries.Summarize(categories).TopLevels.ToArray());
    }

    [SkippableFact]
    public void Load_WholesaleCustomers_AllNumericMatchesPandas()
    {
        var dataset = LoadShared("wholesale_customers.csv");

        Assert.Equal(440, dataset.RowCount);
        Assert.Equal(8, dataset.Columns.Length);
        Assert.All(dataset.Columns, column => Assert.Equal(ColumnKind.Numeric, column.Kind));

        // numpy on Fresh: mean, std(ddof=1), percentile([25, 50, 75]), min, max, unique count.
        var fresh = ColumnSummaries.Summarize(dataset["Fresh"]);
        Tolerance.AssertClose(12000.297727272728, fresh.Mean);
        Tolerance.AssertClose(12647.328865076892, fresh.StandardDeviation);
        Tolerance.AssertClose(3127.75, fresh.Q1);
        Tolerance.AssertClose(8504.0, fresh.Median);
        Tolerance.AssertClose(16933.75, fresh.Q3);
        Assert.Equal((3.0, 112151.0, 433), (fresh.Min, fresh.Max, fresh.Distinct));

        // numpy.histogram_bin_edges(fresh, bins="fd"): 31 bins; first counts 123, 75, 62, 48, 37, 27, 16, 13, 12, 4.
        var histogram = HistogramBuilder.FreedmanDiaconis(((NumericColumn)dataset["Fresh"]).Values.AsSpan());
        Assert.Equal(31, histogram.BinCount);
        Tolerance.AssertClose(3620.677419354839, histogram.Edges[1], 1e-12);
        Assert.Equal([123, 75, 62, 48, 37, 27, 16, 13, 12, 4], histogram.Counts.Take(10));
        Assert.Equal(440, histogram.Counts.Sum());

        // pandas DataFrame.corr().
        var correlations = CorrelationMatrix.Compute(dataset);
        Tolerance.AssertClose(0.10050976829985858, correlations[2, 3], 1e-12);
        Tolerance.AssertClose(0.9246406908542676, correlations[4, 6], 1e-12);
        Tolerance.AssertClose(0.06202761897014792, correlations[0, 1], 1e-12);
    }
}
