using System.Globalization;
using System.Text;
using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Tests.Support;

/// <summary>
/// One malformed or odd CSV file and what loading it must give: either <see cref="Error"/> (and
/// the <see cref="Line"/> the message must name), or a dataset with <see cref="Rows"/> rows,
/// <see cref="Columns"/> columns and the given <see cref="Kinds"/>; <see cref="Check"/> asserts
/// specific values; <see cref="MessageContains"/> is a phrase the error message must have. API and UI tests can post <see cref="Bytes"/> and check the same outcome.
/// </summary>
public sealed record MalformedCsvCase(
    string Name,
    byte[] Bytes,
    CsvLoadError? Error = null,
    int? Line = null,
    int? Rows = null,
    int? Columns = null,
    IReadOnlyDictionary<string, ColumnKind>? Kinds = null,
    string? WarningContains = null,
    CsvLoadOptions? Options = null,
    string? MessageContains = null,
    Action<Dataset>? Check = null)
{
    public bool LoadsSuccessfully => Error is null;

    public override string ToString() => Name;
}

/// <summary>Malformed and odd CSV files generated in code (nothing downloaded), each with its expected outcome.</summary>
public static class MalformedCsvCorpus
{
    private static readonly Lazy<IReadOnlyList<MalformedCsvCase>> AllLazy = new(Create);

    public static IReadOnlyList<MalformedCsvCase> All => AllLazy.Value;

    public static MalformedCsvCase Get(string name) => All.Single(@case => @case.Name == name);

    /// <summary>Case names, for xunit's MemberData.</summary>
    public static IEnumerable<object[]> Names => All.Select(@case => new object[] { @case.Name });

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Dictionary<string, ColumnKind> Kinds(params (string Name, ColumnKind Kind)[] kinds) =>
        kinds.ToDictionary(pair => pair.Name, pair => pair.Kind);

    private static double Number(Dataset d, string column, int row) => ((NumericColumn)d[column]).Values[row];

    private static double[] Values(Dataset d, string column) => [.. ((NumericColumn)d[column]).Values];

    private static string Rows(int count, Func<int, string> row) =>
        string.Concat(Enumerable.Range(1, count).Select(i => row(i) + "\n"));

    private static List<MalformedCsvCase> Create()
    {
        var cases = new List<MalformedCsvCase>
        {
            new("empty", [], CsvLoadError.EmptyFile),
            new("blank-lines-only", Utf8("\r\n\n   \n\t\n"), CsvLoadError.EmptyFile),
            new("bom-only", [0xEF, 0xBB, 0xBF], CsvLoadError.EmptyFile),
            new("header-only", Utf8("name,age,city\n"), CsvLoadError.HeaderOnly),
            new("header-only-no-newline", Utf8("name;age;city"), CsvLoadError.HeaderOnly),
            new(
                "single-row",
                Utf8("name,age\nAnn,31\n"),
                Rows: 1,
                Columns: 2,
                Kinds: Kinds(("name", ColumnKind.Categorical), ("age", ColumnKind.Numeric)),
                Check: d => Assert.Equal(31, Number(d, "age", 0))),
            new("binary-png-header", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00], CsvLoadError.BinaryContent),
            new("random-bytes", RandomBytes(4096, seed: 7), CsvLoadError.BinaryContent),
            new("zip-like-with-nul", [.. Utf8("PK"), 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, .. Utf8("a,b\n1,2\n")], CsvLoadError.BinaryContent),
            new(
                "ragged-few-rows-skipped",
                Utf8("id,score,group\n" + Rows(20, i => i == 4 ? "4,40,a,EXTRA" : $"{i},{i * 10},{(i % 2 == 0 ? "a" : "b")}")),
                Rows: 19,
                Columns: 3,
                WarningContains: "Line 5 was skipped: it has 4 fields but the header has 3.",
                Check: d => Assert.DoesNotContain(40.0, Values(d, "score"))),
            new(
                "ragged-many-rows-error",
                Utf8("a,b,c\n" + Rows(20, i => i % 3 == 0 ? $"{i},{i}" : $"{i},{i},{i}")),
                CsvLoadError.RaggedRow,
                Line: 4),
            new("ragged-wrong-delimiter", Utf8("a,b,c\n1;2;3\n4;5;6\n"), CsvLoadError.RaggedRow, Line: 2),
            new(
                "unclosed-quote-line-12",
                Utf8("name,comment\n" + Rows(10, i => $"n{i},fine") + "n11,\"this quote never ends\nn12,more\nn13,text\n"),
                CsvLoadError.UnclosedQuote,
                Line: 12),
            new(
                "all-text-columns",
                Utf8("name,city,comment\n" + Rows(12, i => $"Person {i},{(i % 3 == 0 ? "Paris" : "Lyon")},This is a long free text answer number {i} about the shop")),
                Rows: 12,
                Columns: 3,
                Kinds: Kinds(("name", ColumnKind.Identifier), ("city", ColumnKind.Categorical), ("comment", ColumnKind.Text))),
            new(
                "constant-column",
                Utf8("x,k\n1,5\n2,5\n3,5\n4,5\n"),
                Rows: 4,
                Kinds: Kinds(("x", ColumnKind.Numeric), ("k", ColumnKind.Numeric)),
                Check: d => Assert.All(((NumericColumn)d["k"]).Values, value => Assert.Equal(5, value))),
            new(
                "all-missing-column",
                Utf8("a,b\n1,\n2,NA\n3,\n"),
                Rows: 3,
                Kinds: Kinds(("a", ColumnKind.Numeric), ("b", ColumnKind.Numeric)),
                Check: d => Assert.Equal(3, d["b"].MissingCount)),
            new(
                "nan-and-infinity-strings",
                Utf8("x,y\n1,a\nNaN,b\nInfinity,a\n-inf,b\n5,a\n"),
                Rows: 5,
                Kinds: Kinds(("x", ColumnKind.Numeric)),
                WarningContains: "2 infinite value(s)",
                Check: d =>
                {
                    Assert.Equal(3, d["x"].MissingCount);
                    Assert.Equal(5, Number(d, "x", 4));
                }),
            new(
                "duplicate-and-blank-headers",
                Utf8("a,,a,b, \n1,2,3,4,5\n6,7,8,9,10\n"),
                Rows: 2,
                Columns: 5,
                WarningContains: "renamed 'a (2)'",
                Check: d => Assert.Equal(["a", "Column 2", "a (2)", "b", "Column 5"], d.Columns.Select(c => c.Name))),
            new(
                "whitespace-only-different-headers",
                Utf8("Score,Score , Score,x\n1,2,3,4\n"),
                Rows: 1,
                WarningContains: "only by spaces",
                Check: d => Assert.Equal(["Score", "Score (2)", "Score (3)", "x"], d.Columns.Select(c => c.Name))),
            new(
                "utf16-le-bom",
                [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("name,amount\nMüller,1.5\ncafé,2\nŁódź,3\n")],
                Rows: 3,
                Check: d =>
                {
                    Assert.Equal("UTF-16 LE (BOM)", d.Dialect!.EncodingName);
                    Assert.Equal(["Müller", "café", "Łódź"], Enumerable.Range(0, 3).Select(d["name"].Format));
                    Assert.Equal(1.5, Number(d, "amount", 0));
                }),
            new(
                "utf16-be-bom",
                [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("name;amount\r\nMüller;1\r\ncafé;2\r\n")],
                Rows: 2,
                Check: d =>
                {
                    Assert.Equal("UTF-16 BE (BOM)", d.Dialect!.EncodingName);
                    Assert.Equal(';', d.Dialect.Delimiter);
                    Assert.Equal("café", d["name"].Format(1));
                }),
            new(
                "utf8-bom",
                [0xEF, 0xBB, 0xBF, .. Utf8("id,name\n1,Zoë\n2,Ann\n")],
                Rows: 2,
                Check: d =>
                {
                    Assert.Equal("UTF-8 (BOM)", d.Dialect!.EncodingName);
                    Assert.Equal("id", d.Columns[0].Name);
                    Assert.Equal("Zoë", d["name"].Format(0));
                }),
            new(
                "windows-1252-accents",
                [.. Utf8("name,city\nM"), 0xFC, .. Utf8("ller,Caf"), 0xE9, .. Utf8("\nDupont,Paris\n"), 0x80, .. Utf8("uro,N"), 0xEE, .. Utf8("mes\n")],
                Rows: 3,
                Check: d =>
                {
                    Assert.Contains(d.Dialect!.EncodingName, new[] { "Windows-1252", "Latin-1" });
                    Assert.Equal("Müller", d["name"].Format(0));
                    Assert.Equal("Café", d["city"].Format(0));
                    Assert.Equal("Nîmes", d["city"].Format(2));
                }),
            new(
                "windows-1252-accents-after-64kb-of-ascii",
                [.. Utf8("name,n\n" + Rows(7000, i => $"plain{i % 50},{i}")), .. Utf8("Caf"), 0xE9, .. Utf8(",1\n")],
                Rows: 7001,
                WarningContains: "read as Windows-1252",
                Check: d =>
                {
                    Assert.Equal("UTF-8", d.Dialect!.EncodingName);
                    Assert.Equal("Café", d["name"].Format(7000));
                }),
            new(
                "semicolon-decimal-comma",
                Utf8("id;amount;name\n1;261,96;a\n2;1.234,50;b\n3;-0,5;c\n"),
                Rows: 3,
                Kinds: Kinds(("amount", ColumnKind.Numeric)),
                Check: d =>
                {
                    Assert.True(d.Dialect!.DecimalComma);
                    Assert.Equal(';', d.Dialect.Delimiter);
                    Assert.Equal([261.96, 1234.5, -0.5], Values(d, "amount"));
                }),
            new(
                "tab-delimited",
                Utf8("name\tage\tcity, state\nAnn\t31\tParis, FR\nBob\t45\tLyon, FR\n"),
                Rows: 2,
                Columns: 3,
                Check: d =>
                {
                    Assert.Equal('\t', d.Dialect!.Delimiter);
                    Assert.Equal("Paris, FR", d["city, state"].Format(0));
                }),
            new(
                "tab-delimited-with-commas-in-text",
                Utf8("name\tcity, state\nAnn\tParis, FR\nBob\tLyon, FR\n"),
                Rows: 2,
                Columns: 2,
                Check: d => Assert.Equal('\t', d.Dialect!.Delimiter)),
            new(
                "pipe-delimited",
                Utf8("a|b|c\n1|x, y|3\n4|z|6\n"),
                Rows: 2,
                Columns: 3,
                Check: d => Assert.Equal('|', d.Dialect!.Delimiter)),
            new(
                "single-field-200kb",
                Utf8("id,blob\n1,\"" + new string('x', 200_000) + "\"\n2,short\n"),
                Rows: 2,
                Check: d => Assert.Equal(200_000, d["blob"].Format(0).Length)),
            new(
                "three-thousand-columns",
                Utf8(string.Join(",", Enumerable.Range(1, 3000).Select(i => $"c{i}")) + "\n"
                    + string.Join(",", Enumerable.Range(1, 3000).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "\n"
                    + string.Join(",", Enumerable.Range(1, 3000).Select(i => (i * 2).ToString(CultureInfo.InvariantCulture))) + "\n"),
                Rows: 2,
                Columns: 3000,
                Check: d => Assert.Equal(6000, Number(d, "c3000", 1))),
            new(
                "very-long-lines",
                Utf8(string.Join(",", Enumerable.Range(1, 20).Select(i => $"t{i}")) + "\n"
                    + Rows(3, r => string.Join(",", Enumerable.Range(1, 20).Select(i => new string((char)('a' + ((r + i) % 26)), 5_000))))),
                Rows: 3,
                Columns: 20,
                Check: d => Assert.Equal(5_000, d["t20"].Format(2).Length)),
            new(
                "mixed-line-endings",
                Utf8("a,b\n1,2\r\n3,4\r5,6\n"),
                Rows: 3,
                Check: d =>
                {
                    Assert.Equal("mixed", d.Dialect!.LineEnding);
                    Assert.Equal([2.0, 4.0, 6.0], Values(d, "b"));
                }),
            new(
                "bom-in-middle-of-file",
                Utf8("a,b\n1,x\uFEFFy\n2,\uFEFFz\n3,w\n"),
                Rows: 3,
                Check: d => Assert.Equal("xy", d["b"].Format(0))),
            new(
                "missing-markers",
                Utf8("v,w\n1,a\nNA,b\nN/A,a\nnull,b\n-,a\n#N/A,b\n?,a\nNone,b\n9,\n"),
                Rows: 9,
                Kinds: Kinds(("v", ColumnKind.Numeric)),
                Check: d =>
                {
                    Assert.Equal(7, d["v"].MissingCount);
                    Assert.Equal(1, d["w"].MissingCount);
                }),
            new(
                "currency-dollar-thousands",
                Utf8("item,price\na,\"$1,234.50\"\nb,$12.50\nc,\"$0.99\"\n"),
                Rows: 3,
                Kinds: Kinds(("price", ColumnKind.Numeric)),
                Check: d => Assert.Equal([1234.5, 12.5, 0.99], Values(d, "price"))),
            new(
                "currency-euro-decimal-comma",
                Utf8("item;price\na;1.234,50 €\nb;€ 3.400,50\nc;12,00 €\n"),
                Rows: 3,
                Kinds: Kinds(("price", ColumnKind.Numeric)),
                Check: d => Assert.Equal([1234.5, 3400.5, 12.0], Values(d, "price"))),
            new(
                "currency-rupee-indian-grouping",
                Utf8("item,price\na,\"₹1,79,691\"\nb,₹1099\nc,\"₹12,34,567\"\n"),
                Rows: 3,
                Kinds: Kinds(("price", ColumnKind.Numeric)),
                Check: d => Assert.Equal([179691.0, 1099.0, 1234567.0], Values(d, "price"))),
            new(
                "space-thousands-decimal-comma",
                Utf8("item;amount\na;12 345,6\nb;1\u00A0000,25\nc;7\n"),
                Rows: 3,
                Kinds: Kinds(("amount", ColumnKind.Numeric)),
                Check: d => Assert.Equal([12345.6, 1000.25, 7.0], Values(d, "amount"))),
            new(
                "percent-and-pound-yen",
                Utf8("share,gbp,jpy\n64%,£5,¥1200\n12.5%,£7.25,\"¥1,000\"\n+3%,£0,¥3\n"),
                Rows: 3,
                Kinds: Kinds(("share", ColumnKind.Numeric), ("gbp", ColumnKind.Numeric), ("jpy", ColumnKind.Numeric)),
                Check: d =>
                {
                    Assert.Equal([64.0, 12.5, 3.0], Values(d, "share"));
                    Assert.Equal([1200.0, 1000.0, 3.0], Values(d, "jpy"));
                }),
            new(
                "dates-several-formats",
                Utf8("iso,dmy,mdy,dotted,stamp,survey\n"
                    + "2023-06-04,25/12/2023,12/25/2023,04.06.2023,2023-06-04 13:05,2023/06/04 1:28:19 PM GMT+5:30\n"
                    + "2024-01-31,01/02/2024,01/02/2024,31.01.2024,2024-01-31 08:00,2023/06/05 11:02:00 AM GMT+5:30\n"),
                Rows: 2,
                Kinds: Kinds(("iso", ColumnKind.DateTime), ("dmy", ColumnKind.DateTime), ("mdy", ColumnKind.DateTime), ("dotted", ColumnKind.DateTime), ("stamp", ColumnKind.DateTime), ("survey", ColumnKind.DateTime)),
                Check: d =>
                {
                    DateTime Date(string column, int row) => DateTimeValues.ToDateTime(Number(d, column, row));
                    Assert.Equal(new DateTime(2023, 6, 4), Date("iso", 0));
                    Assert.Equal(new DateTime(2024, 2, 1), Date("dmy", 1));
                    Assert.Equal(new DateTime(2024, 1, 2), Date("mdy", 1));
                    Assert.Equal(new DateTime(2024, 1, 31), Date("dotted", 1));
                    Assert.Equal(new DateTime(2023, 6, 4, 13, 5, 0), Date("stamp", 0));
                    Assert.Equal(new DateTime(2023, 6, 4, 7, 58, 19), Date("survey", 0)); // 1:28:19 PM at UTC+5:30
                }),
            new(
                "quoted-delimiters-and-newlines",
                Utf8("id,address,note\r\n1,\"12 Main St, Apt 4\",\"line one\r\nline two\"\r\n2,\"He said \"\"hi\"\"\",plain\r\n"),
                Rows: 2,
                Columns: 3,
                Check: d =>
                {
                    Assert.Equal("12 Main St, Apt 4", d["address"].Format(0));
                    Assert.Equal("line one\r\nline two", d["note"].Format(0));
                    Assert.Equal("He said \"hi\"", d["address"].Format(1));
                }),
            new(
                "multi-valued-column",
                Utf8("id,categories\n" + Rows(12, i => $"{i},{(i % 3) switch { 0 => "Books;Electronics", 1 => "Books", _ => "Toys;Books;Garden" }}")),
                Rows: 12,
                Kinds: Kinds(("id", ColumnKind.Identifier), ("categories", ColumnKind.MultiCategorical)),
                Check: d =>
                {
                    var multi = (MultiCategoricalColumn)d["categories"];
                    Assert.Equal(["Books", "Electronics", "Garden", "Toys"], multi.Levels.ToArray());
                    Assert.Equal(';', multi.Separator);
                    Assert.Equal("Toys;Books;Garden", multi.Format(1));
                }),
            new(
                "identifier-columns",
                Utf8("CustomerID,code,Age\n" + Rows(12, i => $"{i:0000},C-{i * 7},{20 + (i % 5)}")),
                Rows: 12,
                Kinds: Kinds(("CustomerID", ColumnKind.Identifier), ("code", ColumnKind.Identifier), ("Age", ColumnKind.Numeric)),
                Check: d => Assert.Equal("0001", d["CustomerID"].Format(0))),
            new(
                "boolean-columns",
                Utf8("yn,y,tf,bit,channel\nYes,Y,true,1,1\nNo,N,false,0,2\nyes,,TRUE,1,1\n"),
                Rows: 3,
                Kinds: Kinds(("yn", ColumnKind.Boolean), ("y", ColumnKind.Boolean), ("tf", ColumnKind.Boolean), ("bit", ColumnKind.Boolean), ("channel", ColumnKind.Numeric)),
                Check: d => Assert.Equal([1.0, 0.0, 1.0], Values(d, "yn"))),
            new(
                "trailing-delimiter-every-row",
                Utf8("a,b,\n1,2,\n3,4,\n"),
                Rows: 2,
                Columns: 3),
            new(
                "excel-separator-hint",
                Utf8("sep=;\r\nname;amount\r\nAnn;1,5\r\nBob;2\r\n"),
                Rows: 2,
                Columns: 2,
                Check: d =>
                {
                    Assert.Equal(';', d.Dialect!.Delimiter);
                    Assert.Equal([1.5, 2.0], Values(d, "amount"));
                }),
            new(
                "utf16-le-without-bom-refused-as-binary",
                Encoding.Unicode.GetBytes("name,amount\nAnn,1\n"),
                CsvLoadError.BinaryContent,
                MessageContains: "UTF-16"),
            new(
                "huge-row-from-unclosed-quote",
                Utf8("a,b\n1,\"" + new string('x', 5000) + "\n2,3\n"),
                CsvLoadError.TooLarge,
                Options: new CsvLoadOptions { MaxRecordBytes = 1024 },
                MessageContains: "never closed"),
            new("too-many-columns", Utf8("a,b,c,d\n1,2,3,4\n"), CsvLoadError.TooManyColumns, Line: 1, Options: new CsvLoadOptions { MaxColumns = 3 }),
            new("too-many-rows", Utf8("a\n" + Rows(10, i => $"{i}")), CsvLoadError.TooManyRows, Options: new CsvLoadOptions { MaxRows = 5 }),
        };
        return cases;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
