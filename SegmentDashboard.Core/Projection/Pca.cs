using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Projection;

/// <summary>A PCA fit and the projected rows.</summary>
/// <param name="Components">ComponentCount rows x d columns, unit length, sign fixed as scikit-learn does (svd_flip).</param>
/// <param name="ExplainedVarianceRatio">Per component, share of the total variance.</param>
/// <param name="Scores">n rows x ComponentCount columns: the projected data.</param>
public sealed record PcaResult(FeatureMatrix Components, ImmutableArray<double> ExplainedVariance, ImmutableArray<double> ExplainedVarianceRatio, ImmutableArray<double> Mean, FeatureMatrix Scores)
{
    public int ComponentCount => Components.Rows;
}

/// <summary>Principal component analysis via the d x d covariance matrix (fast for tall data).</summary>
/// <remarks>
/// Same numbers as scikit-learn's PCA: ExplainedVariance uses the n - 1 denominator, the ratio
/// divides by the total variance, and each component's sign makes the score with the largest
/// absolute value positive (scikit-learn 1.2's u-based svd_flip; first such row on a tie).
/// Deterministic whatever the thread count.
/// </remarks>
public static class Pca
{
    public static PcaResult Fit(FeatureMatrix x, int components = 2, CancellationToken cancellationToken = default)
        => FitParallel(x, components, Environment.ProcessorCount, cancellationToken);

    internal static PcaResult FitParallel(FeatureMatrix x, int components, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = x.Columns;
        if (components < 1 || components > d)
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"{nameof(components)} must be between 1 and the number of features ({d}).");
        }

        if (x.Rows < 2)
        {
            throw new ArgumentException($"PCA needs at least 2 rows; the data has {x.Rows}.", nameof(x));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1, nameof(maxDegreeOfParallelism));
        cancellationToken.ThrowIfCancellationRequested();

        var means = PcaMoments.Means(x, maxDegreeOfParallelism, cancellationToken);
        var covariance = PcaMoments.Covariance(x, means, maxDegreeOfParallelism, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var (values, vectors) = Eigen(covariance, d, components);
        var scores = PcaMoments.Project(x, means, vectors, components, maxDegreeOfParallelism, cancellationToken);
        FlipSigns(vectors, scores, d, components, x.Rows);

        var total = 0.0;
        for (var j = 0; j < d; j++)
        {
            total += covariance[(j * d) + j];
        }

        var names = Enumerable.Range(1, components).Select(c => string.Create(CultureInfo.InvariantCulture, $"PC{c}"));
        return new PcaResult(
            FeatureMatrix.Wrap(vectors, components, d, x.ColumnNames),
            [.. values],
            [.. values.Select(v => v / total)],
            [.. means],
            FeatureMatrix.Wrap(scores, x.Rows, components, names));
    }

    /// <summary>The largest eigenvalues (descending, negatives from rounding clipped to 0) and their unit eigenvectors as rows.</summary>
    private static (double[] Values, double[] Vectors) Eigen(double[] covariance, int d, int components)
    {
        var matrix = Matrix<double>.Build.Dense(d, d, (i, j) => covariance[(i * d) + j]);
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).ToArray();
        var values = new double[components];
        var vectors = new double[components * d];
        for (var c = 0; c < components; c++)
        {
            values[c] = Math.Max(0.0, evd.EigenValues[order[c]].Real);
            var column = evd.EigenVectors.Column(order[c]);
            var norm = column.L2Norm();
            for (var j = 0; j < d; j++)
            {
                vectors[(c * d) + j] = column[j] / norm;
            }
        }

        return (values, vectors);
    }

    /// <summary>svd_flip (u-based): flip a component when its largest-magnitude score is negative.</summary>
    private static void FlipSigns(double[] vectors, double[] scores, int d, int components, int rows)
    {
        for (var c = 0; c < components; c++)
        {
            var largest = 0.0;
            var at = 0;
            for (var i = 0; i < rows; i++)
            {
                var magnitude = Math.Abs(scores[(i * components) + c]);
                if (magnitude > largest)
                {
                    largest = magnitude;
                    at = i;
                }
            }

            if (scores[(at * components) + c] >= 0)
            {
                continue;
            }

            for (var j = 0; j < d; j++)
            {
                vectors[(c * d) + j] = -vectors[(c * d) + j];
            }

            for (var i = 0; i < rows; i++)
            {
                scores[(i * components) + c] = -scores[(i * components) + c];
            }
        }
    }
}
