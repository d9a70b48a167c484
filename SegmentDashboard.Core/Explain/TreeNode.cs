using System.Collections.Immutable;

namespace SegmentDashboard.Core.Explain;

/// <summary>
/// One node of a <see cref="DecisionTree"/>, in depth-first pre-order (scikit-learn's node order).
/// A numeric split sends <c>value &lt;= Threshold</c> left (a missing value goes right); a
/// categorical split sends every level but <see cref="Level"/> left and <see cref="Level"/> right
/// (scikit-learn's split of a one-hot column at 0.5).
/// </summary>
/// <param name="Feature">Index of the split feature; -1 for a leaf.</param>
/// <param name="Threshold">Numeric split point (midpoint between neighbouring values); NaN otherwise.</param>
/// <param name="Level">Level code of a categorical split; -1 otherwise.</param>
/// <param name="Left">Index of the left child; -1 for a leaf.</param>
/// <param name="Right">Index of the right child; -1 for a leaf.</param>
/// <param name="ClassCounts">Training rows of each class (in <see cref="DecisionTree.Classes"/> order) reaching the node.</param>
/// <param name="Depth">0 at the root.</param>
public sealed record TreeNode(
    int Feature,
    double Threshold,
    int Level,
    int Left,
    int Right,
    ImmutableArray<int> ClassCounts,
    int Depth)
{
    public bool IsLeaf => Feature < 0;

    public int Samples => ClassCounts.Sum();

    /// <summary>The class index with the most rows (the lowest index on a tie, like scikit-learn's argmax).</summary>
    public int Majority
    {
        get
        {
            var best = 0;
            for (var c = 1; c < ClassCounts.Length; c++)
            {
                if (ClassCounts[c] > ClassCounts[best])
                {
                    best = c;
                }
            }

            return best;
        }
    }
}
