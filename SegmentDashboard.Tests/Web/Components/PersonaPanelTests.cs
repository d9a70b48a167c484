using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Persona;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Tests.Core.Persona;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>The persona tester (issue 11): moving a slider changes the segment shown.</summary>
public sealed class PersonaPanelTests
{
    [Fact]
    public async Task PersonaPanel_MoveIncomeToItsExtremes_SegmentShownFollowsTheScorer()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var result = await PersonaScorerTests.SampleResultAsync();
        var inputs = PersonaScorer.Inputs(result);
        var typical = PersonaScorer.Typical(inputs);
        var income = inputs.Single(i => i.Column == "AnnualIncome");
        var names = new Dictionary<int, string> { [0] = "Zero", [1] = "One", [2] = "Two" };

        var cut = context.Render<PersonaPanel>(parameters => parameters.Add(p => p.Result, result).Add(p => p.Names, names));

        Assert.Single(cut.FindAll("[data-testid=persona-panel]"));
        var start = PersonaScorer.Score(result, typical).Segment;
        Assert.Equal(start.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=persona-segment]").GetAttribute("data-segment"));
        Assert.Equal(names[start], cut.Find("[data-testid=persona-segment]").TextContent);
        var seen = new HashSet<int> { start };
        foreach (var value in new[] { income.Min, income.Max })
        {
            cut.Find("[data-testid=persona-input-AnnualIncome] input[type=range], input[type=range][aria-label=AnnualIncome]").Input(value.ToString(CultureInfo.InvariantCulture));
            var expected = PersonaScorer.Score(result, typical with { Numbers = typical.Numbers.SetItem("AnnualIncome", value) }).Segment;
            cut.WaitForAssertion(() => Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=persona-segment]").GetAttribute("data-segment")));
            seen.Add(expected);
        }

        Assert.True(seen.Count > 1, "Moving income from its minimum to its maximum should change the segment on this sample.");
    }

    [Fact]
    public async Task PersonaPanel_AnotherKOnTheSameData_KeepsThePersonaAndScoresItAgainstTheNewSegments()
    {
        // Arrange: the persona's income moved to its maximum on k = 3.
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var result = await PersonaScorerTests.SampleResultAsync();
        var income = PersonaScorer.Inputs(result).Single(i => i.Column == "AnnualIncome");
        var cut = context.Render<PersonaPanel>(parameters => parameters.Add(p => p.Result, result));
        cut.Find("input[type=range][aria-label=AnnualIncome]").Input(income.Max.ToString(CultureInfo.InvariantCulture));
        var shown = FigureValue(income.Max);
        cut.WaitForAssertion(() => Assert.Equal(shown, cut.Find("[data-testid=persona-value]").TextContent));

        // Act: the same data and features with k = 5.
        var service = new SegmentationService();
        var five = await service.SegmentAsync(result.Dataset, result.Request with { ClusterCount = 5 });
        cut.Render(parameters => parameters.Add(p => p.Result, five));

        // Assert: still the maximum income, scored against the five segments.
        Assert.Equal(shown, cut.Find("[data-testid=persona-value]").TextContent);
        var typical = PersonaScorer.Typical(PersonaScorer.Inputs(five));
        var expected = PersonaScorer.Score(five, typical with { Numbers = typical.Numbers.SetItem("AnnualIncome", income.Max) });
        Assert.Equal(expected.Segment.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=persona-segment]").GetAttribute("data-segment"));
        Assert.Equal(5, cut.FindAll("[data-testid=persona-distances] tbody tr").Count);

        // Act: other features start over from the typical customer.
        var other = await service.SegmentAsync(result.Dataset, result.Request with { Features = ["AnnualIncome", "Age"] });
        cut.Render(parameters => parameters.Add(p => p.Result, other));

        // Assert
        var median = PersonaScorer.Inputs(other).Single(i => i.Column == "AnnualIncome").Median;
        Assert.Equal(FigureValue(median), cut.Find("[data-testid=persona-value]").TextContent);
    }

    private static string FigureValue(double value) => SegmentDashboard.Components.Shared.ColumnView.Compact(value);
}
