namespace SegmentDashboard.Core.Customers;

/// <summary>
/// Hashes a (customer, code) pair packed in a long with a multiplicative mix. <c>long.GetHashCode</c>
/// XORs the halves, so small customer and product codes collide by the thousand.
/// </summary>
internal sealed class MixedPairComparer : IEqualityComparer<long>
{
    public static MixedPairComparer Instance { get; } = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long obj) => (int)((ulong)(obj * unchecked((long)0x9E3779B97F4A7C15UL)) >> 32);
}
