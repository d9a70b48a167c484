using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>The rows of the Explore page's summary grid.</summary>
public sealed class SummaryRowTests
{
    [Fact]
    public void SummaryRow_NumericWithoutValuesAndText_NaNShowsNotAvailableAndTextHasNoStatistics()
    {
        var empty = new ColumnSummary("Score", ColumnKind.Numeric, 0, 3, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);
        var text = new ColumnSummary("Note", ColumnKind.Text, 3, 0, 3, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);

        var emptyRow = SummaryRow.From(empty);
        var textRow = SummaryRow.From(text);

        Assert.Equal("n/a", SummaryRow.Format(emptyRow.Mean));
        Assert.Equal(3, emptyRow.Missing);
        Assert.Null(textRow.Mean);
        Assert.Equal(string.Empty, SummaryRow.Format(textRow.Max));
        Assert.Equal("Free text", textRow.Type);
        Assert.Equal("1234", SummaryRow.Format(1234.4));
    }
}
