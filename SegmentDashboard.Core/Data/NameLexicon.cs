using SegmentDashboard.Core.Profiling;

namespace SegmentDashboard.Core.Data;

/// <summary>
/// Column meanings from header words: common spellings in English, German, Spanish, French and
/// Swedish. The first matching entry wins, so specific entries (date parts, product names) come
/// before general ones (ids, names).
/// </summary>
internal static class NameLexicon
{
    private sealed record Entry(ColumnMeaning Meaning, string What, Func<string[], string, bool> Matches);

    private static readonly string[] DatePartWords = ["qtr", "quarter", "quartal", "trimestre", "month", "monat", "mes", "mois", "year", "jahr", "ano", "año", "annee", "week", "woche", "semana", "weekday", "hour", "stunde", "hora", "dow"];
    private static readonly string[] DemographicWords = ["age", "alter", "edad", "birth", "born", "geburt", "birthday", "sex", "gender", "geschlecht", "sexo", "sexe", "income", "salary", "einkommen", "ingreso", "ingresos", "revenu", "education", "bildung", "educacion", "marital", "married", "familienstand", "household", "kidhome", "teenhome", "children", "kids", "kinder", "hijos", "occupation", "job", "beruf", "profession", "ocupacion"];
    private static readonly string[] ContactFragments = ["name", "email", "mail", "phone", "telef", "mobile", "handy", "fax", "address", "adress", "direccion", "street", "strasse", "straße", "gata", "postal", "postcode", "zipcode", "contact", "kontakt"];
    private static readonly string[] ContactWords = ["zip", "plz", "tel", "nom", "nombre", "apellido", "vorname", "nachname", "prenom", "cp", "calle", "rue"];
    private static readonly string[] ProductWords = ["product", "products", "productline", "productname", "category", "categories", "kategorie", "categoria", "categorie", "item", "items", "article", "artikel", "warengruppe", "genre", "department", "dept", "brand", "marke", "marca", "description", "preferred", "interest", "interests", "produkt", "producto", "produit", "vara", "varor"];
    private static readonly string[] CustomerWords = ["customer", "client", "kunde", "kunden", "cliente", "kund", "buyer", "user", "member", "account"];
    private static readonly string[] NumberWords = ["id", "no", "nr", "num", "number", "nummer", "numero", "code", "key", "ref", "reference"];
    private static readonly string[] DocumentWords = ["order", "invoice", "receipt", "transaction", "ticket", "bestellung", "rechnung", "factura", "pedido", "commande", "facture", "order", "ordernumber", "invoiceno", "orderid", "invoiceid", "stock", "sku", "ean", "upc", "isbn", "uuid", "guid", "bestellnummer", "rechnungsnummer", "kundennummer"];
    private static readonly string[] StatusWords = ["status", "estado", "statut", "stage", "zustand"];
    private static readonly string[] GeographyWords = ["country", "land", "pais", "país", "pays", "city", "stadt", "ciudad", "ville", "stad", "region", "territory", "province", "provincia", "state", "bundesland", "continent", "market", "zone", "area", "location", "ort", "county"];
    private static readonly string[] RatingWords = ["rating", "ratings", "score", "stars", "star", "satisfaction", "bewertung", "puntuacion", "nps", "rated", "note"];
    private static readonly string[] AmountWords = ["spend", "spent", "spending", "sales", "revenue", "amount", "price", "priceeach", "unitprice", "preis", "precio", "prix", "cost", "total", "value", "betrag", "umsatz", "importe", "monetary", "mnt", "payment", "paid", "belopp", "pris"];
    private static readonly string[] CountWords = ["count", "num", "quantity", "quantityordered", "qty", "menge", "anzahl", "cantidad", "purchases", "orders", "visits", "frequency", "transactions", "sessions", "clicks", "antal"];

    private static readonly Entry[] Entries =
    [
        new(ColumnMeaning.DatePart, "a year, quarter or month id cut from a date", (w, c) => w.Any(DatePartWords.Contains) && !w.Any(x => x is "birth" or "since" or "days" or "years" or "per" or "spend") && (w.Length == 1 || w.Any(NumberWords.Contains))),
        new(ColumnMeaning.Demographic, "a demographic (age, sex, income, education, household)", (w, c) => w.Any(DemographicWords.Contains) || c.StartsWith("yearbirth", StringComparison.Ordinal)),
        new(ColumnMeaning.Product, "a product or category", (w, c) => w.Any(ProductWords.Contains) && !w.Any(NumberWords.Contains) && !w.Any(x => x is "stock")),
        new(ColumnMeaning.Contact, "a person's name or contact details", (w, c) => ContactFragments.Any(f => c.Contains(f, StringComparison.Ordinal)) || w.Any(ContactWords.Contains)),
        new(ColumnMeaning.Identifier, "an order, invoice, product or customer number", (w, c) => IsIdentifierName(w, c)),
        new(ColumnMeaning.Status, "an order or customer status", (w, c) => w.Any(StatusWords.Contains) || c.EndsWith("status", StringComparison.Ordinal)),
        new(ColumnMeaning.Geography, "a place", (w, c) => w.Any(GeographyWords.Contains)),
        new(ColumnMeaning.Rating, "a rating or score", (w, c) => w.Any(RatingWords.Contains)),
        new(ColumnMeaning.Amount, "an amount of money", (w, c) => w.Any(AmountWords.Contains) || (w.Length > 0 && w[0] == "mnt")),
        new(ColumnMeaning.Count, "a count", (w, c) => w.Any(CountWords.Contains) || (w.Length > 1 && w[0] is "num" or "n" or "number")),
    ];

    /// <summary>The meaning the header suggests and why, or <see cref="ColumnMeaning.Other"/>.</summary>
    public static (ColumnMeaning Meaning, string Why) Classify(string name)
    {
        var words = FeatureConcepts.Words(name);
        var compact = string.Concat(words);
        foreach (var entry in Entries)
        {
            if (entry.Matches(words, compact))
            {
                return (entry.Meaning, "looks like " + entry.What);
            }
        }

        return (ColumnMeaning.Other, "a measure or category");
    }

    private static bool IsIdentifierName(string[] words, string compact)
    {
        if (words.Length == 0)
        {
            return false;
        }

        // CustomerID, Cus_ID, order_no, InvoiceNo, StockCode, ORDERNUMBER, Kunde, Bestellung, uuid.
        if (words[^1] is "id" or "uuid" or "guid" || compact.EndsWith("id", StringComparison.Ordinal) && words.Length == 1 && compact.Length <= 8 && compact != "paid")
        {
            return true;
        }

        if (words.Any(DocumentWords.Contains) && (words.Length == 1 || words.Any(NumberWords.Contains)))
        {
            return true;
        }

        if (DocumentWords.Any(d => d.Length > 5 && compact.Contains(d, StringComparison.Ordinal)) && NumberWords.Any(n => compact.EndsWith(n, StringComparison.Ordinal)))
        {
            return true;
        }

        return words.Length <= 2 && CustomerWords.Contains(words[0]) && (words.Length == 1 || NumberWords.Contains(words[1]));
    }
}
