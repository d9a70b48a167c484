namespace SegmentDashboard.Core.Customers;

/// <summary>
/// Which columns of a transactions file (one row per order line or invoice) make a customer
/// table. Only <see cref="CustomerColumn"/> is required: without <see cref="DateColumn"/> there is
/// no recency or tenure; without <see cref="OrderColumn"/> every row counts as one order; the
/// spend is <see cref="AmountColumn"/> or, when that is not given, <see cref="QuantityColumn"/> ×
/// <see cref="PriceColumn"/> (without either, a row's spend is missing and only orders are counted).
/// </summary>
public sealed record CustomerTableOptions
{
    public required string CustomerColumn { get; init; }

    public string? DateColumn { get; init; }

    public string? AmountColumn { get; init; }

    public string? QuantityColumn { get; init; }

    public string? PriceColumn { get; init; }

    public string? OrderColumn { get; init; }

    /// <summary>Product or category column: distinct products and share of spend per top category.</summary>
    public string? CategoryColumn { get; init; }

    /// <summary>The day recency and tenure are counted to; null means the last date in the file.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>At most this many categories (by total net spend) get a share-of-spend column.</summary>
    public int TopCategories { get; init; } = 5;
}
