using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Tests.Core.Customers;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Profiling;

/// <summary>
/// Issue 10: names and playbooks from meaning. Over every bundled and generated file (and the
/// public files in ../shared/datasets when present), clustered on the default features and on
/// every column a user could tick: product recommendations only from product columns, and no
/// name or playbook line built on an identifier, a date part, contact details or a status.
/// </summary>
public class PlaybookMeaningTests
{
    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string> { "sample", "campaign" };
        foreach (var file in RealDataFiles.Transactions)
        {
            files.Add(file);
            files.Add(file + "#customers");
        }

        var shared = TestPaths.Datasets;
        if (Directory.Exists(shared))
        {
            foreach (var path in Directory.GetFiles(shared, "*.csv").Order(StringComparer.Ordinal))
            {
                files.Add("shared:" + Path.GetFileName(path));
            }
        }

        return files;
    }

    private static Dataset Load(string file)
    {
        if (file == "sample")
        {
            return SampleCustomers.Generate();
        }

        if (file == "campaign")
        {
            return Campaign();
        }

        if (file.StartsWith("shared:", StringComparison.Ordinal))
        {
            using var stream = File.OpenRead(Path.Combine(TestPaths.Datasets, file["shared:".Length..]));
            return CsvLoader.Load(stream, file);
        }

        var parts = file.Split('#');
        var dataset = RealDataFiles.Load(parts[0]);
        return parts.Length == 1 ? dataset : CustomerTableBuilder.Build(dataset, RealDataFiles.Options(parts[0])).Customers;
    }

    /// <summary>A campaign-system customer table: education and marital status are demographics, not products.</summary>
    private static Dataset Campaign()
    {
        var random = new Random(3);
        var lines = new List<string> { "ID,Year_Birth,Education,Marital_Status,Income,Kidhome,Recency,MntWines,MntMeatProducts,NumWebPurchases,NumCatalogPurchases,Response" };
        string[] education = ["Graduation", "PhD", "Master", "Basic", "2n Cycle"];
        string[] marital = ["Married", "Together", "Single", "Divorced", "Widow"];
        for (var i = 0; i < 300; i++)
        {
            var rich = i % 3 == 0;
            lines.Add(string.Join(',',
                (5000 + (i * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1950 + random.Next(45),
                education[rich ? 1 + random.Next(2) : random.Next(5)],
                marital[random.Next(5)],
                rich ? 70000 + random.Next(30000) : 20000 + random.Next(30000),
                random.Next(3),
                random.Next(100),
                rich ? 500 + random.Next(800) : random.Next(200),
                random.Next(600),
                random.Next(12),
                rich ? 5 + random.Next(6) : random.Next(3),
                random.Next(2)));
        }

        return CsvLoader.LoadText(string.Join('\n', lines), "campaign.csv");
    }

    private static async Task<SegmentationResult> SegmentAsync(Dataset dataset, IEnumerable<string> features) =>
        await new SegmentationService().SegmentAsync(dataset, new SegmentationRequest
        {
            Features = [.. features],
            ClusterCount = 4,
            Seed = 1,
            Restarts = 1,
            IncludeSweep = false,
            IncludeStability = false,
        });

    private static void AssertSpeaksOnlyOfMarketingColumns(Dataset dataset, SegmentationResult result)
    {
        var meanings = ColumnMeanings.Infer(dataset).ToDictionary(g => g.Column);
        var productLevels = dataset.Columns
            .Where(c => meanings[c.Name].Meaning == ColumnMeaning.Product)
            .SelectMany(c => c switch
            {
                CategoricalColumn categorical => categorical.Levels,
                MultiCategoricalColumn multi => multi.Levels,
                _ => [],
            })
            .ToHashSet(StringComparer.Ordinal);
        var unspeakable = meanings.Values.Where(g => g.NeverFeature).Select(g => g.Column).ToList();
        foreach (var profile in result.Profiles)
        {
            Assert.All(profile.Playbook.ProductCategories, category => Assert.Contains(category, productLevels));
            var texts = profile.Playbook.Actions.Append(profile.Name).Append(profile.Playbook.Offer).Append(profile.Description);
            foreach (var text in texts)
            {
                foreach (var column in unspeakable)
                {
                    Assert.DoesNotContain(column, text, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(ColumnLabels.Readable(column), text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Profiles_DefaultFeatures_NothingBuiltOnANonProductOrNonFeatureColumn(string file)
    {
        var dataset = Load(file);

        var result = await SegmentAsync(dataset, []);

        AssertSpeaksOnlyOfMarketingColumns(dataset, result);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Profiles_EveryTickableColumnChosen_StillNothingBuiltOnThem(string file)
    {
        var dataset = Load(file);
        var everything = dataset.Columns
            .Where(c => c.Kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.Categorical)
            .Where(c => c is not CategoricalColumn categorical || categorical.Levels.Length <= 50)
            .Where(c => c.MissingCount < c.Count)
            .Select(c => c.Name);

        var result = await SegmentAsync(dataset, everything);

        AssertSpeaksOnlyOfMarketingColumns(dataset, result);
    }

    [Fact]
    public async Task Profiles_Campaign_NeverRecommendsEducationAndNamesUseReadableLabels()
    {
        var dataset = Campaign();

        var result = await SegmentAsync(dataset, ["Education", "Income", "MntWines", "NumCatalogPurchases"]);

        Assert.All(result.Profiles, p => Assert.Empty(p.Playbook.ProductCategories));
        Assert.All(result.Profiles, p => Assert.DoesNotContain("MntWines", p.Name, StringComparison.Ordinal));
        Assert.Contains(result.Profiles, p => p.Name.Contains("wine spend", StringComparison.OrdinalIgnoreCase));
    }
}
