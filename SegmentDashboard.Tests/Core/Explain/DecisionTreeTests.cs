using System.Text.Json;
using SegmentDashboard.Core.Explain;

namespace SegmentDashboard.Tests.Core.Explain;

public sealed class DecisionTreeTests
{
    public static TheoryData<string> Fixtures() => ["three-classes", "four-classes", "two-classes-small-leaf"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fit_NumericFixture_MatchesScikitLearnTreeNodeForNode(string name)
    {
        // Arrange
        var fixture = ExplainReference.Load("explain_tree.json").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var x = fixture.GetProperty("x").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var y = ExplainReference.Ints(fixture.GetProperty("y"));
        var features = Enumerable.Range(0, x[0].Length)
            .Select(f => TreeFeature.Numeric($"x{f}", x.Select(row => row[f])))
            .ToList();
        var expected = fixture.GetProperty("nodes").EnumerateArray().ToArray();

        // Act
        var tree = DecisionTree.Fit(features, y, new DecisionTreeOptions(fixture.GetProperty("minSamplesLeaf").GetInt32()));

        // Assert
        Assert.Equal(expected.Length, tree.Nodes.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var node = tree.Nodes[i];
            Assert.Equal(expected[i].GetProperty("feature").GetInt32(), node.Feature);
            Assert.Equal(expected[i].GetProperty("left").GetInt32(), node.Left);
            Assert.Equal(expected[i].GetProperty("right").GetInt32(), node.Right);
            Assert.Equal(ExplainReference.Ints(expected[i].GetProperty("counts")), node.ClassCounts.ToArray());
            if (expected[i].GetProperty("threshold").ValueKind != JsonValueKind.Null)
            {
                Assert.Equal(expected[i].GetProperty("threshold").GetDouble(), node.Threshold);
            }
        }
    }

    [Fact]
    public void Fit_CategoricalFeature_SplitsOneLevelAgainstTheRest()
    {
        // Arrange: the segment is exactly "colour = blue"; the number is noise.
        var colour = new TreeFeature("Colour", [0, 1, 2, 1, 0, 2, 1, 1, 0, 2], ["red", "blue", "green"]);
        var noise = TreeFeature.Numeric("Noise", [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]);
        int[] labels = [0, 1, 0, 1, 0, 0, 1, 1, 0, 0];

        // Act
        var tree = DecisionTree.Fit([noise, colour], labels, new DecisionTreeOptions(1));

        // Assert
        Assert.Equal(1, tree.Nodes[0].Feature);
        Assert.Equal(1, tree.Nodes[0].Level);
        Assert.Equal([6, 0], tree.Nodes[tree.Nodes[0].Left].ClassCounts.ToArray());
        Assert.Equal([0, 4], tree.Nodes[tree.Nodes[0].Right].ClassCounts.ToArray());
    }

    [Fact]
    public void Fit_NoiseRowsAreLeftOut()
    {
        var x = TreeFeature.Numeric("x", [1, 2, 3, 4, 5, 6]);

        var tree = DecisionTree.Fit([x], [0, 0, -1, -1, 1, 1], new DecisionTreeOptions(1));

        Assert.Equal([2, 2], tree.Nodes[0].ClassCounts.ToArray());
        Assert.Equal(3.5, tree.Nodes[0].Threshold);
    }
}
