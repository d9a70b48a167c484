using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Projection;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Projection;

public sealed class PcaTests
{
    [Fact]
    public void Fit_FixtureTwoComponents_MatchesScikitLearn()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var expectedRatio = fixture.DoubleArray("pca2", "explained_variance_ratio");

        // Act
        var result = Pca.Fit(fixture.Scaled, 2);

        // Assert: the fixture stores |components| ("component signs are arbitrary; compare absolute values").
        Assert.Equal(2, result.ComponentCount);
        for (var c = 0; c < 2; c++)
        {
            Tolerance.AssertClose(expectedRatio[c], result.ExplainedVarianceRatio[c], 1e-9, $"ratio {c}");
            var expectedAbs = fixture.Get("pca2", "components_abs")[c].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (var j = 0; j < 4; j++)
            {
                Tolerance.AssertClose(expectedAbs[j], Math.Abs(result.Components[c, j]), 1e-9, $"|component {c}, feature {j}|");
            }
        }
    }

    [Fact]
    public void Fit_FixtureTwoComponents_SignsVarianceAndScoresAsScikitLearn()
    {
        // Arrange: values from /usr/bin/python3, scikit-learn 1.2.1 PCA(n_components=2).fit(X) on
        // the z-scored fixture (explained_variance_, components_ with svd_flip signs, transform(X)[0]).
        var fixture = ReferenceFixture.Load();
        double[] variance = [2.57295528665433, 1.089391099441816];
        double[][] components =
        [
            [-0.5197202615491359, -0.5952115066071751, 0.17263681835616215, 0.5880566648594127],
            [0.39690116269292947, -0.1313015004190021, 0.9071295871641771, -0.0484282472537275],
        ];
        double[] firstScores = [-1.2669835432471965, 1.3772819066266502];

        // Act
        var result = Pca.Fit(fixture.Scaled, 2);

        // Assert
        for (var c = 0; c < 2; c++)
        {
            Tolerance.AssertClose(variance[c], result.ExplainedVariance[c], 1e-9, $"variance {c}");
            Tolerance.AssertClose(firstScores[c], result.Scores[0, c], 1e-9, $"score of row 0 on PC{c + 1}");
            for (var j = 0; j < 4; j++)
            {
                Tolerance.AssertClose(components[c][j], result.Components[c, j], 1e-9, $"component {c}, feature {j}");
            }
        }

        Assert.Equal(["PC1", "PC2"], result.Scores.ColumnNames.ToArray());
        Assert.Equal(fixture.Scaled.ColumnNames.ToArray(), result.Components.ColumnNames.ToArray());
    }

    [Fact]
    public void Fit_RandomData_ScoresAreCentredProjectionsWithLargestScorePositive()
    {
        // Arrange
        var x = RandomMatrix(500, 5, seed: 4, offset: 100.0);

        // Act
        var result = Pca.Fit(x, 3);

        // Assert
        for (var c = 0; c < 3; c++)
        {
            var column = Enumerable.Range(0, x.Rows).Select(i => result.Scores[i, c]).ToArray();
            var largest = column.MaxBy(Math.Abs);
            Assert.True(largest > 0, $"PC{c + 1}: the largest-magnitude score must be positive.");
            var variance = column.Sum(v => v * v) / (x.Rows - 1);
            Tolerance.AssertClose(result.ExplainedVariance[c], variance, 1e-9, $"variance of scores {c}");
            var norm = Math.Sqrt(Enumerable.Range(0, 5).Sum(j => result.Components[c, j] * result.Components[c, j]));
            Tolerance.AssertClose(1.0, norm, 1e-12, "unit component");
        }

        var expected = Enumerable.Range(0, 5).Sum(j => (x[7, j] - result.Mean[j]) * result.Components[1, j]);
        Tolerance.AssertClose(expected, result.Scores[7, 1], 1e-12, "score of row 7");
        Assert.True(result.ExplainedVariance[0] >= result.ExplainedVariance[1] && result.ExplainedVariance[1] >= result.ExplainedVariance[2]);
    }

    [Fact]
    public void Fit_AllComponents_RatiosSumToOne()
    {
        // Arrange
        var x = RandomMatrix(300, 6, seed: 8, offset: 0.0);

        // Act
        var result = Pca.Fit(x, 6);

        // Assert
        Tolerance.AssertClose(1.0, result.ExplainedVarianceRatio.Sum(), 1e-12);
    }

    [Fact]
    public void Covariance_DifferentThreadCounts_BitIdentical()
    {
        // Arrange: 50,000 rows gives several chunks; 5 columns is not a multiple of the vector width.
        var x = RandomMatrix(50_000, 5, seed: 2, offset: 3.0);

        // Act
        var means = PcaMoments.Means(x, 1, CancellationToken.None);
        var meansParallel = PcaMoments.Means(x, 4, CancellationToken.None);
        var one = PcaMoments.Covariance(x, means, 1, CancellationToken.None);
        var four = PcaMoments.Covariance(x, means, 4, CancellationToken.None);
        var fitOne = Pca.FitParallel(x, 2, 1, CancellationToken.None);
        var fitThree = Pca.FitParallel(x, 2, 3, CancellationToken.None);

        // Assert
        Assert.Equal(means, meansParallel);
        Assert.Equal(one, four);
        Assert.Equal(fitOne.Scores.Data.ToArray(), fitThree.Scores.Data.ToArray());
        Assert.Equal(fitOne.Components.Data.ToArray(), fitThree.Components.Data.ToArray());
    }

    [Fact]
    public void Covariance_MatchesNaiveTwoPass()
    {
        // Arrange
        var x = RandomMatrix(1_000, 7, seed: 6, offset: 1e4);

        // Act
        var means = PcaMoments.Means(x, 2, CancellationToken.None);
        var covariance = PcaMoments.Covariance(x, means, 2, CancellationToken.None);

        // Assert
        for (var a = 0; a < 7; a++)
        {
            var meanA = Enumerable.Range(0, x.Rows).Average(i => x[i, a]);
            for (var b = 0; b < 7; b++)
            {
                var meanB = Enumerable.Range(0, x.Rows).Average(i => x[i, b]);
                var expected = Enumerable.Range(0, x.Rows).Sum(i => (x[i, a] - meanA) * (x[i, b] - meanB)) / (x.Rows - 1);
                Tolerance.AssertClose(expected, covariance[(a * 7) + b], 1e-10, $"cov[{a},{b}]");
            }
        }
    }

    [Fact]
    public void Fit_InvalidArguments_ThrowWithParameterNames()
    {
        // Arrange
        var x = RandomMatrix(10, 3, seed: 1, offset: 0.0);

        // Act
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x, 0));
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x, 4));
        var oneRow = Assert.Throws<ArgumentException>(() => Pca.Fit(FeatureMatrix.FromRows([[1.0, 2.0]]), 1));

        // Assert
        Assert.Equal("components", zero.ParamName);
        Assert.Contains("between 1 and the number of features (3)", tooMany.Message, StringComparison.Ordinal);
        Assert.Equal("x", oneRow.ParamName);
    }

    [Fact]
    public void Fit_CancelledToken_Throws()
    {
        // Arrange
        var x = RandomMatrix(100, 3, seed: 1, offset: 0.0);
        using var source = new CancellationTokenSource();
        source.Cancel();

        // Act & Assert
        Assert.ThrowsAny<OperationCanceledException>(() => Pca.Fit(x, 2, source.Token));
    }

    [Fact]
    public void Fit_Input_NotMutated()
    {
        // Arrange
        var x = RandomMatrix(200, 4, seed: 3, offset: 5.0);
        var before = x.Data.ToArray();

        // Act
        _ = Pca.Fit(x, 2);

        // Assert
        Assert.Equal(before, x.Data.ToArray());
    }

    /// <summary>Correlated columns: column j mixes a few shared factors, plus an offset.</summary>
    private static FeatureMatrix RandomMatrix(int rows, int columns, int seed, double offset)
    {
        var random = new Random(seed);
        var data = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            var f1 = random.NextDouble() - 0.5;
            var f2 = random.NextDouble() - 0.5;
            for (var j = 0; j < columns; j++)
            {
                data[(i * columns) + j] = offset + ((j + 1) * f1) + ((columns - j) * 0.5 * f2) + (0.3 * (random.NextDouble() - 0.5));
            }
        }

        return FeatureMatrix.Create(rows, columns, data);
    }
}
