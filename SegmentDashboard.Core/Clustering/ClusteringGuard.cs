using System.Globalization;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>Argument checks shared by the clustering algorithms (messages name the option).</summary>
internal static class ClusteringGuard
{
    public static void RequireRows(FeatureMatrix x, int minimumRows = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows < minimumRows)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The data has {x.Rows} rows; at least {minimumRows} needed."), nameof(x));
        }

        if (x.Columns < 1)
        {
            throw new ArgumentException("The data has no feature columns.", nameof(x));
        }
    }

    public static void RequireClusterCount(int clusterCount, int rows, string name)
    {
        if (clusterCount < 1)
        {
            throw new ArgumentOutOfRangeException(name, clusterCount, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least 1 (got {clusterCount})."));
        }

        if (clusterCount > rows)
        {
            throw new ArgumentOutOfRangeException(name, clusterCount, string.Create(CultureInfo.InvariantCulture, $"{name}: k = {clusterCount} is more than the {rows} rows."));
        }
    }

    public static void RequireAtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {minimum} (got {value})."));
        }
    }

    public static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number ≥ 0 (got {value})."));
        }
    }

    public static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number > 0 (got {value})."));
        }
    }
}
