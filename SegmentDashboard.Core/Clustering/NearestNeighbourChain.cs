namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// The nearest-neighbour chain of agglomerative clustering (SciPy's <c>nn_chain</c>), written
/// once for every linkage: grow a chain of nearest neighbours from an active cluster until two
/// clusters are each other's nearest, and hand that reciprocal pair back to be merged. The caller
/// owns the distances and the merge; it calls <see cref="NextPair"/> once per merge.
/// </summary>
/// <param name="capacity">The number of clusters at the start (the chain never grows longer).</param>
internal sealed class NearestNeighbourChain(int capacity)
{
    private readonly int[] _chain = new int[capacity];
    private int _length;

    /// <summary>
    /// The nearest active cluster to <c>x</c> and its distance. <c>previous</c> is the cluster before
    /// <c>x</c> in the chain (-1 when none); on a tie it must win, as in SciPy, so the chain ends.
    /// </summary>
    public delegate (int Cluster, double Distance) NearestFinder(int x, int previous);

    /// <summary>The next pair of reciprocal nearest neighbours and their distance; both leave the chain.</summary>
    /// <param name="firstActive">Any active cluster, to start a chain when it is empty.</param>
    /// <param name="nearest">The nearest active cluster to one cluster (see <see cref="NearestFinder"/>).</param>
    public (int X, int Y, double Distance) NextPair(Func<int> firstActive, NearestFinder nearest)
    {
        if (_length == 0)
        {
            _chain[_length++] = firstActive();
        }

        while (true)
        {
            var x = _chain[_length - 1];
            var previous = _length > 1 ? _chain[_length - 2] : -1;
            var (y, distance) = nearest(x, previous);
            if (y < 0)
            {
                throw new InvalidOperationException("No finite distance to another cluster: the input should have been refused by the matrix guard.");
            }

            if (y == previous)
            {
                _length -= 2;
                return (x, y, distance);
            }

            _chain[_length++] = y;
        }
    }
}
