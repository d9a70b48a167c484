"""Expected values for the Gower linkage and Gower silhouette tests (issue 11, kproto).

Run with the system interpreter that has SciPy and scikit-learn:
    /usr/bin/python3 SegmentDashboard.Tests/Reference/kproto_gower_reference.py
Pinned versions it was generated with (asserted below): scipy 1.10.1, scikit-learn 1.2.1, numpy 1.24.2.
Writes kproto_gower_linkage.json next to this script: a seeded mixed fixture (numbers and category
codes), its Gower matrix built naively from Gower's (1971) definition, SciPy's linkage (average,
complete, single) on the condensed matrix, the 3-segment cut of each (fcluster maxclust), and
scikit-learn's silhouette on the precomputed Gower matrix for each cut.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.metrics import silhouette_samples, silhouette_score

assert scipy.__version__ == "1.10.1", scipy.__version__
assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__ == "1.24.2", np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def gower_matrix(numbers, codes):
    """Naive Gower: mean over features of |a - b| / range (numbers) and a != b (categories)."""
    n = numbers.shape[0]
    ranges = numbers.max(axis=0) - numbers.min(axis=0)
    d = np.zeros((n, n))
    features = numbers.shape[1] + codes.shape[1]
    for i in range(n):
        for j in range(n):
            total = 0.0
            for f in range(numbers.shape[1]):
                total += abs(numbers[i, f] - numbers[j, f]) / ranges[f] if ranges[f] > 0 else 0.0
            for f in range(codes.shape[1]):
                total += 0.0 if codes[i, f] == codes[j, f] else 1.0
            d[i, j] = total / features
    return d


def fixture(seed, rows):
    rng = np.random.RandomState(seed)
    # Three planted groups: numbers around different centres, categories mostly one level per group.
    group = rng.randint(0, 3, size=rows)
    numbers = np.column_stack([
        rng.normal(loc=[20, 40, 60][0], scale=8, size=rows) + 15 * group,
        rng.uniform(0, 100, size=rows),
    ])
    codes = np.column_stack([
        np.where(rng.rand(rows) < 0.8, group, rng.randint(0, 3, size=rows)),
        rng.randint(0, 4, size=rows),
    ])
    return numbers, codes


def main():
    numbers, codes = fixture(11, 40)
    d = gower_matrix(numbers, codes)
    condensed = squareform(d, checks=False)
    out = {
        "numbers": numbers.tolist(),
        "codes": codes.tolist(),
        "condensed": condensed.tolist(),
        "methods": {},
    }
    for method in ["average", "complete", "single"]:
        z = linkage(condensed, method=method)
        labels = fcluster(z, t=3, criterion="maxclust") - 1
        out["methods"][method] = {
            "linkage": z.tolist(),
            "cut3": labels.tolist(),
            "silhouette": float(silhouette_score(d, labels, metric="precomputed")),
            "silhouetteSamples": silhouette_samples(d, labels, metric="precomputed").tolist(),
        }
    with open(os.path.join(HERE, "kproto_gower_linkage.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
