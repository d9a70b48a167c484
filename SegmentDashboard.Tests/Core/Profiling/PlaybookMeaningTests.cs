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
        // "#derived": with the dates and birth years turned into days since / tenure / age (DerivedFeatures).
        var files = new TheoryData<string> { "sample", "campaign", "campaign#derived", RealcoreCampaign, RealcoreCampaign + "#derived", "dates#derived" };
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
                files.Add("shared:" + Path.GetFileName(path) + "#derived");
            }
        }

        return files;
    }

    private const string RealcoreCampaign = "realcore_campaign.csv";

    private const string Derived = "#derived";

    private static readonly HashSet<string> ChannelWords = new(StringComparer.OrdinalIgnoreCase) { "email", "e-mail", "phone", "mobile", "sms" };

    private static Dataset Load(string file)
    {
        if (file.EndsWith(Derived, StringComparison.Ordinal))
        {
            return DerivedFeatures.Derive(Load(file[..^Derived.Length]), new DateOnly(2014, 10, 4)).Dataset;
        }

        if (file == RealcoreCampaign)
        {
            return RealDataFiles.Load(file);
        }

        if (file == "dates")
        {
            return Dates();
        }

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

    /// <summary>A loyalty-program export: signup and last-visit dates, a birth date, a date part, a status and contact details.</summary>
    private static Dataset Dates()
    {
        var random = new Random(11);
        var lines = new List<string> { "Member_ID,Signup_Date,Last_Visit,Birth_Date,Signup_Year,Tier_Status,Email,Visits,Spend" };
        string[] tiers = ["Gold", "Silver", "Bronze"];
        var start = new DateTime(2010, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < 200; i++)
        {
            var signup = start.AddDays(random.Next(1500));
            var loyal = i % 4 == 0;
            lines.Add(string.Join(',',
                "M" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                signup.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                new DateTime(2014, 10, 4, 0, 0, 0, DateTimeKind.Unspecified).AddDays(-(loyal ? random.Next(20) : 30 + random.Next(300))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                new DateTime(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28), 0, 0, 0, DateTimeKind.Unspecified).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                signup.Year,
                tiers[random.Next(3)],
                $"m{i}@example.org",
                loyal ? 20 + random.Next(30) : random.Next(10),
                loyal ? 900 + random.Next(500) : random.Next(300)));
        }

        return CsvLoader.LoadText(string.Join('\n', lines), "loyalty.csv");
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
        // A contact column called "Email" or "Phone" shares its name with the playbook's channels
        // ("a win-back email series"): those words are the channel, not the column (product use is
        // checked above against the product levels).
        var unspeakable = meanings.Values.Where(g => g.NeverFeature).Select(g => g.Column)
            .Where(column => !ChannelWords.Contains(ColumnLabels.Readable(column)))
            .ToList();

        // A derived feature names its source ("days since last visit" holds "last visit"): its own words are allowed.
        var derivedWords = dataset.Derived.SelectMany(d => new[] { d.Name, d.Label }).OrderByDescending(w => w.Length).ToArray();
        foreach (var profile in result.Profiles)
        {
            Assert.All(profile.Playbook.ProductCategories, category => Assert.Contains(category, productLevels));
            var texts = profile.Playbook.Actions.Append(profile.Name).Append(profile.Playbook.Offer).Append(profile.Description)
                .Select(text => derivedWords.Aggregate(text, (t, w) => t.Replace(w, "#", StringComparison.OrdinalIgnoreCase)));
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

    [Theory]
    [InlineData(RealcoreCampaign + Derived)]
    [InlineData("dates" + Derived)]
    public async Task Profiles_DerivedDates_NamesSpeakOfDerivedLabelsNeverOfRawDatesOrBirthYear(string file)
    {
        var dataset = Load(file);
        var sources = dataset.Derived.Select(d => d.Source).ToArray();

        var result = await SegmentAsync(dataset, []);

        Assert.Contains("Age", result.Prepared.Features.Select(f => f.SourceColumn));
        Assert.DoesNotContain(result.Prepared.Features, f => sources.Contains(f.SourceColumn));
        var words = string.Join('\n', result.Profiles.SelectMany(p => p.Playbook.Actions.Append(p.Name).Append(p.Description)));
        Assert.Contains(dataset.Derived, d => words.Contains(d.Label, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Year_Birth", words, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("year birth", words, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Signup_Year", words, StringComparison.OrdinalIgnoreCase);
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
