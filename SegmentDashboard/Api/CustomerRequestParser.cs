using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Primitives;
using SegmentDashboard.Core.Customers;

namespace SegmentDashboard.Api;

/// <summary>
/// The transactions parameters of /api/segment, /api/export/labeled-csv, /api/analyses and
/// /api/customers: <c>customer</c> (required for the rest), <c>date</c>, <c>amount</c> or
/// <c>quantity</c> + <c>price</c>, <c>order</c>, <c>category</c>, <c>asOf</c> (ISO date), and for the
/// labeled export <c>per</c> (<c>customer</c> or <c>line</c>).
/// </summary>
internal static class CustomerRequestParser
{
    public const string Customer = "customer";
    public const string Date = "date";
    public const string Amount = "amount";
    public const string Quantity = "quantity";
    public const string Price = "price";
    public const string Order = "order";
    public const string Category = "category";
    public const string AsOf = "asOf";
    public const string Per = "per";
    public const string IncludeContact = "includeContact";

    /// <summary>Every transactions parameter (added to <see cref="ApiRequestParser.Known"/>).</summary>
    public static readonly ImmutableArray<string> Known = [Customer, Date, Amount, Quantity, Price, Order, Category, AsOf, Per, IncludeContact];

    /// <summary>CustomerTableOptions property names (ArgumentException.ParamName) to query names.</summary>
    private static readonly Dictionary<string, string> QueryNames = new(StringComparer.Ordinal)
    {
        [nameof(CustomerTableOptions.CustomerColumn)] = Customer,
        [nameof(CustomerTableOptions.DateColumn)] = Date,
        [nameof(CustomerTableOptions.AmountColumn)] = Amount,
        [nameof(CustomerTableOptions.QuantityColumn)] = Quantity,
        [nameof(CustomerTableOptions.PriceColumn)] = Price,
        [nameof(CustomerTableOptions.OrderColumn)] = Order,
        [nameof(CustomerTableOptions.CategoryColumn)] = Category,
        [nameof(CustomerTableOptions.AsOf)] = AsOf,
    };

    /// <summary>The customer-table options, or null when no <c>customer</c> is given (the file is segmented row by row).</summary>
    public static CustomerTableOptions? Parse(IQueryCollection query)
    {
        var customer = Column(query, Customer);
        var date = Column(query, Date);
        var amount = Column(query, Amount);
        var quantity = Column(query, Quantity);
        var price = Column(query, Price);
        var order = Column(query, Order);
        var category = Column(query, Category);
        var asOfText = Single(query, AsOf);
        if (customer is null)
        {
            // Without customer, asOf counts the derived date features (days since, tenure, age) instead.
            var stray = new[] { (Date, date), (Amount, amount), (Quantity, quantity), (Price, price), (Order, order), (Category, category) }
                .FirstOrDefault(p => p.Item2 is not null);
            if (stray.Item1 is not null)
            {
                throw ApiProblemException.BadParameter(stray.Item1, $"Parameter '{stray.Item1}' needs '{Customer}' (the column that names the customer), so the file can be turned into one row per customer.");
            }

            return null;
        }

        if (amount is not null && (quantity is not null || price is not null))
        {
            throw ApiProblemException.BadParameter(Amount, $"Give either '{Amount}' or '{Quantity}' and '{Price}' (spend = quantity × price), not both.");
        }

        if ((quantity is null) != (price is null))
        {
            var missing = quantity is null ? Quantity : Price;
            throw ApiProblemException.BadParameter(missing, $"Parameter '{missing}' is needed too: spend is '{Quantity}' × '{Price}'.");
        }

        if (asOfText is not null && date is null)
        {
            throw ApiProblemException.BadParameter(AsOf, $"Parameter '{AsOf}' needs '{Date}' (recency is counted from the order dates).");
        }

        var asOf = ParseAsOf(asOfText);
        return new CustomerTableOptions
        {
            CustomerColumn = customer,
            DateColumn = date,
            AmountColumn = amount,
            QuantityColumn = quantity,
            PriceColumn = price,
            OrderColumn = order,
            CategoryColumn = category,
            AsOf = asOf,
        };
    }

    /// <summary>The <c>asOf</c> day (ISO date), or null when not given; a bad date is a 400 naming the parameter.</summary>
    public static DateOnly? AsOfDay(IQueryCollection query) => ParseAsOf(Single(query, AsOf));

    /// <summary>True when <c>includeContact=true</c>: exports keep personal/contact columns (left out by default).</summary>
    public static bool IncludesContact(IQueryCollection query)
    {
        var text = Single(query, IncludeContact);
        return text?.Trim().ToLowerInvariant() switch
        {
            null or "false" or "0" => false,
            "true" or "1" => true,
            _ => throw ApiProblemException.BadParameter(IncludeContact, $"Parameter '{IncludeContact}' must be true or false; got '{text}'."),
        };
    }

    private static DateOnly? ParseAsOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw ApiProblemException.BadParameter(AsOf, $"Parameter '{AsOf}' must be an ISO date such as 2024-12-31; got '{text}'.");
    }

    /// <summary>True when the labeled export should have one row per original line (<c>per=line</c>); default per customer.</summary>
    public static bool PerLine(IQueryCollection query)
    {
        var text = Single(query, Per);
        return text?.Trim().ToLowerInvariant() switch
        {
            null or "customer" => false,
            "line" => true,
            _ => throw ApiProblemException.BadParameter(Per, $"Parameter '{Per}' must be customer or line; got '{text}'."),
        };
    }

    /// <summary>A builder refusal as a 400 naming the query parameter.</summary>
    public static ApiProblemException ToProblem(ArgumentException argument)
    {
        var parameter = argument.ParamName is { } name && QueryNames.TryGetValue(name, out var query) ? query : Customer;
        var message = argument.ParamName is { } param ? argument.Message.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal) : argument.Message;
        return ApiProblemException.BadParameter(parameter, $"Parameter '{parameter}': {message}");
    }

    private static string? Column(IQueryCollection query, string name)
    {
        var text = Single(query, name);
        if (text is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(text)
            ? throw ApiProblemException.BadParameter(name, $"Parameter '{name}' is empty; give a column name from the header row.")
            : text.Trim();
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return null;
        }

        return values.Count > 1
            ? throw ApiProblemException.BadParameter(name, $"Parameter '{name}' is given {values.Count} times; give it once.")
            : values[0];
    }
}
