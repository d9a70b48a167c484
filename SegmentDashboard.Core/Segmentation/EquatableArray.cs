using System.Collections.Immutable;

namespace SegmentDashboard.Core.Segmentation;

/// <summary>
/// An <see cref="ImmutableArray{T}"/> compared and hashed by its items, so a record holding one as a
/// field gets value equality from the compiler (ImmutableArray itself compares array identity).
/// A default array counts as empty.
/// </summary>
internal readonly struct EquatableArray<T>(ImmutableArray<T> items) : IEquatable<EquatableArray<T>>
{
    public ImmutableArray<T> Items { get; } = items.IsDefault ? ImmutableArray<T>.Empty : items;

    public bool Equals(EquatableArray<T> other) => Items.AsSpan().SequenceEqual(other.Items.AsSpan());

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
