#!/usr/bin/env python3
"""The scikit-learn baseline of Ringscope's risk model on the KCS customs declarations.

HistGradientBoostingClassifier (300 iterations, learning rate 0.05, 31 leaves) on categorical
codes (office, origin, departure, HS2 and the procedure columns), out-of-fold target-encoded
fraud rates of declarant, importer, seller, courier, HS6 and HS4, tax rate, log price, log unit
price and log mass. Precision at 1/2/5/10 % of the evaluated lines inspected, mean of the seeds.

    python3 bench/sklearn_baseline.py DIR [--split test|valid] [--seeds 1,2,3]

--split test: fit on train+valid, rank test (what `ringscope eval-kcs` reports);
--split valid: fit on train, rank valid (for tuning). Prints one JSON object on stdout.
Needs numpy and scikit-learn (Debian: apt install python3-sklearn); reads the CSVs itself.
"""
import argparse
import csv
import json
import math
import os
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

FILES = {"train": "df_syn_train_eng.csv", "valid": "df_syn_valid_eng.csv", "test": "df_syn_test_eng.csv"}
CATEGORICAL = ["Office ID", "Country of Origin", "Country of Departure", "HS2", "Process Type",
               "Import Type", "Import Use", "Payment Type", "Mode of Transport", "Tax Type",
               "Country of Origin Indicator"]
HISTORIES = ["Declarant ID", "Importer ID", "Seller ID", "Courier ID", "HS6", "HS4"]
SHARES = [1, 2, 5, 10]
FOLDS = 5
SMOOTHING = 10.0


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        hs6 = r["HS6 Code"].zfill(6)
        r["HS6"], r["HS4"], r["HS2"] = hs6, hs6[:4], hs6[:2]
    return rows


def codes(train, column, limit=254):
    counts = {}
    for r in train:
        counts[r[column]] = counts.get(r[column], 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit - 1]
    table = {v: i for i, (v, _) in enumerate(ranked)}
    return lambda v: table.get(v, limit - 1)


def rates(rows, labels, column, base):
    stats = {}
    for r, y in zip(rows, labels):
        n, k = stats.get(r[column], (0, 0))
        stats[r[column]] = (n + 1, k + y)
    def rate(v):
        n, k = stats.get(v, (0, 0)) if v else (0, 0)
        return (k + SMOOTHING * base) / (n + SMOOTHING)
    return rate


def numeric(r):
    price, mass = float(r["Item Price"]), float(r["Net Mass"])
    return [float(r["Tax Rate"]), math.log1p(price), math.log((price + 1) / (mass + 1)), math.log1p(mass)]


def features(train, test, seed):
    y = np.array([int(r["Fraud"]) for r in train])
    base = y.mean()
    coders = [codes(train, c) for c in CATEGORICAL]
    def own(rows):
        return np.array([[code(r[c]) for c, code in zip(CATEGORICAL, coders)] + numeric(r) for r in rows])
    fold = np.random.RandomState(seed).permutation(len(train)) % FOLDS
    oof = np.zeros((len(train), len(HISTORIES)))
    for k in range(FOLDS):
        inside = [i for i in range(len(train)) if fold[i] == k]
        others = [i for i in range(len(train)) if fold[i] != k]
        for j, c in enumerate(HISTORIES):
            rate = rates([train[i] for i in others], y[others], c, y[others].mean())
            for i in inside:
                oof[i, j] = rate(train[i][c])
    full = [rates(train, y, c, base) for c in HISTORIES]
    test_hist = np.array([[rate(r[c]) for c, rate in zip(HISTORIES, full)] for r in test])
    return np.hstack([own(train), oof]), y, np.hstack([own(test), test_hist])


def precision_at(scores, labels):
    order = np.argsort(-scores, kind="stable")
    out = []
    for k in SHARES:
        n = max(1, math.ceil(len(labels) * k / 100))
        out.append(float(labels[order[:n]].sum()) / n)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dir")
    p.add_argument("--split", choices=["test", "valid"], default="test")
    p.add_argument("--seeds", default="1,2,3")
    args = p.parse_args()
    data = {k: read(os.path.join(args.dir, f)) for k, f in FILES.items()}
    train = data["train"] + data["valid"] if args.split == "test" else data["train"]
    test = data[args.split]
    y_test = np.array([int(r["Fraud"]) for r in test])
    runs = []
    for seed in [int(s) for s in args.seeds.split(",")]:
        x, y, x_test = features(train, test, seed)
        model = HistGradientBoostingClassifier(
            max_iter=300, learning_rate=0.05, max_leaf_nodes=31, early_stopping=False,
            categorical_features=list(range(len(CATEGORICAL))), random_state=seed)
        model.fit(x, y)
        runs.append(precision_at(model.predict_proba(x_test)[:, 1], y_test))
    mean = [sum(r[i] for r in runs) / len(runs) for i in range(len(SHARES))]
    json.dump({"split": args.split, "train": len(train), "test": len(test), "shares": SHARES,
               "precision": mean, "runs": runs}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
