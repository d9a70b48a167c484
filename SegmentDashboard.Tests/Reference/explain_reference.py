"""Expected values for the explain/compare tests (issue 11).

Run with the system interpreter that has scikit-learn:
    /usr/bin/python3 SegmentDashboard.Tests/Reference/explain_reference.py
Pinned versions it was generated with (asserted below): scikit-learn 1.2.1, numpy 1.24.2.
Writes explain_tree.json (CART fixtures and scikit-learn's trees) and
explain_partition_scores.json (ARI / NMI of label pairs) next to this script.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.tree import DecisionTreeClassifier

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__ == "1.24.2", np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def tree_fixture(name, seed, rows, features, classes, min_leaf):
    rng = np.random.RandomState(seed)
    # Integers (exact in float32, which scikit-learn's trees use), some repeated values.
    x = rng.randint(0, 1000, size=(rows, features)).astype(np.float64)
    score = x[:, 0] / 1000 + 0.6 * (x[:, 1] > 500) + 0.3 * rng.rand(rows)
    y = np.digitize(score, np.quantile(score, np.linspace(0, 1, classes + 1)[1:-1]))
    trees = []
    for state in range(20):
        t = DecisionTreeClassifier(criterion="gini", max_depth=3, min_samples_leaf=min_leaf, random_state=state).fit(x, y).tree_
        trees.append((t.feature.tolist(), t.threshold.tolist(), t.value[:, 0, :].tolist()))
    # Tie-free fixture: every feature permutation gives the same tree.
    assert all(tr == trees[0] for tr in trees), name
    t = DecisionTreeClassifier(criterion="gini", max_depth=3, min_samples_leaf=min_leaf, random_state=0).fit(x, y).tree_
    nodes = [
        {
            "feature": int(t.feature[i]) if t.children_left[i] >= 0 else -1,
            "threshold": float(t.threshold[i]) if t.children_left[i] >= 0 else None,
            "left": int(t.children_left[i]),
            "right": int(t.children_right[i]),
            "counts": [int(round(v)) for v in t.value[i, 0, :]],
        }
        for i in range(t.node_count)
    ]
    return {"name": name, "minSamplesLeaf": min_leaf, "x": x.tolist(), "y": y.tolist(), "nodes": nodes}


def score_pair(name, a, b):
    return {
        "name": name,
        "a": [int(v) for v in a],
        "b": [int(v) for v in b],
        "ari": float(adjusted_rand_score(a, b)),
        "nmi": float(normalized_mutual_info_score(a, b)),
    }


def main():
    fixtures = [
        tree_fixture("three-classes", 7, 300, 4, 3, 6),
        tree_fixture("four-classes", 11, 500, 5, 4, 10),
        tree_fixture("two-classes-small-leaf", 3, 200, 3, 2, 2),
    ]
    with open(os.path.join(HERE, "explain_tree.json"), "w") as f:
        json.dump(fixtures, f)

    rng = np.random.RandomState(5)
    truth = rng.randint(0, 4, 400)
    noisy = np.where(rng.rand(400) < 0.3, rng.randint(0, 5, 400), truth)
    pairs = [
        score_pair("identical-renumbered", [0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]),
        score_pair("hand", [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]),
        score_pair("with-noise-label", [-1, -1, 0, 0, 1, 1, 1, 2], [0, 1, 0, 0, 1, 1, -1, -1]),
        score_pair("one-vs-many", [0] * 8, [0, 1, 2, 3, 0, 1, 2, 3]),
        score_pair("noisy-400", truth, noisy),
        score_pair("independent-1000", rng.randint(0, 6, 1000), rng.randint(0, 3, 1000)),
    ]
    with open(os.path.join(HERE, "explain_partition_scores.json"), "w") as f:
        json.dump(pairs, f)


if __name__ == "__main__":
    main()
