#!/usr/bin/python3
"""Reference values from scikit-learn and SciPy for the engine's tests (clustering, metrics, PCA).

Pinned versions: engine_requirements.txt (numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1, the
Debian bookworm packages). Regenerate from anywhere with Debian's interpreter:
    /usr/bin/python3 SegmentDashboard.Tests/Reference/engine_make_fixtures.py
Writes, next to this script:
  engine_fixture_small.csv            300 customers x 4 features (seeded, raw)
  engine_fixture_small_expected.json  everything the tests compare against
The tests copy both to their output folder and never skip. A run with other versions warns: the
K-means partitions may then differ (the metrics for the stored labels do not).
"""
import json
import os
import warnings

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage
from sklearn.cluster import DBSCAN, KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import (adjusted_rand_score, calinski_harabasz_score, davies_bouldin_score,
                             silhouette_samples, silhouette_score)

PINNED = {"numpy": "1.24.2", "scipy": "1.10.1", "sklearn": "1.2.1"}
FOUND = {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__}
if FOUND != PINNED:
    warnings.warn(f"versions {FOUND} differ from the pinned {PINNED}")

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


rng = np.random.default_rng(7)
centers = np.array([[30, 52000, 4.1, 12], [45, 81000, 2.2, 4], [24, 31000, 3.6, 25], [58, 64000, 4.7, 7]], float)
spread = np.array([4, 6000, 0.4, 3], float)
sizes = [90, 70, 80, 60]
raw = np.concatenate([rng.normal(c, spread, size=(s, 4)) for c, s in zip(centers, sizes)])
raw = raw[rng.permutation(len(raw))].round(4)
names = ["Age", "Income", "Rating", "PurchasesPerYear"]
np.savetxt(path("engine_fixture_small.csv"), raw, delimiter=",", header=",".join(names), comments="", fmt="%.4f")

X = (raw - raw.mean(axis=0)) / raw.std(axis=0)          # z-score, population std (StandardScaler)
out = {"versions": FOUND, "columns": names, "scaling": "zscore with population standard deviation (ddof=0)",
       "zscore": {"mean": raw.mean(axis=0).tolist(), "std": raw.std(axis=0).tolist()}}

km = KMeans(n_clusters=4, n_init=10, random_state=0).fit(X)
lab = km.labels_
out["kmeans_k4"] = {"labels": lab.tolist(), "inertia": km.inertia_, "centers": km.cluster_centers_.tolist()}
out["metrics_for_kmeans_k4_labels"] = {
    "silhouette": silhouette_score(X, lab), "calinski_harabasz": calinski_harabasz_score(X, lab),
    "davies_bouldin": davies_bouldin_score(X, lab), "silhouette_samples": silhouette_samples(X, lab).tolist()}
sweep = {}
for k in range(2, 9):
    m = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    sweep[k] = {"inertia": m.inertia_, "silhouette": silhouette_score(X, m.labels_),
                "calinski_harabasz": calinski_harabasz_score(X, m.labels_),
                "davies_bouldin": davies_bouldin_score(X, m.labels_)}
out["kmeans_sweep_best_of_10"] = sweep
out["best_k_by_silhouette"] = max(sweep, key=lambda k: sweep[k]["silhouette"])
for method in ("ward", "complete", "average", "single"):
    Z = linkage(X, method)
    cut = fcluster(Z, 4, "maxclust")
    out[f"linkage_{method}"] = {"Z": Z.tolist(), "cut_k4_labels": cut.tolist(),
                                "ari_vs_kmeans_k4": adjusted_rand_score(lab, cut),
                                "leaf_order": dendrogram(Z, no_plot=True)["leaves"]}
db = DBSCAN(eps=0.5, min_samples=5).fit(X)
dl = db.labels_
kept = dl >= 0
Xk, lk = X[kept], dl[kept]
out["dbscan_eps0.5_min5"] = {
    "labels": dl.tolist(), "n_clusters": int(len(set(dl)) - (1 if -1 in dl else 0)), "n_noise": int((dl == -1).sum()),
    # Metrics of the engine exclude noise: scikit-learn on X[labels >= 0], labels[labels >= 0].
    "without_noise": {
        "inertia": float(sum(((Xk[lk == c] - Xk[lk == c].mean(axis=0)) ** 2).sum() for c in set(lk))),
        "silhouette": silhouette_score(Xk, lk), "calinski_harabasz": calinski_harabasz_score(Xk, lk),
        "davies_bouldin": davies_bouldin_score(Xk, lk)}}
p = PCA(n_components=2).fit(X)
out["pca2"] = {"explained_variance_ratio": p.explained_variance_ratio_.tolist(),
               "components_abs": np.abs(p.components_).tolist(),
               "note": "component signs are arbitrary; compare absolute values or projections up to sign"}

# Small hand-made cases (formerly pasted into the tests as constants).
xs = np.array([[0.0], [1.0], [5.0], [6.0], [20.0]])
ls = np.array([0, 0, 1, 1, 2])
out["silhouette_singleton"] = {"x": xs[:, 0].tolist(), "labels": ls.tolist(),
                               "samples": silhouette_samples(xs, ls).tolist(), "score": silhouette_score(xs, ls)}
pairs = [([0, 0, 1, 1], [0, 0, 1, 2]), ([0, 0, 0, 1, 1, 1, 2, 2], [1, 1, 0, 0, 2, 2, 2, -1]),
         ([-1, -1, 0, 0, 1, 1], [0, 0, 0, 1, 1, 1]), ([0, 1, 2, 3], [0, 0, 1, 1]),
         ([3, 3, 7, 7, 9], [0, 0, 1, 1, 2]), ([0, 0, 0], [4, 4, 4])]
out["ari_small"] = [{"a": a, "b": b, "ari": adjusted_rand_score(a, b)} for a, b in pairs]

# Micro-cluster linkage: six weighted points. Unit weights = linkage(points, method); weights w =
# linkage of the points repeated w times, without the zero-height merges of the copies.
points = np.array([[6.1, -7.7], [1.3, -1.7], [-1.4, -0.6], [-6.1, -0.7], [-2.6, 10.0], [0.7, -1.1]])
weights = [1, 3, 2, 1, 4, 2]
micro = {"points": points.tolist(), "weights": weights, "unit": {}, "weighted": {}}
for method in ("ward", "complete", "single", "average"):
    micro["unit"][method] = linkage(points, method)[:, 2].tolist()
for method in ("ward", "average"):
    heights = linkage(np.repeat(points, weights, axis=0), method)[:, 2]
    micro["weighted"][method] = heights[heights > 0].tolist()
out["micro_cluster_linkage"] = micro

with open(path("engine_fixture_small_expected.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote engine_fixture_small.csv and engine_fixture_small_expected.json; best k by silhouette:",
      out["best_k_by_silhouette"])
