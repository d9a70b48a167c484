namespace SegmentDashboard.Core.Data;

/// <summary>
/// One column of a <see cref="Dataset"/>, stored columnar. Subclasses are immutable; a missing
/// value is <see cref="double.NaN"/> in numeric columns, code -1 in categorical ones, an empty
/// code list in multi-valued ones and <c>null</c> in text columns.
/// </summary>
public abstract record Column(string Name, ColumnKind Kind)
{
    /// <summary>Number of rows.</summary>
    public abstract int Count { get; }

    /// <summary>True when the value at <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The value as a person would read it (invariant culture); empty when missing.</summary>
    public abstract string Format(int row);

    /// <summary>Number of missing values.</summary>
    public int MissingCount
    {
        get
        {
            var missing = 0;
            for (var i = 0; i < Count; i++)
            {
                if (IsMissing(i))
                {
                    missing++;
                }
            }

            return missing;
        }
    }
}
