using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SegmentDashboard.Core.Export;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Tests.Core.Export;

public sealed class ProfileExportTests
{
    [Fact]
    public void WriteCsv_Profiles_OneRowPerSegmentWithTraitColumnsAndNeutralizedText()
    {
        using var stream = new MemoryStream();

        ProfileExport.WriteCsv(stream, [Profile()]);

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(
            "Segment,Name,Size,Share,Description,Offer,Channel,Product categories,Actions,Income mean,Income effect size",
            lines[0]);
        Assert.Equal(
            "0,'=Big spenders,12,0.25,12 customers (25%): income 1.5 SD above average.,Premium,Email,Books; Toys,Do this. | Do that.,80.5,1.5",
            lines[1]);
    }

    [Fact]
    public void ToJson_Profiles_CamelCaseWithNullForUndefined()
    {
        var json = ProfileExport.ToJson([Profile()]);

        using var document = JsonDocument.Parse(json);
        var first = document.RootElement[0];
        Assert.Equal("=Big spenders", first.GetProperty("name").GetString());
        Assert.Equal(1.5, first.GetProperty("traits")[0].GetProperty("effectSize").GetDouble());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("traits")[0].GetProperty("segmentMedian").ValueKind);
        Assert.Equal(2, first.GetProperty("categoryMix")[0].GetProperty("lift").GetDouble());
        Assert.Equal("Books", first.GetProperty("playbook").GetProperty("productCategories")[0].GetString());
    }

    [Fact]
    public void Visible_ContactColumnsClusteredOn_TraitsAndSharesLeftOutUnlessAsked()
    {
        var dataset = SegmentDashboard.Core.Data.CsvLoader.LoadText(
            "PostalCode,Full_Name,Income,Category\n11122,Ana Lind,50,Books\n11356,Björn Berg,80,Toys\n75001,Chloé Roux,61,Books\n",
            "crm.csv");
        var profile = Profile() with
        {
            Traits = [new FeatureTrait("PostalCode", 11122, 11122, 32000, 11356, 0.4), .. Profile().Traits],
            CategoryMix = [new CategoryShare("Full_Name", "Ana Lind", 1, 0.33), .. Profile().CategoryMix],
        };

        var hidden = ProfileExport.Visible([profile], dataset, includeContact: false);
        var shown = ProfileExport.Visible([profile], dataset, includeContact: true);

        Assert.Equal(["Income"], hidden[0].Traits.Select(t => t.Feature));
        Assert.Equal(["Category"], hidden[0].CategoryMix.Select(c => c.Column));
        Assert.Equal(["PostalCode", "Income"], shown[0].Traits.Select(t => t.Feature));
        Assert.Equal(["Full_Name", "Category"], shown[0].CategoryMix.Select(c => c.Column));
        using var stream = new MemoryStream();
        ProfileExport.WriteCsv(stream, hidden);
        var csv = Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("PostalCode", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Lind", ProfileExport.ToJson(hidden), StringComparison.Ordinal);
    }

    private static SegmentProfile Profile() => new(
        0,
        "=Big spenders",
        "12 customers (25%): income 1.5 SD above average.",
        12,
        0.25,
        [new FeatureTrait("Income", 80.5, double.NaN, 50, 48, 1.5)],
        [new CategoryShare("Category", "Books", 0.5, 0.25)],
        new Playbook("Premium", "Email", ["Books", "Toys"], ImmutableArray.Create("Do this.", "Do that.")));
}
