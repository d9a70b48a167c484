using SegmentDashboard.Core.Data;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Data;

public class CsvLoaderFuzzTests
{
    private static readonly byte[] Noise = "\",;\t|\r\n\0 -.NA$%é\uFEFF"u8.ToArray();

    [Fact]
    public void Load_RandomlyMutatedFiles_EitherLoadConsistentlyOrThrowCsvLoadException()
    {
        // Arrange: small valid corpus files, each mutated many times with a fixed seed.
        var random = new Random(2024);
        var seeds = MalformedCsvCorpus.All.Where(c => c.LoadsSuccessfully && c.Bytes.Length < 4096).ToList();
        Assert.NotEmpty(seeds);

        for (var iteration = 0; iteration < 600; iteration++)
        {
            var bytes = seeds[iteration % seeds.Count].Bytes.ToList();
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count + 1);
                switch (random.Next(3))
                {
                    case 0:
                        bytes.Insert(at, Noise[random.Next(Noise.Length)]);
                        break;
                    case 1 when at < bytes.Count:
                        bytes.RemoveAt(at);
                        break;
                    default:
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                }
            }

            // Act
            Dataset dataset;
            try
            {
                dataset = CsvLoader.Load(new MemoryStream([.. bytes]), "fuzz.csv");
            }
            catch (CsvLoadException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
                continue;
            }

            // Assert: a loaded dataset is internally consistent.
            Assert.True(dataset.RowCount > 0);
            Assert.All(dataset.Columns, column => Assert.Equal(dataset.RowCount, column.Count));
            Assert.Equal(dataset.Columns.Length, dataset.Columns.Select(c => c.Name).Distinct().Count());
        }
    }
}
