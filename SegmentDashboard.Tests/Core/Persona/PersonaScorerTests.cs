using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Persona;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Persona;

public sealed class PersonaScorerTests
{
    private static readonly string[] Features = ["AnnualIncome", "DaysSinceLastPurchase", "PreferredCategory"];

    internal static Task<SegmentationResult> SampleResultAsync()
    {
        var service = new SegmentationService();
        return service.SegmentAsync(service.Sample(), new SegmentationRequest { Features = [.. Features], ClusterCount = 3, Seed = 3, IncludeSweep = false, IncludeStability = false });
    }

    [Fact]
    public async Task Inputs_Sample_OneNumericWithMinMaxMedianAndOneCategoricalWithMode()
    {
        var result = await SampleResultAsync();

        var inputs = PersonaScorer.Inputs(result);

        Assert.Equal(Features, inputs.Select(i => i.Column));
        var income = (NumericColumn)result.Dataset["AnnualIncome"];
        var sorted = income.Values.Where(double.IsFinite).Order().ToArray();
        Assert.Equal(sorted[0], inputs[0].Min);
        Assert.Equal(sorted[^1], inputs[0].Max);
        Assert.Equal((sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2, inputs[0].Median);
        var category = (CategoricalColumn)result.Dataset["PreferredCategory"];
        var mode = category.Codes.Where(c => c >= 0).GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
        Assert.Equal(category.Levels[mode], inputs[2].Mode);
    }

    [Fact]
    public async Task Score_PersonaEqualToACustomer_LandsInThatCustomersSegmentNearestCentreAndLeaf()
    {
        var result = await SampleResultAsync();
        var income = (NumericColumn)result.Dataset["AnnualIncome"];
        var days = (NumericColumn)result.Dataset["DaysSinceLastPurchase"];
        var category = (CategoricalColumn)result.Dataset["PreferredCategory"];
        var checkedRows = 0;
        var agreeing = 0;
        for (var row = 0; row < 200; row++)
        {
            if (income.IsMissing(row) || days.IsMissing(row) || category.IsMissing(row))
            {
                continue;
            }

            var persona = new PersonaValues(
                ImmutableDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("AnnualIncome", income.Values[row]), new KeyValuePair<string, double>("DaysSinceLastPurchase", days.Values[row])]),
                ImmutableDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("PreferredCategory", category.Format(row))]));

            var outcome = PersonaScorer.Score(result, persona);

            checkedRows++;
            agreeing += outcome.Segment == result.RowLabels[row] ? 1 : 0;
            var nearest = outcome.Distances.IndexOf(outcome.Distances.Min());
            Assert.Equal(outcome.Segment, nearest);
            var explanation = result.Explanation!;
            var leaf = explanation.Tree.LeafOf(f => explanation.Tree.Features[f].Values[row]);
            Assert.Equal(explanation.LeafConditions[leaf], outcome.Path);
        }

        // Converged K-means: a customer's own values put it in its own segment (ties aside).
        Assert.True(checkedRows > 150, $"only {checkedRows} complete rows");
        Assert.True(agreeing >= checkedRows - 2, $"{agreeing} of {checkedRows} personas landed in their customer's segment");
    }
}
