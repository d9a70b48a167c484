using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SegmentDashboard.Core.Customers;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Benchmarks;

/// <summary>
/// <c>customers --rows N [--repeat R] [--seed S]</c>: generates N order lines columnar in memory
/// (customer id, invoice number, date, quantity, unit price, product; 2% without a customer, 2%
/// cancellations), builds the customer table R times and prints one JSON line with the build
/// seconds, customers, and peak working set. <c>customers --input FILE.csv --customer C ...</c>
/// loads a CSV instead (load seconds reported apart). <c>customers --write N OUT.csv</c> writes the
/// generated lines as CSV.
/// </summary>
public static class CustomersCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args is ["--write", var count, var path])
        {
            WriteCsv(Generate(int.Parse(count, CultureInfo.InvariantCulture), 7), path);
            return 0;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        var repeat = options.TryGetValue("repeat", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        Dataset dataset;
        double loadSeconds = 0;
        CustomerTableOptions tableOptions;
        if (options.TryGetValue("input", out var input))
        {
            var clock = Stopwatch.StartNew();
            using (var stream = File.OpenRead(input))
            {
                dataset = CsvLoader.Load(stream, Path.GetFileName(input), new CsvLoadOptions { MaxRows = int.MaxValue });
            }

            loadSeconds = clock.Elapsed.TotalSeconds;
            tableOptions = new CustomerTableOptions
            {
                CustomerColumn = options.GetValueOrDefault("customer", "CustomerID"),
                DateColumn = options.GetValueOrDefault("date", "InvoiceDate"),
                QuantityColumn = options.GetValueOrDefault("quantity", "Quantity"),
                PriceColumn = options.GetValueOrDefault("price", "UnitPrice"),
                OrderColumn = options.GetValueOrDefault("order", "InvoiceNo"),
                CategoryColumn = options.GetValueOrDefault("category", "StockCode"),
            };
        }
        else if (options.TryGetValue("rows", out var rows))
        {
            dataset = Generate(int.Parse(rows, CultureInfo.InvariantCulture), options.TryGetValue("seed", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 7);
            tableOptions = new CustomerTableOptions
            {
                CustomerColumn = "CustomerID", DateColumn = "InvoiceDate", QuantityColumn = "Quantity", PriceColumn = "UnitPrice",
                OrderColumn = "InvoiceNo", CategoryColumn = "StockCode",
            };
        }
        else
        {
            Console.Error.WriteLine("usage: customers --rows N [--repeat R] | customers --input FILE.csv [--customer C --date D --quantity Q --price P --order O --category K] | customers --write N OUT.csv");
            return 2;
        }

        var seconds = new List<double>();
        CustomerTable? table = null;
        for (var i = 0; i < repeat; i++)
        {
            table = null;
            GC.Collect();
            var clock = Stopwatch.StartNew();
            table = CustomerTableBuilder.Build(dataset, tableOptions);
            seconds.Add(Math.Round(clock.Elapsed.TotalSeconds, 3));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine(JsonSerializer.Serialize(new
        {
            task = "customers",
            lines = dataset.RowCount,
            loadSeconds = Math.Round(loadSeconds, 3),
            buildSeconds = seconds,
            customers = table!.Count,
            returnRows = table.ReturnRows,
            rowsWithoutCustomer = table.RowsWithoutCustomer,
            peakWorkingSetMb = process.PeakWorkingSet64 / (1024 * 1024),
            cores = Environment.ProcessorCount,
        }));
        return 0;
    }

    /// <summary>Order lines like an online-retail export, columnar: customers ~ rows/100, invoices ~ rows/20, 4,000 products.</summary>
    public static Dataset Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var customerCount = Math.Max(10, rows / 100);
        var customer = new double[rows];
        var invoice = new double[rows];
        var date = new double[rows];
        var quantity = new double[rows];
        var price = new double[rows];
        var product = new int[rows];
        var start = DateTimeValues.FromDateTime(new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var number = 500_000.0;
        var row = 0;
        while (row < rows)
        {
            number++;
            var who = random.NextDouble() < 0.02 ? double.NaN : 12_346 + random.Next(customerCount);
            var day = start + random.Next(730) + (random.Next(24 * 60) / 1440.0);
            var cancel = random.NextDouble() < 0.02;
            for (var lines = 1 + random.Next(39); lines > 0 && row < rows; lines--, row++)
            {
                customer[row] = who;
                invoice[row] = cancel ? -number : number;
                date[row] = day;
                quantity[row] = (cancel ? -1 : 1) * (1 + random.Next(24));
                price[row] = Math.Round(0.5 + (random.NextDouble() * 20), 2);
                product[row] = random.Next(4_000);
            }
        }

        var levels = Enumerable.Range(0, 4_000).Select(i => "P" + i.ToString("D5", CultureInfo.InvariantCulture)).ToImmutableArray();
        return new Dataset(
            "generated-order-lines.csv",
            [
                new NumericColumn("InvoiceNo", [.. invoice]),
                new CategoricalColumn("StockCode", [.. product], levels),
                new NumericColumn("Quantity", [.. quantity]),
                new NumericColumn("InvoiceDate", ColumnKind.DateTime, [.. date]),
                new NumericColumn("UnitPrice", [.. price]),
                new NumericColumn("CustomerID", [.. customer]),
            ],
            rows,
            null,
            ImmutableArray<IngestWarning>.Empty);
    }

    private static void WriteCsv(Dataset dataset, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n");
        var invoice = (NumericColumn)dataset["InvoiceNo"];
        for (var row = 0; row < dataset.RowCount; row++)
        {
            var number = invoice.Values[row];
            writer.Write(number < 0 ? "C" + (-number).ToString(CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture));
            for (var c = 1; c < dataset.Columns.Length; c++)
            {
                writer.Write(',');
                var text = dataset.Columns[c].Format(row);
                writer.Write(dataset.Columns[c].Kind == ColumnKind.DateTime ? text[..16] : text);
            }

            writer.Write('\n');
        }
    }
}
