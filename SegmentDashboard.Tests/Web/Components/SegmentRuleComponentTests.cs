using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Explain;
using SegmentDashboard.Tests.Core.Explain;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>The rule on each card and the fidelity line (issue 11), rendered with MudBlazor.</summary>
public sealed class SegmentRuleComponentTests
{
    [Fact]
    public async Task SegmentRule_ShowsTextPrecisionAndCoverage()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var rule = new SegmentDashboard.Core.Explain.SegmentRule(1, [RuleCondition.Compare("Income", RuleOperator.GreaterOrEqual, 81000), RuleCondition.Category("City", RuleOperator.Equal, ["<b>Pune</b>"])], 40, 30, 50);

        var cut = context.Render<SegmentDashboard.Components.Shared.SegmentRule>(parameters => parameters.Add(p => p.Rule, rule));

        var box = cut.Find("[data-testid=segment-rule]");
        Assert.Equal("Income ≥ 81,000 and City is <b>Pune</b>", cut.Find("[data-testid=segment-rule-text]").TextContent);
        Assert.Empty(cut.FindAll("b"));
        Assert.Equal("75.0%", cut.Find("[data-testid=segment-rule-precision]").TextContent);
        Assert.Equal("60.0%", cut.Find("[data-testid=segment-rule-coverage]").TextContent);
        Assert.Equal("0.75", box.GetAttribute("data-precision"));
        Assert.DoesNotContain("poorly", box.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleFidelity_PoorRules_SayItPlainly()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var dataset = SegmentExplainerTests.Planted(out var labels);
        var random = new Random(1);
        var noisy = labels.Select(_ => random.Next(0, 3)).ToArray();
        var explanation = SegmentExplainer.Explain(dataset, ["Age", "Income", "Category"], noisy);

        var cut = context.Render<RuleFidelity>(parameters => parameters.Add(p => p.Explanation, explanation));

        var line = cut.Find("[data-testid=rule-fidelity]");
        Assert.True(explanation.IsPoor);
        Assert.Contains("explain some segments poorly", line.TextContent, StringComparison.Ordinal);
    }
}
