namespace SegmentDashboard.Core.Data;

/// <summary>What a column means to a marketer, next to its <see cref="ColumnKind"/> (how it is stored).</summary>
public enum ColumnMeaning
{
    /// <summary>Nothing more specific: a measure or a category usable as a feature.</summary>
    Other,

    /// <summary>Customer, order, invoice or product number: never a feature.</summary>
    Identifier,

    /// <summary>Person name, email, phone, street address, postal code: never a feature, left out of hover text.</summary>
    Contact,

    /// <summary>A date or time: offered as derived features (days since, tenure, age), not used raw.</summary>
    Date,

    /// <summary>A year, quarter, month, week or hour id cut from a date: never a feature.</summary>
    DatePart,

    /// <summary>Money: spend, sales, price, revenue.</summary>
    Amount,

    /// <summary>A count: orders, visits, purchases, quantity.</summary>
    Count,

    /// <summary>A rating or score.</summary>
    Rating,

    /// <summary>Age, sex, income, education, marital status, household.</summary>
    Demographic,

    /// <summary>Country, region, city, territory.</summary>
    Geography,

    /// <summary>Product or category preference: the only columns product recommendations come from.</summary>
    Product,

    /// <summary>Order or customer status (Shipped, Cancelled...): never a feature or a product.</summary>
    Status,

    /// <summary>Free text: never a feature.</summary>
    FreeText,
}
