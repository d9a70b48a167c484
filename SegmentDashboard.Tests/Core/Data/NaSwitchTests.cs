using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Tests.Core.Data;

/// <summary>The one-click NA switch of issue 10 on whole datasets: NA as missing, and back.</summary>
public class NaSwitchTests
{
    private static Dataset Regions() => CsvLoader.LoadText("Region,Spend\nEMEA,1\nNA,2\nAPAC,3\nNA,4\n");

    [Fact]
    public void TreatAsMissing_CodeColumn_NaBecomesMissingAndTheColumnAsReadIsKept()
    {
        var dataset = Regions();

        var switched = NaAsValue.TreatAsMissing(dataset, "Region");

        Assert.True(NaAsValue.KeepsNa(dataset["Region"]));
        Assert.False(NaAsValue.KeepsNa(switched["Region"]));
        Assert.Equal(2, switched["Region"].MissingCount);
        Assert.Same(dataset["Region"], switched.NaCodeColumns["Region"]);
        Assert.Same(dataset["Spend"], switched["Spend"]);
        Assert.Equal(0, dataset["Region"].MissingCount);
    }

    [Fact]
    public void TreatAsValue_AfterTheSwitch_BackToTheColumnAsRead()
    {
        var dataset = Regions();

        var back = NaAsValue.TreatAsValue(NaAsValue.TreatAsMissing(dataset, "Region"), "Region");

        Assert.Same(dataset["Region"], back["Region"]);
        Assert.Empty(back.NaCodeColumns);
    }

    [Fact]
    public void TreatAsMissing_ColumnWithoutNa_SameDataset()
    {
        var dataset = Regions();

        Assert.Same(dataset, NaAsValue.TreatAsMissing(dataset, "Spend"));
        Assert.Same(dataset, NaAsValue.TreatAsValue(dataset, "Region"));
        Assert.Throws<KeyNotFoundException>(() => NaAsValue.TreatAsMissing(dataset, "Nope"));
    }

    [Fact]
    public void WithLabel_BlankOrTrimmed_StoredOrRemoved()
    {
        var dataset = Regions();

        var labelled = dataset.WithLabel("Spend", "  wine budget ");

        Assert.Equal("wine budget", labelled.LabelOf("Spend"));
        Assert.Equal("spend", dataset.LabelOf("Spend"));
        Assert.Empty(labelled.WithLabel("Spend", " ").ChosenLabels);
        Assert.Throws<KeyNotFoundException>(() => dataset.WithLabel("Nope", "x"));
    }
}
