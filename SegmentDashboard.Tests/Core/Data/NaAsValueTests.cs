using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Core.Data;

public class NaAsValueTests
{
    [Fact]
    public void Load_RegionCodesWithNa_NaIsALevelAndThePageIsTold()
    {
        var dataset = CsvLoader.LoadText("Region,Spend\nEMEA,1\nNA,2\nAPAC,3\nNA,4\nEMEA,5\n,6\n");

        var region = Assert.IsType<CategoricalColumn>(dataset["Region"]);
        Assert.Equal(["APAC", "EMEA", "NA"], region.Levels.ToArray());
        Assert.Equal(1, region.MissingCount);
        var warning = Assert.Single(dataset.Warnings);
        Assert.Contains("'Region'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("2 'NA'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Answer\nYes\nNA\nNo\nYes\n")]
    [InlineData("City\nBerlin\nNA\nParis\nRome\n")]
    [InlineData("Region\nEMEA\nna\nAPAC\nEMEA\n")]
    public void Load_NaInOtherColumns_StillMissing(string csv)
    {
        var dataset = CsvLoader.LoadText(csv);

        Assert.Equal(1, dataset.Columns[0].MissingCount);
        Assert.Empty(dataset.Warnings);
    }

    [Fact]
    public void Load_OrderLinesTerritory_NotShownAsMissing()
    {
        var dataset = RealDataFiles.Load("realdata_orderlines.csv");

        var summary = ColumnSummaries.Summarize(dataset["TERRITORY"]);
        Assert.Equal(0, summary.MissingShare);
        Assert.Contains("NA", ((CategoricalColumn)dataset["TERRITORY"]).Levels);
    }

    [Fact]
    public void ToMissing_OneClickSwitch_NaLevelBecomesMissing()
    {
        var dataset = CsvLoader.LoadText("Region,Spend\nEMEA,1\nNA,2\nAPAC,3\nNA,4\n");

        var switched = Assert.IsType<CategoricalColumn>(NaAsValue.ToMissing(dataset["Region"]));

        Assert.Equal(["APAC", "EMEA"], switched.Levels.ToArray());
        Assert.Equal([1, -1, 0, -1], switched.Codes.ToArray());
    }
}
