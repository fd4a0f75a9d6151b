"""Time multiple-systems estimation: every pairwise model with its profile interval, for 3, 4 and 5 lists.

Prints figures; asserts nothing. The tables are SYNTHETIC (Poisson draws from independent lists).
Run: .venv/bin/python bench/estimation.py
"""

import itertools
import time

import numpy as np

from litopys.casualties.estimation import estimate, table


def synthetic(k: int, n: int = 5000, seed: int = 1):
    rng = np.random.default_rng(seed)
    probabilities = rng.uniform(0.2, 0.5, size=k)
    counts = {}
    for history in itertools.product((0, 1), repeat=k):
        if any(history):
            p = np.prod([q if h else 1 - q for h, q in zip(history, probabilities, strict=True)])
            counts[history] = int(rng.poisson(n * p))
    return table([chr(65 + i) for i in range(k)], counts)


if __name__ == "__main__":
    for k in (3, 4, 5):
        data = synthetic(k)
        start = time.perf_counter()
        result = estimate(data)
        elapsed = time.perf_counter() - start
        print(f"{k} lists: {len(result.fits) + len(result.refusals)} models in {elapsed:.2f} s "
              f"({1000 * elapsed / (len(result.fits) + len(result.refusals)):.1f} ms a model); "
              f"chosen {result.chosen.model.label()} N = {result.chosen.estimate:,.0f}")
