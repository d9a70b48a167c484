using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Core.Clustering;

/// <summary>
/// A static KD-tree for Euclidean range and k-nearest-neighbour queries (O(n·d) memory: the
/// points copied in tree order plus one bounding box per node). Splits on the widest dimension
/// at the median. Above <see cref="MaxTreeDimensions"/> features the tree degenerates on
/// purpose into one leaf, i.e. a brute-force scan with the SIMD distance kernel, which is
/// faster than a KD-tree in high dimension. Queries are read-only, so they may run in parallel.
/// </summary>
internal sealed class KdTree
{
    internal const int MaxTreeDimensions = 16;
    private const int LeafSize = 24;

    private readonly int _d;
    private readonly double[] _points;
    private readonly int[] _rowOf;
    private readonly List<Node> _nodes = [];
    private readonly double[] _boxes;

    public KdTree(FeatureMatrix x)
    {
        _d = x.Columns;
        var n = x.Rows;
        _rowOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            _rowOf[i] = i;
        }

        var boxes = new List<double>();
        var source = x.Data;
        Build(source, 0, n, boxes, x.Columns > MaxTreeDimensions);
        _boxes = [.. boxes];
        _points = new double[n * _d];
        for (var i = 0; i < n; i++)
        {
            source.Slice(_rowOf[i] * _d, _d).CopyTo(_points.AsSpan(i * _d, _d));
        }
    }

    /// <summary>Number of points within √<paramref name="radiusSquared"/> of <paramref name="query"/> (distance ≤ radius), itself included if it is a point.</summary>
    public int CountWithin(ReadOnlySpan<double> query, double radiusSquared)
    {
        var count = 0;
        Span<int> stack = stackalloc int[128];
        var top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            var node = _nodes[stack[--top]];
            var box = NodeBox(stack[top]);
            if (MinDistanceSquared(query, box) > radiusSquared)
            {
                continue;
            }

            if (MaxDistanceSquared(query, box) <= radiusSquared)
            {
                count += node.End - node.Start;
                continue;
            }

            if (node.Left < 0)
            {
                for (var i = node.Start; i < node.End; i++)
                {
                    if (Distances.SquaredEuclidean(query, _points.AsSpan(i * _d, _d)) <= radiusSquared)
                    {
                        count++;
                    }
                }

                continue;
            }

            stack[top++] = node.Left;
            stack[top++] = node.Right;
        }

        return count;
    }

    /// <summary>Adds to <paramref name="result"/> the rows within the radius (distance ≤ radius), in no particular order.</summary>
    public void RowsWithin(ReadOnlySpan<double> query, double radiusSquared, List<int> result)
    {
        Span<int> stack = stackalloc int[128];
        var top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            var id = stack[--top];
            var node = _nodes[id];
            if (MinDistanceSquared(query, NodeBox(id)) > radiusSquared)
            {
                continue;
            }

            if (node.Left < 0)
            {
                for (var i = node.Start; i < node.End; i++)
                {
                    if (Distances.SquaredEuclidean(query, _points.AsSpan(i * _d, _d)) <= radiusSquared)
                    {
                        result.Add(_rowOf[i]);
                    }
                }

                continue;
            }

            stack[top++] = node.Left;
            stack[top++] = node.Right;
        }
    }

    /// <summary>Fresh claim state for <see cref="ClaimWithin"/>: nothing claimed yet.</summary>
    public ClaimSet NewClaimSet()
    {
        var open = new int[_nodes.Count];
        for (var id = 0; id < open.Length; id++)
        {
            open[id] = _nodes[id].End - _nodes[id].Start;
        }

        return new ClaimSet(new bool[_rowOf.Length], open);
    }

    /// <summary>
    /// Claims every not yet claimed point within the radius and adds its row to
    /// <paramref name="result"/>. Subtrees whose points are all claimed are skipped, so once a
    /// wide eps has claimed the data, further queries cost O(1): DBSCAN's growth is O(n) in
    /// work and memory whatever eps. Not thread-safe (one claim set per fit).
    /// </summary>
    public void ClaimWithin(ReadOnlySpan<double> query, double radiusSquared, ClaimSet claims, List<int> result)
    {
        ArgumentNullException.ThrowIfNull(claims);
        Claim(0, query, radiusSquared, claims, result);
    }

    private int Claim(int id, ReadOnlySpan<double> query, double radiusSquared, ClaimSet claims, List<int> result)
    {
        if (claims.Open[id] == 0 || MinDistanceSquared(query, NodeBox(id)) > radiusSquared)
        {
            return 0;
        }

        var node = _nodes[id];
        var taken = 0;
        if (node.Left < 0)
        {
            for (var i = node.Start; i < node.End; i++)
            {
                if (!claims.Claimed[i] && Distances.SquaredEuclidean(query, _points.AsSpan(i * _d, _d)) <= radiusSquared)
                {
                    claims.Claimed[i] = true;
                    result.Add(_rowOf[i]);
                    taken++;
                }
            }
        }
        else
        {
            taken = Claim(node.Left, query, radiusSquared, claims, result) + Claim(node.Right, query, radiusSquared, claims, result);
        }

        claims.Open[id] -= taken;
        return taken;
    }

    /// <summary>Squared distance from row <paramref name="row"/> to its k-th nearest other row.</summary>
    public double KthNeighbourDistanceSquared(int row, ReadOnlySpan<double> query, int k)
    {
        // Max-heap of the k best squared distances seen so far.
        Span<double> heap = k <= 256 ? stackalloc double[k] : new double[k];
        var size = 0;
        Span<int> stack = stackalloc int[128];
        var top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            var id = stack[--top];
            var node = _nodes[id];
            var bound = size == k ? heap[0] : double.PositiveInfinity;
            if (MinDistanceSquared(query, NodeBox(id)) > bound)
            {
                continue;
            }

            if (node.Left < 0)
            {
                for (var i = node.Start; i < node.End; i++)
                {
                    if (_rowOf[i] == row)
                    {
                        continue;
                    }

                    var distance = Distances.SquaredEuclidean(query, _points.AsSpan(i * _d, _d));
                    if (size < k)
                    {
                        heap[size++] = distance;
                        SiftUp(heap, size - 1);
                    }
                    else if (distance < heap[0])
                    {
                        heap[0] = distance;
                        SiftDown(heap, size);
                    }
                }

                continue;
            }

            // Visit the nearer child first (pushed last) so the bound tightens early.
            var leftNear = MinDistanceSquared(query, NodeBox(node.Left)) <= MinDistanceSquared(query, NodeBox(node.Right));
            stack[top++] = leftNear ? node.Right : node.Left;
            stack[top++] = leftNear ? node.Left : node.Right;
        }

        return heap[0];
    }

    private int Build(ReadOnlySpan<double> source, int start, int end, List<double> boxes, bool singleLeaf)
    {
        var id = _nodes.Count;
        _nodes.Add(default);
        var d = _d;
        var lower = new double[d];
        var upper = new double[d];
        Array.Fill(lower, double.PositiveInfinity);
        Array.Fill(upper, double.NegativeInfinity);
        for (var i = start; i < end; i++)
        {
            var row = source.Slice(_rowOf[i] * d, d);
            for (var j = 0; j < d; j++)
            {
                lower[j] = Math.Min(lower[j], row[j]);
                upper[j] = Math.Max(upper[j], row[j]);
            }
        }

        boxes.AddRange(lower);
        boxes.AddRange(upper);
        var widest = 0;
        for (var j = 1; j < d; j++)
        {
            if (upper[j] - lower[j] > upper[widest] - lower[widest])
            {
                widest = j;
            }
        }

        if (singleLeaf || end - start <= LeafSize || upper[widest] <= lower[widest])
        {
            _nodes[id] = new Node(start, end, -1, -1);
            return id;
        }

        var middle = (start + end) / 2;
        Select(source, start, end - 1, middle, widest);
        var left = Build(source, start, middle, boxes, false);
        var right = Build(source, middle, end, boxes, false);
        _nodes[id] = new Node(start, end, left, right);
        return id;
    }

    /// <summary>Quickselect on <see cref="_rowOf"/>[lo..hi] by coordinate <paramref name="j"/> so position <paramref name="k"/> holds the median.</summary>
    private void Select(ReadOnlySpan<double> source, int lo, int hi, int k, int j)
    {
        var d = _d;
        while (hi > lo)
        {
            var pivot = source[(_rowOf[(lo + hi) / 2] * d) + j];
            var i = lo;
            var m = hi;
            while (i <= m)
            {
                while (source[(_rowOf[i] * d) + j] < pivot)
                {
                    i++;
                }

                while (source[(_rowOf[m] * d) + j] > pivot)
                {
                    m--;
                }

                if (i <= m)
                {
                    (_rowOf[i], _rowOf[m]) = (_rowOf[m], _rowOf[i]);
                    i++;
                    m--;
                }
            }

            if (k <= m)
            {
                hi = m;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private ReadOnlySpan<double> NodeBox(int id) => _boxes.AsSpan(id * 2 * _d, 2 * _d);

    private static double MinDistanceSquared(ReadOnlySpan<double> query, ReadOnlySpan<double> box)
    {
        var d = query.Length;
        var sum = 0.0;
        for (var j = 0; j < d; j++)
        {
            var q = query[j];
            var gap = Math.Max(Math.Max(box[j] - q, q - box[d + j]), 0);
            sum += gap * gap;
        }

        return sum;
    }

    private static double MaxDistanceSquared(ReadOnlySpan<double> query, ReadOnlySpan<double> box)
    {
        var d = query.Length;
        var sum = 0.0;
        for (var j = 0; j < d; j++)
        {
            var q = query[j];
            var far = Math.Max(Math.Abs(q - box[j]), Math.Abs(box[d + j] - q));
            sum += far * far;
        }

        return sum;
    }

    private static void SiftUp(Span<double> heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (heap[parent] >= heap[i])
            {
                return;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private static void SiftDown(Span<double> heap, int size)
    {
        var i = 0;
        while (true)
        {
            var largest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < size && heap[left] > heap[largest])
            {
                largest = left;
            }

            if (right < size && heap[right] > heap[largest])
            {
                largest = right;
            }

            if (largest == i)
            {
                return;
            }

            (heap[largest], heap[i]) = (heap[i], heap[largest]);
            i = largest;
        }
    }

    private readonly record struct Node(int Start, int End, int Left, int Right);

    /// <summary>Which tree positions are claimed, and per node how many are still open.</summary>
    internal sealed class ClaimSet(bool[] claimed, int[] open)
    {
        public bool[] Claimed { get; } = claimed;

        public int[] Open { get; } = open;
    }
}
