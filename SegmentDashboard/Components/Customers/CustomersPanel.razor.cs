using System.Globalization;
using SegmentDashboard.Components.Shared;
using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Components.Customers;

/// <summary>
/// The "One row per customer" panel of the Data page. Shown when the loaded file looks like
/// transactions (<see cref="TransactionColumns.Suggest"/>); the switch (data-testid
/// <c>customers-toggle</c>) builds the customer table off the UI thread and hands it to the state
/// with <c>UseDataset</c>, so segments are then customers; switching off hands back the original
/// file. The summary (<c>customers-summary</c>) says how many customers, and which rows were
/// netted (cancellations, returns) or left out (no customer).
/// </summary>
public partial class CustomersPanel : DashboardComponentBase
{
    private const string None = "";

    private bool _building;
    private string? _error;

    /// <summary>The circuit's choice (it outlives this page: leaving the Data tab keeps the switch).</summary>
    [Microsoft.AspNetCore.Components.Inject]
    private CustomerSession Session { get; set; } = default!;

    /// <summary>The customer table last built, or null (the labeled export per original line uses its row map).</summary>
    public CustomerTable? Table => Session.ActiveTable;


    private DateTime? AsOfDate => Session.Options?.AsOf is { } day ? day.ToDateTime(TimeOnly.MinValue) : Session.Table?.AsOf?.ToDateTime(TimeOnly.MinValue);

    /// <summary>The customers summary sentence, e.g. "4,339 customers from 541,909 rows; 9,288 cancellation or return lines netted; ...".</summary>
    public static string Summary(CustomerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{table.Count:N0} customers from {table.SourceRows:N0} rows"),
            string.Create(CultureInfo.InvariantCulture, $"{table.ReturnRows:N0} cancellation or return lines netted"),
            string.Create(CultureInfo.InvariantCulture, $"{table.RowsWithoutCustomer:N0} rows without a customer left out"),
        };
        if (table.RowsWithoutValue > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{table.RowsWithoutValue:N0} rows without a date or amount left out"));
        }

        if (table.CustomersWithOnlyReturns > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{table.CustomersWithOnlyReturns:N0} customers with only returns left out"));
        }

        var asOf = table.AsOf is { } day ? " Recency and tenure are counted to " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "." : string.Empty;
        return string.Join("; ", parts) + "." + asOf;
    }

    /// <summary>"Champions 12 · Loyal customers 8 · …", largest first.</summary>
    public static string RfmCounts(CustomerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Join(" · ", table.Rfm
            .GroupBy(r => r.Segment, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count():N0}")));
    }

    private static string? OrNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsNumber(Column column) => column is NumericColumn { Kind: ColumnKind.Numeric };

    /// <summary>The transactions file the panel works on; a newly loaded file resets the panel.</summary>
    private Dataset? Sync()
    {
        var current = State.Dataset;
        if (current is null || ReferenceEquals(current, Session.Source) || (Session.Table is not null && ReferenceEquals(current, Session.Table.Customers)))
        {
            return current is null ? null : Session.Source;
        }

        if (Session.On && Session.Table is not null && current.Name == Session.Table.Customers.Name)
        {
            // The customer table with a meaning changed by the user: still ours.
            return Session.Source;
        }

        Session.Reset(current, TransactionColumns.Suggest(current));
        _error = null;
        return Session.Source;
    }

    private async Task ToggleAsync(bool on)
    {
        Session.On = on;
        _error = null;
        if (!on)
        {
            if (Session.Source is not null)
            {
                State.UseDataset(Session.Source);
            }

            return;
        }

        await BuildAsync();
    }

    private async Task PickAsync(CustomerTableOptions options)
    {
        Session.Options = options;
        if (Session.On)
        {
            await BuildAsync();
        }
    }

    private async Task BuildAsync()
    {
        if (Session.Source is not { } source || Session.Options is not { } options)
        {
            return;
        }

        _building = true;
        StateHasChanged();
        try
        {
            var table = await Task.Run(() => CustomerTableBuilder.Build(source, options));
            Session.Table = table;
            State.UseDataset(table.Customers);
        }
        catch (ArgumentException problem)
        {
            _error = problem.ParamName is { } name ? problem.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : problem.Message;
            Session.On = false;
        }
        finally
        {
            _building = false;
        }
    }
}
