using System.Collections.Immutable;
using System.Globalization;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;

namespace SegmentDashboard.Core.Customers;

/// <summary>
/// Turns a transactions file (order lines, invoices) into one row per customer, columnar: one
/// pass over the rows into per-customer arrays, no object per row.
/// </summary>
/// <remarks>
/// Rules (the reference script SegmentDashboard.Tests/Reference/realdata_make_expected.py states
/// the same ones in pandas):
/// <list type="bullet">
/// <item>A row without a customer is counted and left out; so is a row with a customer but no
/// readable date (when a date column is chosen) or no spend (when a spend is chosen).</item>
/// <item>A row is a return or cancellation when its quantity or spend is negative or its order
/// number is a C followed by a digit (<c>C536379</c>). Returns are netted into the spend but
/// are not orders and do not move the first or last purchase date.</item>
/// <item>Orders: distinct order numbers among purchase rows (every purchase row when there is no
/// order column). Spend: quantity × price, or the amount column. Recency and tenure are whole
/// calendar days from the last and first purchase day to the as-of day (default: the last day
/// in the file). Average order value = net spend / orders.</item>
/// <item>Customers with only returns are counted and left out.</item>
/// </list>
/// </remarks>
public static class CustomerTableBuilder
{
    public const string RecencyName = "Days since last order";
    public const string FrequencyName = "Orders";
    public const string MonetaryName = "Total spend";
    public const string AverageOrderValueName = "Average order value";
    public const string TenureName = "Tenure (days)";
    public const string DistinctProductsName = "Distinct products";
    public const string SharePrefix = "Share of spend: ";

    /// <summary>Builds the customer table; throws <see cref="ArgumentException"/> naming the option when a column is unknown or unsuitable.</summary>
    public static CustomerTable Build(Dataset transactions, CustomerTableOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(options);
        var customerColumn = Require(transactions, options.CustomerColumn, nameof(options.CustomerColumn))!;
        var dates = NumericOf(transactions, options.DateColumn, nameof(options.DateColumn), ColumnKind.DateTime);
        var amount = NumericOf(transactions, options.AmountColumn, nameof(options.AmountColumn), ColumnKind.Numeric);
        var quantity = NumericOf(transactions, options.QuantityColumn, nameof(options.QuantityColumn), ColumnKind.Numeric);
        var price = NumericOf(transactions, options.PriceColumn, nameof(options.PriceColumn), ColumnKind.Numeric);
        if (amount is null && (quantity is null) != (price is null))
        {
            throw OptionErrors.Invalid(
                "Give both a quantity and a unit price column (spend = quantity × price), or an amount column.",
                quantity is null ? nameof(options.QuantityColumn) : nameof(options.PriceColumn));
        }

        var orderColumn = Require(transactions, options.OrderColumn, nameof(options.OrderColumn));
        var categoryColumn = Require(transactions, options.CategoryColumn, nameof(options.CategoryColumn));
        if (options.TopCategories < 0)
        {
            throw OptionErrors.Invalid("TopCategories must be 0 or more.", nameof(options.TopCategories));
        }

        var n = transactions.RowCount;
        var customers = KeyCodes.From(customerColumn);
        cancellationToken.ThrowIfCancellationRequested();
        var orders = orderColumn is null ? null : KeyCodes.From(orderColumn);
        var cancelledOrder = orders is null ? null : orders.Keys.Select(IsCancellationNumber).ToArray();
        var categories = categoryColumn is null ? null : KeyCodes.From(categoryColumn);
        cancellationToken.ThrowIfCancellationRequested();
        var hasSpend = amount is not null || quantity is not null;

        var customerCount = customers.Keys.Length;
        var monetary = new double[customerCount];
        var frequency = new int[customerCount];
        var firstDay = new double[customerCount];
        var lastDay = new double[customerCount];
        var purchases = new int[customerCount];
        Array.Fill(firstDay, double.PositiveInfinity);
        Array.Fill(lastDay, double.NegativeInfinity);
        var rowValue = new double[n];
        var used = new bool[n];
        var orderPairs = new HashSet<long>(MixedPairComparer.Instance);
        var productPairs = new HashSet<long>(MixedPairComparer.Instance);
        var distinctProducts = new int[customerCount];
        int withoutCustomer = 0, withoutValue = 0, returns = 0;
        var maxDay = double.NegativeInfinity;

        for (var row = 0; row < n; row++)
        {
            if ((row & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var customer = customers.Codes[row];
            if (customer < 0)
            {
                withoutCustomer++;
                continue;
            }

            var value = amount is not null ? amount[row] : quantity is not null ? quantity[row] * price![row] : 0.0;
            var day = dates is null ? 0.0 : Math.Floor(dates[row]);
            if ((hasSpend && double.IsNaN(value)) || double.IsNaN(day))
            {
                withoutValue++;
                continue;
            }

            used[row] = true;
            rowValue[row] = value;
            monetary[customer] += value;
            var order = orders is null ? -1 : orders.Codes[row];
            var isReturn = value < 0 || (quantity is not null && quantity[row] < 0) || (order >= 0 && cancelledOrder![order]);
            if (isReturn)
            {
                returns++;
                continue;
            }

            purchases[customer]++;
            if (orders is null)
            {
                frequency[customer]++;
            }
            else if (order >= 0 && orderPairs.Add(((long)customer << 32) | (uint)order))
            {
                frequency[customer]++;
            }

            if (categories is not null && categories.Codes[row] >= 0 && productPairs.Add(((long)customer << 32) | (uint)categories.Codes[row]))
            {
                distinctProducts[customer]++;
            }

            if (dates is not null)
            {
                firstDay[customer] = Math.Min(firstDay[customer], day);
                lastDay[customer] = Math.Max(lastDay[customer], day);
                maxDay = Math.Max(maxDay, day);
            }
        }

        // Customers with at least one purchase, in order of first appearance.
        var tableRow = new int[customerCount];
        var kept = new List<int>(customerCount);
        for (var c = 0; c < customerCount; c++)
        {
            tableRow[c] = purchases[c] > 0 ? kept.Count : -1;
            if (purchases[c] > 0)
            {
                kept.Add(c);
            }
        }

        if (kept.Count == 0)
        {
            throw OptionErrors.Invalid(
                $"No row of '{transactions.Name}' has a customer in '{customerColumn.Name}' with a purchase" +
                (dates is null ? string.Empty : " and a date") + (hasSpend ? " and a spend" : string.Empty) + ", so there is no customer table to build.",
                nameof(options.CustomerColumn));
        }

        var rowCustomer = new int[n];
        for (var row = 0; row < n; row++)
        {
            var customer = customers.Codes[row];
            rowCustomer[row] = used[row] && customer >= 0 ? tableRow[customer] : -1;
        }

        double asOfDay = double.NaN;
        DateOnly? asOf = null;
        if (dates is not null)
        {
            asOf = options.AsOf ?? DateOnly.FromDateTime(DateTimeValues.ToDateTime(maxDay));
            asOfDay = DateTimeValues.FromDateTime(asOf.Value.ToDateTime(TimeOnly.MinValue));
        }

        var shares = categories is null || !hasSpend ? [] : TopCategoryShares(categories, rowValue, used, customers.Codes, tableRow, kept.Count, options.TopCategories);
        return Assemble(transactions, customerColumn.Name, customers, kept, rowCustomer, asOf, asOfDay, dates is not null, hasSpend, categories is not null,
            monetary, frequency, firstDay, lastDay, distinctProducts, shares, withoutCustomer, withoutValue, returns, customerCount - kept.Count);
    }

    /// <summary>True for an invoice number that marks a cancellation: a C followed by a digit (<c>C536379</c>).</summary>
    public static bool IsCancellationNumber(string order) =>
        order.Length > 1 && (order[0] == 'C' || order[0] == 'c') && char.IsAsciiDigit(order[1]);

    private static CustomerTable Assemble(
        Dataset transactions,
        string customerName,
        KeyCodes customers,
        List<int> kept,
        int[] rowCustomer,
        DateOnly? asOf,
        double asOfDay,
        bool hasDates,
        bool hasSpend,
        bool hasCategories,
        double[] monetary,
        int[] frequency,
        double[] firstDay,
        double[] lastDay,
        int[] distinctProducts,
        List<(string Level, double[] Share)> shares,
        int withoutCustomer,
        int withoutValue,
        int returns,
        int onlyReturns)
    {
        var count = kept.Count;
        double[] Pick(Func<int, double> value)
        {
            var result = new double[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = value(kept[i]);
            }

            return result;
        }

        var ids = kept.Select(c => customers.Keys[c]).ToImmutableArray();
        var keptFrequency = kept.Select(c => frequency[c]).ToArray();
        var keptMonetary = hasSpend ? Pick(c => Math.Round(monetary[c], 6)) : new double[count];
        var recency = hasDates ? Pick(c => asOfDay - lastDay[c]) : null;
        var columns = ImmutableArray.CreateBuilder<Column>();
        columns.Add(new TextColumn(customerName, ColumnKind.Identifier, ids.CastArray<string?>()));
        if (recency is not null)
        {
            columns.Add(new NumericColumn(RecencyName, [.. recency]));
        }

        columns.Add(new NumericColumn(FrequencyName, [.. keptFrequency.Select(f => (double)f)]));
        if (hasSpend)
        {
            columns.Add(new NumericColumn(MonetaryName, [.. keptMonetary]));
            columns.Add(new NumericColumn(AverageOrderValueName, [.. Pick(c => frequency[c] > 0 ? Math.Round(monetary[c] / frequency[c], 6) : double.NaN)]));
        }

        if (hasDates)
        {
            columns.Add(new NumericColumn(TenureName, [.. Pick(c => asOfDay - firstDay[c])]));
        }

        if (hasCategories)
        {
            columns.Add(new NumericColumn(DistinctProductsName, [.. Pick(c => distinctProducts[c])]));
        }

        foreach (var (level, share) in shares)
        {
            columns.Add(new NumericColumn(SharePrefix + level, [.. share]));
        }

        var dataset = new Dataset(
            Path.GetFileNameWithoutExtension(transactions.Name) + "-customers.csv",
            columns.ToImmutable(),
            count,
            null,
            ImmutableArray<IngestWarning>.Empty) { CustomerIdColumn = customerName };
        var rfm = RfmScorer.Score(recency, keptFrequency, keptMonetary);
        return new CustomerTable(
            dataset,
            ids,
            [.. rowCustomer],
            rfm,
            asOf,
            transactions.RowCount,
            withoutCustomer,
            withoutValue,
            returns,
            onlyReturns,
            [.. dataset.Columns.Skip(1).Select(c => c.Name)]);
    }

    /// <summary>For the categories with the largest total net spend: each kept customer's share of their net spend (0 when that is not positive).</summary>
    private static List<(string Level, double[] Share)> TopCategoryShares(
        KeyCodes categories, double[] rowValue, bool[] used, int[] customerCodes, int[] tableRow, int count, int top)
    {
        var totals = new double[categories.Keys.Length];
        for (var row = 0; row < rowValue.Length; row++)
        {
            if (used[row] && categories.Codes[row] >= 0)
            {
                totals[categories.Codes[row]] += rowValue[row];
            }
        }

        var chosen = Enumerable.Range(0, totals.Length)
            .OrderByDescending(level => totals[level])
            .ThenBy(level => categories.Keys[level], StringComparer.Ordinal)
            .Take(top)
            .ToArray();
        if (chosen.Length < 2)
        {
            return [];
        }

        var slot = new int[totals.Length];
        Array.Fill(slot, -1);
        for (var i = 0; i < chosen.Length; i++)
        {
            slot[chosen[i]] = i;
        }

        var spend = new double[count * chosen.Length];
        var net = new double[count];
        for (var row = 0; row < rowValue.Length; row++)
        {
            if (!used[row] || tableRow[customerCodes[row]] < 0)
            {
                continue;
            }

            var customer = tableRow[customerCodes[row]];
            net[customer] += rowValue[row];
            var category = categories.Codes[row];
            if (category >= 0 && slot[category] >= 0)
            {
                spend[(customer * chosen.Length) + slot[category]] += rowValue[row];
            }
        }

        var result = new List<(string, double[])>(chosen.Length);
        for (var i = 0; i < chosen.Length; i++)
        {
            var share = new double[count];
            for (var c = 0; c < count; c++)
            {
                share[c] = net[c] > 0 ? Math.Round(spend[(c * chosen.Length) + i] / net[c], 6) : 0.0;
            }

            result.Add((categories.Keys[chosen[i]], share));
        }

        return result;
    }

    private static Column? Require(Dataset dataset, string? name, string option)
    {
        if (name is null)
        {
            return null;
        }

        return dataset.Find(name) ?? throw OptionErrors.Invalid(
            $"The file has no column named '{name}' (chosen as {Describe(option)}). Its columns are: " +
            string.Join(", ", dataset.Columns.Take(30).Select(c => "'" + c.Name + "'")) + ".",
            option);
    }

    private static double[]? NumericOf(Dataset dataset, string? name, string option, ColumnKind kind)
    {
        var column = Require(dataset, name, option);
        if (column is null)
        {
            return null;
        }

        if (column is NumericColumn numeric && (numeric.Kind == kind || (kind == ColumnKind.Numeric && numeric.Kind == ColumnKind.Boolean)))
        {
            return ImmutableCollectionsMarshalArray(numeric.Values);
        }

        var want = kind == ColumnKind.DateTime ? "dates" : "numbers";
        throw OptionErrors.Invalid(
            $"'{column.Name}' (chosen as {Describe(option)}) was read as {column.Kind.ToString().ToLower(CultureInfo.InvariantCulture)}, not as {want}; choose a column of {want}.",
            option);
    }

    private static double[] ImmutableCollectionsMarshalArray(ImmutableArray<double> values) =>
        System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(values)!;

    private static string Describe(string option) => option switch
    {
        nameof(CustomerTableOptions.CustomerColumn) => "the customer",
        nameof(CustomerTableOptions.DateColumn) => "the date",
        nameof(CustomerTableOptions.AmountColumn) => "the amount",
        nameof(CustomerTableOptions.QuantityColumn) => "the quantity",
        nameof(CustomerTableOptions.PriceColumn) => "the unit price",
        nameof(CustomerTableOptions.OrderColumn) => "the order number",
        _ => "the product or category",
    };
}
