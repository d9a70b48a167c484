#!/usr/bin/python3
"""Makes a campaign-system customer table (one row per customer, like the public marketing
campaign dataset) and the derived date features expected for it (issue 10: dates offered as
derived features).

Run with the system Python (it has pandas):  /usr/bin/python3 realcore_make_campaign.py
Pinned versions used to generate the committed files: Python 3.11.2, pandas 1.5.3, numpy 1.24.2
(also written into realcore_campaign_expected.json).

Writes, next to this script:
  realcore_campaign.csv            tab-separated like the public file: ID, Year_Birth (with the
                                   public file's outliers 1893/1899/1900), Education,
                                   Marital_Status, Income, Kidhome, Teenhome, Dt_Customer
                                   (dd-MM-yyyy), Last_Purchase (yyyy-MM-dd), Recency, MntWines,
                                   MntMeatProducts, NumWebPurchases, NumCatalogPurchases, Response,
                                   and contact columns a CRM export adds: Name, Email, Phone
  realcore_campaign_expected.json  the as-of day (the last date in the file, either date column)
                                   and per row: tenure (days from Dt_Customer), days since
                                   Last_Purchase, age (as-of year minus Year_Birth)

The rules (the same as DerivedFeatures):
  - as-of day: the latest day in any date column that is not a birth date;
  - days since / tenure: whole days from the row's day to the as-of day;
  - age from a birth year: the as-of year minus the birth year.
"""
import json
import platform
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
rng = np.random.default_rng(10)
n = 240
education = np.array(["Graduation", "PhD", "Master", "Basic", "2n Cycle"])
marital = np.array(["Married", "Together", "Single", "Divorced", "Widow"])
first = np.array(["Ana", "Björn", "Chloé", "Dmitri", "Eva", "Femi", "Grace", "Hugo"])
last = np.array(["Lind", "García", "Müller", "Okafor", "Smith", "Tanaka"])

rich = rng.random(n) < 0.35
year_birth = rng.integers(1945, 1998, n)
year_birth[:3] = [1893, 1899, 1900]
enrol = pd.Timestamp("2012-07-30") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
recency = rng.integers(0, 100, n)
last_purchase = pd.Timestamp("2014-10-04") - pd.to_timedelta(recency, unit="D")
frame = pd.DataFrame({
    "ID": 5000 + np.arange(n) * 7,
    "Year_Birth": year_birth,
    "Education": np.where(rich, education[rng.integers(1, 3, n)], education[rng.integers(0, 5, n)]),
    "Marital_Status": marital[rng.integers(0, 5, n)],
    "Income": np.where(rich, rng.integers(70000, 100000, n), rng.integers(20000, 50000, n)),
    "Kidhome": rng.integers(0, 3, n),
    "Teenhome": rng.integers(0, 3, n),
    "Dt_Customer": enrol.strftime("%d-%m-%Y"),
    "Last_Purchase": last_purchase.strftime("%Y-%m-%d"),
    "Recency": recency,
    "MntWines": np.where(rich, rng.integers(500, 1300, n), rng.integers(0, 200, n)),
    "MntMeatProducts": rng.integers(0, 600, n),
    "NumWebPurchases": rng.integers(0, 12, n),
    "NumCatalogPurchases": np.where(rich, rng.integers(5, 11, n), rng.integers(0, 3, n)),
    "Response": rng.integers(0, 2, n),
    "Name": [f"{first[i % len(first)]} {last[(i * 5) % len(last)]}" for i in range(n)],
    "Email": [f"customer{i}@example.com" for i in range(n)],
    "Phone": [f"+46 8 {100000 + i * 37:06d}" for i in range(n)],
})
frame.to_csv(HERE / "realcore_campaign.csv", sep="\t", index=False, lineterminator="\n")

# The expected features, computed from the file as written (read back, dates parsed).
read = pd.read_csv(HERE / "realcore_campaign.csv", sep="\t")
enrolled = pd.to_datetime(read["Dt_Customer"], format="%d-%m-%Y")
purchased = pd.to_datetime(read["Last_Purchase"], format="%Y-%m-%d")
as_of = max(enrolled.max(), purchased.max()).normalize()
expected = {
    "versions": {"python": platform.python_version(), "pandas": pd.__version__, "numpy": np.__version__},
    "asOf": as_of.strftime("%Y-%m-%d"),
    "tenureDays": [int(d) for d in (as_of - enrolled.dt.normalize()).dt.days],
    "daysSinceLastPurchase": [int(d) for d in (as_of - purchased.dt.normalize()).dt.days],
    "age": [int(as_of.year - y) for y in read["Year_Birth"]],
}
(HERE / "realcore_campaign_expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
