using System.Text;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Core.Data;

public class LegacyEncodingTests
{
    private static Dataset LoadBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return CsvLoader.Load(stream, "test.csv");
    }

    private static byte[] Encode(string text, int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage).GetBytes(text);
    }

    [Fact]
    public void Load_Cp850File_ReadAsCp850WithNamesIntact()
    {
        var dataset = RealDataFiles.Load("realdata_cp850.csv");

        Assert.Equal("CP850 (DOS)", dataset.Dialect!.EncodingName);
        var names = Enumerable.Range(0, dataset.RowCount).Select(dataset["Kunde"].Format).ToHashSet();
        Assert.Contains("Berguvsvägen Handel", names);
        Assert.Contains("Cataluña Import", names);
        Assert.Contains("Müller & Söhne", names);
    }

    [Theory]
    [InlineData(850, "CP850 (DOS)")]
    [InlineData(1252, "Windows-1252")]
    public void Load_SameTextInTwoCodePages_EachDecodedRight(int codePage, string expectedName)
    {
        const string text = "Kunde;Stadt\nBerguvsvägen 8;Luleå\nCataluña;Málaga\nMüller;Köln\n";

        var dataset = LoadBytes(Encode(text, codePage));

        Assert.Equal(expectedName, dataset.Dialect!.EncodingName);
        Assert.Equal("Berguvsvägen 8", dataset["Kunde"].Format(0));
        Assert.Equal("Cataluña", dataset["Kunde"].Format(1));
        Assert.Equal("Köln", dataset["Stadt"].Format(2));
    }
}
