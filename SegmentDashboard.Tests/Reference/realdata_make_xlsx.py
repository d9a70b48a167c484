#!/usr/bin/python3
"""Writes realdata_orders.xlsx (pinned: Python 3.11.2, openpyxl 3.0.9): the first 200 rows of
realdata_invoices.csv as typed cells (numbers, real dates) on a sheet 'Orders', after a first
sheet 'Notes'. The test reads sheet 'Orders' and compares with the CSV.
Run: /usr/bin/python3 realdata_make_xlsx.py
"""
import csv
import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def main():
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["Generated for issue 10"])
    sheet = book.create_sheet("Orders")
    with open(HERE / "realdata_invoices.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    sheet.append(rows[0])
    for row in rows[1:201]:
        invoice, stock, desc, qty, date, price, customer, country = row
        if "/" in date:
            parsed = datetime.datetime.strptime(date, "%d/%m/%Y %H:%M")
        else:
            parsed = datetime.datetime.strptime(date, "%Y-%m-%d %H:%M")
        sheet.append([invoice, stock, desc, int(qty), parsed, float(price), int(customer) if customer else None, country])
    book.properties.created = datetime.datetime(2026, 11, 29)
    book.save(HERE / "realdata_orders.xlsx")


if __name__ == "__main__":
    main()
