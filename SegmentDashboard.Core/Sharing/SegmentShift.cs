using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Core.Sharing;

/// <summary>One segment's share in the saved data and in the new data.</summary>
/// <param name="OldShare">Fraction of the saved rows with a segment (noise and dropped rows excluded).</param>
/// <param name="NewShare">Fraction of the new rows that could be assigned.</param>
public sealed record SegmentShareChange(int SegmentId, int OldCount, double OldShare, int NewCount, double NewShare)
{
    /// <summary>New share minus old share (fractions; 0.05 is five percentage points).</summary>
    public double Change => NewShare - OldShare;
}

/// <summary>
/// What happens when a saved segmentation is applied to new customers: every new row goes to the
/// segment with the nearest centroid in the saved run's scaled space
/// (<see cref="SegmentationService.AssignToSegments"/>), whatever the algorithm. For hierarchical
/// runs the centroid is the segment's mean, and for DBSCAN too (new rows are never noise), so the
/// assignment is "nearest segment centre", a faithful approximation for compact segments.
/// </summary>
/// <param name="Assignments">One segment id per new row; -1 for a row dropped for missing values.</param>
/// <param name="Unassigned">New rows that got no segment.</param>
public sealed record SegmentShift(ImmutableArray<int> Assignments, ImmutableArray<SegmentShareChange> Segments, int Unassigned)
{
    /// <summary>The saved run's source columns that <paramref name="newData"/> lacks (matched by exact name), in feature order.</summary>
    public static ImmutableArray<string> MissingColumns(SegmentationResult saved, Dataset newData)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(newData);
        return saved.Prepared.Features
            .Select(f => f.SourceColumn)
            .Distinct(StringComparer.Ordinal)
            .Where(name => newData.Find(name) is null)
            .ToImmutableArray();
    }

    /// <summary>
    /// Assigns every row of <paramref name="newData"/> and compares segment shares with
    /// <paramref name="savedRowLabels"/> (the labels as saved). Throws <see cref="ArgumentException"/>
    /// naming every missing column when the new data lacks some of the saved features.
    /// </summary>
    public static SegmentShift Compute(SegmentationResult saved, IReadOnlyList<int> savedRowLabels, Dataset newData)
    {
        ArgumentNullException.ThrowIfNull(savedRowLabels);
        var missing = MissingColumns(saved, newData);
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                (missing.Length == 1 ? "The new file has no column " : "The new file has no columns ")
                + string.Join(", ", missing.Select(name => "'" + name + "'"))
                + ". It needs the same columns as the saved analysis (names are matched exactly).",
                nameof(newData));
        }

        var assignments = SegmentationService.AssignToSegments(saved, newData);
        var k = saved.ClusterCount;
        var oldCounts = Count(savedRowLabels, k, out var oldTotal);
        var newCounts = Count(assignments, k, out var newTotal);
        var segments = Enumerable.Range(0, k)
            .Select(id => new SegmentShareChange(id, oldCounts[id], Share(oldCounts[id], oldTotal), newCounts[id], Share(newCounts[id], newTotal)))
            .ToImmutableArray();
        return new SegmentShift(assignments, segments, assignments.Length - newTotal);
    }

    private static int[] Count(IReadOnlyList<int> labels, int k, out int total)
    {
        var counts = new int[k];
        total = 0;
        foreach (var label in labels)
        {
            if (label >= 0 && label < k)
            {
                counts[label]++;
                total++;
            }
        }

        return counts;
    }

    private static double Share(int count, int total) => total == 0 ? double.NaN : (double)count / total;
}
