using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Explain;

namespace SegmentDashboard.Tests.Core.Explain;

public sealed class SegmentExplainerTests
{
    [Theory]
    [InlineData(80987.5, 81012.0, 81000.0)]
    [InlineData(35.2, 35.9, 35.5)]
    [InlineData(0.1234, 0.1236, 0.1235)]
    [InlineData(999.0, 1001.0, 1000.0)]
    [InlineData(-12.0, -3.0, -10.0)]
    public void Between_PicksTheRoundestNumberInTheGap(double below, double above, double expected)
    {
        Assert.Equal(expected, ThresholdRounding.Between(below, above));
    }

    [Fact]
    public void Explain_PlantedRules_AreFoundRoundedAndRecountExactly()
    {
        // Arrange: segment 1 = income >= 81,000 and age < 36; segment 2 = Books buyers; 0 = the rest.
        // A greedy depth-3 tree fits it exactly, though segment 1 may spread over more than one leaf.
        var dataset = Planted(out var labels);

        // Act
        var explanation = SegmentExplainer.Explain(dataset, ["Age", "Income", "Category"], labels);

        // Assert
        Assert.Equal(1.0, explanation.Fidelity);
        var rule1 = explanation.RuleOf(1)!;
        Assert.Contains(rule1.Conditions, c => c.Column == "Income" && c.Operator == RuleOperator.GreaterOrEqual && c.Number % 1000 == 0);
        Assert.Contains(rule1.Conditions, c => c.Column == "Age" && c.Operator == RuleOperator.Less);
        Assert.Equal(1.0, rule1.Precision);
        Assert.True(rule1.Coverage > 0.5, $"coverage {rule1.Coverage}");
        Assert.False(explanation.IsPoor && explanation.Rules.All(rule => rule.Precision >= 0.7));
        var rule2 = explanation.RuleOf(2)!;
        Assert.Contains(rule2.Conditions, c => c.Column == "Category" && c.Operator == RuleOperator.Equal && c.Levels.SequenceEqual(["Books"]));
        foreach (var rule in explanation.Rules)
        {
            var (precision, coverage) = NaiveRecount(dataset, rule, labels);
            Assert.Equal(precision, rule.Precision);
            Assert.Equal(coverage, rule.Coverage);
        }
    }

    [Fact]
    public void Explain_NoisyLabels_RecountedFiguresStillMatchANaiveRecount()
    {
        // Arrange: labels that the features explain only partly.
        var dataset = Planted(out var labels);
        var random = new Random(3);
        var noisy = labels.Select(label => random.NextDouble() < 0.25 ? random.Next(0, 3) : label).ToArray();

        // Act
        var explanation = SegmentExplainer.Explain(dataset, ["Age", "Income", "Category"], noisy);

        // Assert
        Assert.True(explanation.Fidelity < 1.0);
        Assert.Equal(3, explanation.Rules.Length);
        foreach (var rule in explanation.Rules)
        {
            var (precision, coverage) = NaiveRecount(dataset, rule, noisy);
            Assert.Equal(precision, rule.Precision);
            Assert.Equal(coverage, rule.Coverage);
            Assert.False(string.IsNullOrWhiteSpace(rule.Text));
        }
    }

    [Fact]
    public void RuleText_ReadsAsPlainWords()
    {
        var rule = new SegmentRule(
            1,
            [RuleCondition.Compare("Annual income", RuleOperator.GreaterOrEqual, 81000), RuleCondition.Compare("Age", RuleOperator.Less, 36), RuleCondition.Category("City", RuleOperator.NotIn, ["Pune", "Delhi"])],
            10,
            8,
            16);

        Assert.Equal("Annual income ≥ 81,000 and Age < 36 and City is not Pune or Delhi", rule.Text);
        Assert.Equal(0.8, rule.Precision);
        Assert.Equal(0.5, rule.Coverage);
    }

    internal static Dataset Planted(out int[] labels)
    {
        var random = new Random(11);
        const int n = 400;
        var age = new double[n];
        var income = new double[n];
        var codes = new int[n];
        labels = new int[n];
        string[] levels = ["Books", "Electronics", "Fashion"];
        for (var i = 0; i < n; i++)
        {
            age[i] = 18 + random.Next(0, 50);
            income[i] = Math.Round(20_000 + (random.NextDouble() * 120_000), 1);
            codes[i] = random.Next(0, 3);
            labels[i] = income[i] >= 81_000 && age[i] < 36 ? 1 : codes[i] == 0 ? 2 : 0;
        }

        return new Dataset(
            "planted",
            [new NumericColumn("Age", [.. age]), new NumericColumn("Income", [.. income]), new CategoricalColumn("Category", [.. codes], [.. levels])],
            n,
            null,
            ImmutableArray<IngestWarning>.Empty);
    }

    /// <summary>An independent recount from the values as text, the way a spreadsheet user would.</summary>
    private static (double Precision, double Coverage) NaiveRecount(Dataset dataset, SegmentRule rule, int[] labels)
    {
        int matched = 0, hits = 0, size = 0;
        for (var row = 0; row < dataset.RowCount; row++)
        {
            size += labels[row] == rule.Segment ? 1 : 0;
            var all = rule.Conditions.All(condition =>
            {
                var text = dataset[condition.Column].Format(row);
                return condition.Operator switch
                {
                    RuleOperator.Less => double.Parse(text, CultureInfo.InvariantCulture) < condition.Number,
                    RuleOperator.LessOrEqual => double.Parse(text, CultureInfo.InvariantCulture) <= condition.Number,
                    RuleOperator.Greater => double.Parse(text, CultureInfo.InvariantCulture) > condition.Number,
                    RuleOperator.GreaterOrEqual => double.Parse(text, CultureInfo.InvariantCulture) >= condition.Number,
                    RuleOperator.Equal or RuleOperator.In => condition.Levels.Contains(text),
                    _ => !condition.Levels.Contains(text),
                };
            });
            if (all && labels[row] >= 0)
            {
                matched++;
                hits += labels[row] == rule.Segment ? 1 : 0;
            }
        }

        return ((double)hits / matched, (double)hits / size);
    }
}
