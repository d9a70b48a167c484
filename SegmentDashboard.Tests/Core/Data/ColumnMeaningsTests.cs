using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Core.Data;

public class ColumnMeaningsTests
{
    private static Dictionary<string, ColumnMeaning> Meanings(Dataset dataset) =>
        ColumnMeanings.Infer(dataset).ToDictionary(g => g.Column, g => g.Meaning);

    [Fact]
    public void Infer_OrderLineExport_EachColumnForWhatItIs()
    {
        var meanings = Meanings(RealDataFiles.Load("realdata_orderlines.csv"));

        Assert.Equal(ColumnMeaning.Identifier, meanings["ORDERNUMBER"]);
        Assert.Equal(ColumnMeaning.Count, meanings["QUANTITYORDERED"]);
        Assert.Equal(ColumnMeaning.Amount, meanings["PRICEEACH"]);
        Assert.Equal(ColumnMeaning.Amount, meanings["SALES"]);
        Assert.Equal(ColumnMeaning.Date, meanings["ORDERDATE"]);
        Assert.Equal(ColumnMeaning.Status, meanings["STATUS"]);
        Assert.Equal(ColumnMeaning.DatePart, meanings["QTR_ID"]);
        Assert.Equal(ColumnMeaning.DatePart, meanings["MONTH_ID"]);
        Assert.Equal(ColumnMeaning.DatePart, meanings["YEAR_ID"]);
        Assert.Equal(ColumnMeaning.Product, meanings["PRODUCTLINE"]);
        Assert.Equal(ColumnMeaning.Contact, meanings["CUSTOMERNAME"]);
        Assert.Equal(ColumnMeaning.Contact, meanings["PHONE"]);
        Assert.Equal(ColumnMeaning.Contact, meanings["ADDRESSLINE1"]);
        Assert.Equal(ColumnMeaning.Contact, meanings["POSTALCODE"]);
        Assert.Equal(ColumnMeaning.Contact, meanings["CONTACTLASTNAME"]);
        Assert.Equal(ColumnMeaning.Contact, meanings["CONTACTFIRSTNAME"]);
        Assert.Equal(ColumnMeaning.Geography, meanings["COUNTRY"]);
        Assert.Equal(ColumnMeaning.Geography, meanings["TERRITORY"]);
    }

    [Fact]
    public void Of_PhoneColumn_TooltipSaysWhyItIsNotAFeature()
    {
        var dataset = RealDataFiles.Load("realdata_orderlines.csv");

        var guess = ColumnMeanings.Of(dataset, dataset["PHONE"]);

        Assert.Equal("not a feature: looks like a phone number", guess.Reason);
        Assert.True(guess.NeverFeature);
    }

    [Fact]
    public void Infer_CampaignHeaders_DemographicsAndReadableLabels()
    {
        var dataset = CsvLoader.LoadText(
            "ID,Year_Birth,Education,Marital_Status,Income,Kidhome,MntWines,NumCatalogPurchases,Recency,Email\n" +
            "1,1957,Master,Single,58138,0,635,10,58,a@x.com\n2,1954,PhD,Married,46344,1,11,1,38,b@y.org\n" +
            "3,1965,Graduation,Together,71613,0,426,2,26,c@z.net\n");

        var guesses = ColumnMeanings.Infer(dataset).ToDictionary(g => g.Column);

        Assert.Equal(ColumnMeaning.Identifier, guesses["ID"].Meaning);
        Assert.Equal(ColumnMeaning.Demographic, guesses["Year_Birth"].Meaning);
        Assert.Equal(ColumnMeaning.Demographic, guesses["Education"].Meaning);
        Assert.Equal(ColumnMeaning.Demographic, guesses["Marital_Status"].Meaning);
        Assert.Equal(ColumnMeaning.Demographic, guesses["Kidhome"].Meaning);
        Assert.Equal(ColumnMeaning.Amount, guesses["MntWines"].Meaning);
        Assert.Equal(ColumnMeaning.Contact, guesses["Email"].Meaning);
        Assert.Equal("wine spend", guesses["MntWines"].Label);
        Assert.Equal("catalog purchases", guesses["NumCatalogPurchases"].Label);
        Assert.Equal("days since last order", guesses["Recency"].Label);
    }

    [Fact]
    public void Infer_MallGenreMaleFemale_IsSexNotProduct()
    {
        var dataset = CsvLoader.LoadText("CustomerID,Genre,Age\n0001,Male,19\n0002,Female,21\n0003,Female,20\n");

        Assert.Equal(ColumnMeaning.Demographic, Meanings(dataset)["Genre"]);
    }

    [Fact]
    public void Of_ChosenMeaning_WinsAndIsSaid()
    {
        var dataset = RealDataFiles.Load("realdata_orderlines.csv").WithMeaning("STATUS", ColumnMeaning.Other);

        var guess = ColumnMeanings.Of(dataset, dataset["STATUS"]);

        Assert.Equal(ColumnMeaning.Other, guess.Meaning);
        Assert.True(guess.IsChosen);
        Assert.Contains("STATUS", Preprocessor.DefaultFeatures(dataset));
    }

    [Fact]
    public void DefaultFeatures_Sample_Unchanged()
    {
        var features = Preprocessor.DefaultFeatures(SampleCustomers.Generate());

        Assert.Equal(
            ["Age", "Sex", "AnnualIncome", "AvgRatingGiven", "PurchasesPerYear", "AvgOrderValue", "PrimeMember", "PreferredCategory", "ReviewsWritten", "DaysSinceLastPurchase"],
            features);
    }

    [Theory]
    [InlineData("realdata_orderlines.csv")]
    [InlineData("realdata_invoices.csv")]
    [InlineData("realdata_cp850.csv")]
    public void DefaultFeatures_TransactionsFile_NoIdentifierDatePartContactOrStatus(string file)
    {
        var dataset = RealDataFiles.Load(file);
        var meanings = Meanings(dataset);

        var features = Preprocessor.DefaultFeatures(dataset);

        Assert.NotEmpty(features);
        Assert.All(features, feature => Assert.DoesNotContain(
            meanings[feature],
            new[] { ColumnMeaning.Identifier, ColumnMeaning.DatePart, ColumnMeaning.Contact, ColumnMeaning.Status, ColumnMeaning.FreeText, ColumnMeaning.Date }));
        Assert.DoesNotContain("ORDERNUMBER", features);
        Assert.DoesNotContain("InvoiceNo", features);
        Assert.DoesNotContain("CustomerID", features);
    }
}
