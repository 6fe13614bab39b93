"""scikit-learn's side of bench/sparse_logistic.sh: one epoch of SGDClassifier(loss="log_loss", max_iter=1) at
batch 1 on an svmlight file, timing the load and the fit apart. Prints: load_seconds fit_seconds train_accuracy."""
import sys
import time
import warnings

from sklearn.datasets import load_svmlight_file
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import SGDClassifier

warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter=1 is the point
start = time.perf_counter()
X, y = load_svmlight_file(sys.argv[1])
loaded = time.perf_counter()
model = SGDClassifier(loss="log_loss", max_iter=1, tol=None, shuffle=False, learning_rate="optimal")
model.fit(X, y)
fitted = time.perf_counter()
print(f"{loaded - start:.3f} {fitted - loaded:.3f} {model.score(X, y):.4f}")
