#!/usr/bin/python3
"""logitlab mlp beside scikit-learn's MLPClassifier on the same data, split and architecture.

For each case, `logitlab mlp DATA ... --save-data` writes the rows it trained and tested on; this
script standardises the inputs on the training rows (as logitlab does), fits
sklearn.neural_network.MLPClassifier with the same hidden layers, activation, optimizer (adam),
learning rate, full-batch steps, number of epochs and no L2 penalty, and prints both test
accuracies and test losses. The two use different random initial weights (sklearn's Glorot
uniform for every activation against logitlab's He or Xavier normal), so the numbers agree in
size, not to the digit: "comparable test accuracy on the same data" is the anchor.

Usage: /usr/bin/python3 scripts/mlp-anchor.py [--jar target/logitlab.jar]
Needs Debian's python3-sklearn (1.2) and a built jar (scripts/logitlab builds it).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import log_loss
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

CASES = [
    # data set, logitlab options, sklearn hidden layers, sklearn activation
    ("xor", ["--hidden", "4", "--activation", "tanh"], (4,), "tanh"),
    ("xor", ["--hidden", "8"], (8,), "relu"),
    ("circles", ["--hidden", "8"], (8,), "relu"),
    ("circles", ["--hidden", "8", "--activation", "tanh"], (8,), "tanh"),
    ("moons", ["--hidden", "8"], (8,), "relu"),
    ("spiral", ["--hidden", "32,32", "--epochs", "3000"], (32, 32), "relu"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "target", "logitlab.jar"))
    args = ap.parse_args()
    warnings.simplefilter("ignore", ConvergenceWarning)
    print(f"scikit-learn {__import__('sklearn').__version__}; logitlab {args.jar}")
    print(f"{'data':8} {'net':16} {'logitlab acc':>12} {'sklearn acc':>11} {'logitlab loss':>13} {'sklearn loss':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for data, opts, layers, act in CASES:
            csv = os.path.join(tmp, data + ".csv")
            out = subprocess.run(["java", "-jar", args.jar, "mlp", data, *opts, "--format", "json", "--save-data", csv],
                                 check=True, capture_output=True, text=True).stdout
            run = json.loads(out)["runs"][0]
            rows = np.genfromtxt(csv, delimiter=",", names=True, dtype=None, encoding="utf-8")
            x = np.column_stack([rows["x1"], rows["x2"]])
            y = rows["y"].astype(int)
            train = rows["set"] == "train"
            scale = StandardScaler().fit(x[train])
            epochs = int(opts[opts.index("--epochs") + 1]) if "--epochs" in opts else 1000
            clf = MLPClassifier(hidden_layer_sizes=layers, activation=act, solver="adam", alpha=0.0,
                                learning_rate_init=0.01, batch_size=int(train.sum()), max_iter=epochs, tol=0.0,
                                n_iter_no_change=epochs + 1, shuffle=False, random_state=0)
            clf.fit(scale.transform(x[train]), y[train])
            xt = scale.transform(x[~train])
            acc = clf.score(xt, y[~train])
            loss = log_loss(y[~train], clf.predict_proba(xt)[:, 1], labels=[0, 1])
            net = ",".join(str(h) for h in layers) + " " + act
            print(f"{data:8} {net:16} {run['testAccuracy']:12.3f} {acc:11.3f} {run['testLoss']:13.4f} {loss:12.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
