#!/usr/bin/python3
"""Makes the transactions files of issue 10 and their expected customer tables.

Run with the system Python (it has pandas):  /usr/bin/python3 realdata_make_expected.py
Pinned versions used to generate the committed files: Python 3.11.2, pandas 1.5.3, numpy 1.24.2
(also written into realdata_expected.json).

Writes, next to this script:
  realdata_orderlines.csv   order lines (sample-sales style: ORDERNUMBER, QUANTITYORDERED, PRICEEACH,
                            SALES, ORDERDATE M/d/yyyy H:mm, STATUS, QTR_ID, MONTH_ID, YEAR_ID, PRODUCTLINE,
                            CUSTOMERNAME, PHONE, ADDRESSLINE1, CITY, POSTALCODE, COUNTRY, CONTACT...),
                            with returns (negative quantity and sales) and rows without a customer
  realdata_invoices.csv     invoice lines (online-retail style: InvoiceNo, StockCode, Description,
                            Quantity, InvoiceDate, UnitPrice, CustomerID, Country) with cancellation
                            invoices C..., negative quantities, empty CustomerID and TWO date formats
                            in one column (ISO yyyy-MM-dd HH:mm and dd/MM/yyyy HH:mm)
  realdata_cp850.csv        a German export in the DOS code page CP850 (semicolons, decimal comma,
                            dd.MM.yyyy), customer names such as Berguvsvägen / Cataluña
  realdata_expected.json    per file: the customer table computed with a pandas groupby

The rules (the same as CustomerTableBuilder):
  - rows without a customer are counted and left out;
  - spend = quantity * price (or the amount column);
  - a return/cancellation is a row with quantity < 0 or spend < 0 or an order number 'C' + digit;
    returns are netted into the spend, are not orders, and do not move first/last purchase dates;
  - orders = distinct order numbers among purchase rows; recency/tenure = whole days from the
    last/first purchase day to the as-of day (default: the last day in the file);
  - customers with only returns are left out; customers are in order of first appearance;
  - RFM: rank with ties in table order (rank(method="first")), score = (rank-1)*5//n + 1,
    recency ranked longest-ago first.
"""
import json
import random
import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent

FIRST = ["Anna", "Björn", "Carla", "David", "Elena", "Frank", "Greta", "Hugo", "Inés", "Jonas", "Karin", "Luis"]
LAST = ["Berglund", "Muñoz", "Schmidt", "Rossi", "Dubois", "Nowak", "Jensen", "García", "Smith", "Ødegaard"]
STREETS = ["Berguvsvägen 8", "Carrer de Cataluña 12", "Hauptstraße 5", "Rue des Lilas 3", "Main St 101"]
PRODUCTS = ["Classic Cars", "Vintage Cars", "Motorcycles", "Planes", "Ships", "Trains", "Trucks and Buses"]
COUNTRIES = ["Sweden", "Spain", "Germany", "France", "USA", "Norway"]


def make_orderlines(rng):
    customers = [f"{rng.choice(LAST)} {name} Co." for name in ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta",
                                                                  "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
                                                                  "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau",
                                                                  "Upsilon", "Phi", "Chi", "Psi", "Omega"]]
    info = {c: (f"+1 (555) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}", rng.choice(STREETS),
                f"{rng.randint(10000, 99999)}", rng.choice(COUNTRIES), rng.choice(LAST), rng.choice(FIRST)) for c in customers}
    rows = []
    order = 10100
    for _ in range(260):
        order += 1
        customer = rng.choice(customers) if rng.random() > 0.04 else ""
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        year = rng.choice([2023, 2024])
        hour = rng.randint(0, 23)
        status = rng.choice(["Shipped", "Shipped", "Shipped", "Resolved", "On Hold", "Cancelled"])
        lines = rng.randint(1, 6)
        for _ in range(lines):
            qty = rng.randint(10, 60)
            price = round(rng.uniform(30, 120), 2)
            if rng.random() < 0.05:
                qty = -qty
            sales = round(qty * price, 2)
            phone, street, postal, country, last, first = info.get(customer, ("", "", "", "", "", ""))
            rows.append({
                "ORDERNUMBER": order, "QUANTITYORDERED": qty, "PRICEEACH": f"{price:.2f}", "SALES": f"{sales:.2f}",
                "ORDERDATE": f"{month}/{day}/{year} {hour}:00", "STATUS": status,
                "QTR_ID": (month - 1) // 3 + 1, "MONTH_ID": month, "YEAR_ID": year,
                "PRODUCTLINE": rng.choice(PRODUCTS), "CUSTOMERNAME": customer, "PHONE": phone,
                "ADDRESSLINE1": street, "CITY": rng.choice(["Luleå", "Barcelona", "Berlin", "Paris", "NYC"]),
                "POSTALCODE": postal, "COUNTRY": country, "TERRITORY": rng.choice(["EMEA", "NA", "APAC"]),
                "CONTACTLASTNAME": last, "CONTACTFIRSTNAME": first,
            })
    frame = pd.DataFrame(rows)
    frame.to_csv(HERE / "realdata_orderlines.csv", index=False, encoding="utf-8", lineterminator="\r\n")
    return frame


def make_invoices(rng):
    stock = [(f"{rng.randint(10000, 99999)}{rng.choice(['', 'A', 'B'])}", desc, price) for desc, price in
             [("WHITE HANGING HEART T-LIGHT HOLDER", 2.55), ("REGENCY CAKESTAND 3 TIER", 12.75), ("JUMBO BAG RED RETROSPOT", 1.95),
              ("PARTY BUNTING", 4.95), ("LUNCH BAG RED RETROSPOT", 1.65), ("SET OF 3 CAKE TINS PANTRY DESIGN", 4.95),
              ("ASSORTED COLOUR BIRD ORNAMENT", 1.69), ("PACK OF 72 RETROSPOT CAKE CASES", 0.55)]]
    customers = [12346 + 7 * i for i in range(40)]
    rows = []
    invoice = 536365
    for _ in range(420):
        invoice += 1
        customer = rng.choice(customers) if rng.random() > 0.06 else None
        cancel = rng.random() < 0.07
        month, day, hour, minute = rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 18), rng.randint(0, 59)
        year = 2011 if month < 12 or day < 10 else 2010
        iso = rng.random() < 0.5
        date = f"{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}" if iso else f"{day:02d}/{month:02d}/{year} {hour:02d}:{minute:02d}"
        country = rng.choice(COUNTRIES)
        for _ in range(rng.randint(1, 5)):
            code, desc, price = rng.choice(stock)
            qty = rng.randint(1, 24)
            rows.append({
                "InvoiceNo": ("C" if cancel else "") + str(invoice), "StockCode": code, "Description": desc,
                "Quantity": -qty if cancel else qty, "InvoiceDate": date, "UnitPrice": f"{price:.2f}",
                "CustomerID": "" if customer is None else str(customer), "Country": country,
            })
    frame = pd.DataFrame(rows)
    frame.to_csv(HERE / "realdata_invoices.csv", index=False, encoding="utf-8", lineterminator="\r\n")
    return frame


def make_cp850(rng):
    names = ["Berguvsvägen Handel", "Cataluña Import", "Müller & Söhne", "Årstad Café", "Peña Señor", "Übersee GmbH",
             "Crème Brûlée SARL", "Ålesund Fisk", "Zürich Uhren", "Göteborg Bröd", "Niño Juguetes", "Façade Design"]
    rows = []
    order = 5000
    for _ in range(150):
        order += 1
        customer = rng.choice(names) if rng.random() > 0.05 else ""
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        group = rng.choice(["Getränke", "Süßwaren", "Käse", "Gemüse"])
        for _ in range(rng.randint(1, 3)):
            amount = -round(rng.uniform(5, 100), 2) if rng.random() < 0.06 else round(rng.uniform(5, 400), 2)
            rows.append({"Kunde": customer, "Bestelldatum": f"{day:02d}.{month:02d}.2024", "Betrag": f"{amount:.2f}".replace(".", ","),
                         "Bestellung": f"B-{order}", "Warengruppe": group})
    frame = pd.DataFrame(rows)
    with open(HERE / "realdata_cp850.csv", "w", encoding="cp850", newline="") as handle:
        frame.to_csv(handle, index=False, sep=";", lineterminator="\r\n")
    return frame


def rfm(table):
    n = len(table)

    def fifths(series, ascending):
        rank = series.rank(method="first", ascending=ascending).astype(int)
        return ((rank - 1) * 5 // n + 1).astype(int)

    r = fifths(table["recency"], ascending=False)
    f = fifths(table["frequency"].astype(float), ascending=True)
    m = fifths(table["monetary"], ascending=True)
    return [f"{a}{b}{c}" for a, b, c in zip(r, f, m)]


def customer_table(customer, day, spend, order, quantity, category, top=5):
    """The pandas groupby reference: all arguments are aligned Series over the file's rows."""
    frame = pd.DataFrame({"customer": customer, "day": day, "spend": spend, "order": order,
                          "quantity": quantity if quantity is not None else 0.0, "category": category})
    rows = len(frame)
    no_customer = frame["customer"].isna() | (frame["customer"].astype(str).str.strip() == "")
    frame = frame[~no_customer]
    unusable = frame["day"].isna() | frame["spend"].isna()
    frame = frame[~unusable]
    is_return = (frame["spend"] < 0) | (frame["quantity"] < 0) | frame["order"].astype(str).str.match(r"^[Cc][0-9]")
    purchases = frame[~is_return]
    as_of = frame.loc[~is_return, "day"].max()

    net = frame.groupby("customer", sort=False)["spend"].sum()
    grouped = purchases.groupby("customer", sort=False)
    table = pd.DataFrame({
        "frequency": grouped["order"].nunique(),
        "last": grouped["day"].max(),
        "first": grouped["day"].min(),
        "products": grouped["category"].nunique(),
    })
    order_of_appearance = frame.loc[frame["customer"].isin(table.index), "customer"].drop_duplicates()
    table = table.loc[order_of_appearance.values]
    table["monetary"] = net.loc[table.index].round(6)
    table["recency"] = (as_of - table["last"]).dt.days
    table["tenure"] = (as_of - table["first"]).dt.days
    table["aov"] = (table["monetary"] / table["frequency"]).round(6)

    totals = frame.groupby("category")["spend"].sum()
    ranked = sorted(totals.index, key=lambda level: (-totals[level], level))[:top]
    shares = {}
    by_cat = frame[frame["category"].isin(ranked)].groupby(["customer", "category"])["spend"].sum()
    for level in ranked:
        values = []
        for cust in table.index:
            spend_cat = by_cat.get((cust, level), 0.0)
            values.append(round(spend_cat / table.loc[cust, "monetary"], 6) if table.loc[cust, "monetary"] > 0 else 0.0)
        shares[level] = values

    return {
        "sourceRows": rows,
        "rowsWithoutCustomer": int(no_customer.sum()),
        "rowsWithoutValue": int(unusable.sum()),
        "returnRows": int(is_return.sum()),
        "customersWithOnlyReturns": int(net.index.difference(table.index).size),
        "asOf": as_of.strftime("%Y-%m-%d"),
        "customers": [str(c) for c in table.index],
        "recencyDays": [int(x) for x in table["recency"]],
        "frequency": [int(x) for x in table["frequency"]],
        "monetary": [float(x) for x in table["monetary"]],
        "averageOrderValue": [float(x) for x in table["aov"]],
        "tenureDays": [int(x) for x in table["tenure"]],
        "distinctProducts": [int(x) for x in table["products"]],
        "shares": shares,
        "rfm": rfm(table),
    }


def main():
    rng = random.Random(20261129)
    orderlines = make_orderlines(rng)
    invoices = make_invoices(rng)
    cp850 = make_cp850(rng)

    # Read back the written files, as a user's pandas would, with explicit formats.
    ol = pd.read_csv(HERE / "realdata_orderlines.csv", keep_default_na=False, na_values=[""])
    ol_day = pd.to_datetime(ol["ORDERDATE"], format="%m/%d/%Y %H:%M").dt.normalize()
    ol_customer = ol["CUSTOMERNAME"].where(ol["CUSTOMERNAME"].notna(), None)
    expected_ol = customer_table(ol_customer, ol_day, ol["QUANTITYORDERED"] * ol["PRICEEACH"], ol["ORDERNUMBER"].astype(str),
                                 ol["QUANTITYORDERED"], ol["PRODUCTLINE"])

    inv = pd.read_csv(HERE / "realdata_invoices.csv", dtype={"CustomerID": "string", "InvoiceNo": "string"}, keep_default_na=False, na_values=[""])
    iso = pd.to_datetime(inv["InvoiceDate"], format="%Y-%m-%d %H:%M", errors="coerce")
    dmy = pd.to_datetime(inv["InvoiceDate"], format="%d/%m/%Y %H:%M", errors="coerce")
    inv_day = iso.fillna(dmy).dt.normalize()
    expected_inv = customer_table(inv["CustomerID"], inv_day, inv["Quantity"] * inv["UnitPrice"], inv["InvoiceNo"],
                                  inv["Quantity"], inv["Description"])

    cp = pd.read_csv(HERE / "realdata_cp850.csv", sep=";", encoding="cp850", decimal=",", keep_default_na=False, na_values=[""])
    cp_day = pd.to_datetime(cp["Bestelldatum"], format="%d.%m.%Y")
    expected_cp = customer_table(cp["Kunde"], cp_day, cp["Betrag"], cp["Bestellung"], None, cp["Warengruppe"])

    expected = {
        "generator": {"python": sys.version.split()[0], "pandas": pd.__version__, "numpy": np.__version__},
        "files": {
            "realdata_orderlines.csv": {"customer": "CUSTOMERNAME", "date": "ORDERDATE", "quantity": "QUANTITYORDERED",
                                        "price": "PRICEEACH", "order": "ORDERNUMBER", "category": "PRODUCTLINE", **expected_ol},
            "realdata_invoices.csv": {"customer": "CustomerID", "date": "InvoiceDate", "quantity": "Quantity",
                                      "price": "UnitPrice", "order": "InvoiceNo", "category": "Description", **expected_inv},
            "realdata_cp850.csv": {"customer": "Kunde", "date": "Bestelldatum", "amount": "Betrag",
                                   "order": "Bestellung", "category": "Warengruppe", **expected_cp},
        },
    }
    (HERE / "realdata_expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
