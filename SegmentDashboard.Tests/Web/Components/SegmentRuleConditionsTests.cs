using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SegmentDashboard.Core.Explain;

namespace SegmentDashboard.Tests.Web.Components;

/// <summary>The segment-rule element carries its conditions as JSON (column, operator, value) for scripts and browser tests.</summary>
public sealed class SegmentRuleConditionsTests
{
    [Fact]
    public async Task SegmentRule_DataConditions_AreTheApiTriples()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var rule = new SegmentRule(0, [RuleCondition.Compare("Income", RuleOperator.GreaterOrEqual, 81000), RuleCondition.Category("City", RuleOperator.Equal, ["<b>Pune</b>"])], 40, 30, 50);

        var cut = context.Render<SegmentDashboard.Components.Shared.SegmentRule>(parameters => parameters.Add(p => p.Rule, rule));

        var json = JsonDocument.Parse(cut.Find("[data-testid=segment-rule]").GetAttribute("data-conditions")!).RootElement;
        Assert.Equal(2, json.GetArrayLength());
        Assert.Equal("Income", json[0].GetProperty("column").GetString());
        Assert.Equal(">=", json[0].GetProperty("operator").GetString());
        Assert.Equal(81000, json[0].GetProperty("value").GetDouble());
        Assert.Equal("<b>Pune</b>", json[1].GetProperty("value").GetString());
    }
}
