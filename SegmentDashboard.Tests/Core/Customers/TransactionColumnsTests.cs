using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Samples;

namespace SegmentDashboard.Tests.Core.Customers;

public class TransactionColumnsTests
{
    [Theory]
    [MemberData(nameof(CustomerTableBuilderTests.Files), MemberType = typeof(CustomerTableBuilderTests))]
    public void Suggest_GeneratedTransactions_TheReferenceColumnChoice(string file)
    {
        var suggested = TransactionColumns.Suggest(RealDataFiles.Load(file));

        Assert.Equal(RealDataFiles.Options(file), suggested);
    }

    [Fact]
    public void Suggest_CustomerTable_Null()
    {
        Assert.Null(TransactionColumns.Suggest(SampleCustomers.Generate()));
    }
}
