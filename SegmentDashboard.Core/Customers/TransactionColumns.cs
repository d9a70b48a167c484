using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Core.Customers;

/// <summary>
/// Whether a file looks like transactions (a customer column that repeats, with a date and an
/// amount or quantity × price) and which columns to offer for the customer table.
/// </summary>
public static class TransactionColumns
{
    private static readonly string[] CustomerWords = ["customer", "client", "kunde", "kunden", "cliente", "kund", "buyer", "account", "member", "user"];
    private static readonly string[] OrderWords = ["order", "invoice", "receipt", "transaction", "bestellung", "rechnung", "factura", "pedido", "commande", "facture", "ordernumber", "invoiceno", "bestellnummer", "rechnungsnummer"];
    private static readonly string[] QuantityWords = ["quantity", "qty", "quantityordered", "menge", "cantidad", "anzahl", "units"];
    private static readonly string[] PriceWords = ["price", "priceeach", "unitprice", "preis", "precio", "prix", "pris"];
    private static readonly string[] AmountWords = ["sales", "amount", "total", "revenue", "betrag", "umsatz", "importe", "value", "spend", "belopp"];

    /// <summary>The suggested columns, or null when the file does not look like transactions.</summary>
    public static CustomerTableOptions? Suggest(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var customer = dataset.Columns
            .Where(c => HasWord(c.Name, CustomerWords) && c.Kind is not ColumnKind.DateTime && c.Kind is not ColumnKind.Boolean)
            .FirstOrDefault(c => Repeats(c));
        var date = dataset.Columns.FirstOrDefault(c => c.Kind == ColumnKind.DateTime);
        var quantity = Numeric(dataset, QuantityWords);
        var price = Numeric(dataset, PriceWords);
        var amount = Numeric(dataset, AmountWords);
        if (customer is null || date is null || (amount is null && (quantity is null || price is null)))
        {
            return null;
        }

        var order = dataset.Columns.FirstOrDefault(c => c != customer && HasWord(c.Name, OrderWords) && Repeats(c));
        var category = dataset.Columns.FirstOrDefault(c => c is CategoricalColumn && ColumnMeanings.Of(dataset, c).Meaning == ColumnMeaning.Product);
        var useProduct = quantity is not null && price is not null;
        return new CustomerTableOptions
        {
            CustomerColumn = customer.Name,
            DateColumn = date.Name,
            AmountColumn = useProduct ? null : amount!.Name,
            QuantityColumn = useProduct ? quantity!.Name : null,
            PriceColumn = useProduct ? price!.Name : null,
            OrderColumn = order?.Name,
            CategoryColumn = category?.Name,
        };
    }

    private static Column? Numeric(Dataset dataset, string[] words) =>
        dataset.Columns.FirstOrDefault(c => c is NumericColumn { Kind: ColumnKind.Numeric } && HasWord(c.Name, words));

    private static bool HasWord(string name, string[] words)
    {
        var parts = FeatureConcepts.Words(name);
        var compact = string.Concat(parts);
        return parts.Any(words.Contains) || words.Any(w => w.Length > 4 && compact.StartsWith(w, StringComparison.Ordinal));
    }

    /// <summary>True when some value occurs on more than one row (one customer, several lines).</summary>
    private static bool Repeats(Column column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var limit = Math.Min(column.Count, 50_000);
        for (var row = 0; row < limit; row++)
        {
            if (!column.IsMissing(row) && !seen.Add(column.Format(row)))
            {
                return true;
            }
        }

        return false;
    }
}
