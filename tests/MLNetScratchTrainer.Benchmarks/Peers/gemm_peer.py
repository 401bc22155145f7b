"""NumPy (OpenBLAS) as the peer of the GEMM harness: times C = op(A)·op(B) in float32 for each shape given on the
command line and prints one line per shape, "name<TAB>seconds", best of five rounds. The C# harness
(`gemm THREADS --peer`) calls it with the same shapes and thread count, in the same window, and sets
OPENBLAS_CORETYPE=SkylakeX so that OpenBLAS 0.3.21 uses its AVX-512 kernels on this CPU (without it, it falls back
to its SSE3 kernels here).

Debian's python3-numpy calls whatever libblas.so.3 the system provides: that is the slow reference BLAS unless
OpenBLAS is installed too (apt-get install -y python3-numpy libopenblas0-pthread). The first line printed names the
BLAS library the process loaded, so a report always says what it measured.

Usage: OPENBLAS_NUM_THREADS=2 OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 gemm_peer.py NAME:TA:TB:M:N:K ...
"""
import sys
import time

import numpy as np


def operand(rows, cols, transposed, rng):
    stored = rng.random((cols, rows) if transposed else (rows, cols), dtype=np.float32) - 0.5
    return stored.T if transposed else stored


def best_seconds(m, n, k, ta, tb):
    rng = np.random.default_rng(1)
    a, b = operand(m, k, ta, rng), operand(k, n, tb, rng)
    c = np.empty((m, n), dtype=np.float32)
    repeats = max(3, int(2e9 / (2.0 * m * n * k)))
    for _ in range(max(2, repeats // 10)):
        np.matmul(a, b, out=c)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeats):
            np.matmul(a, b, out=c)
        best = min(best, (time.perf_counter() - start) / repeats)
    return best


def blas_library():
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return ", ".join(sorted(paths)) or "no BLAS library mapped"


def main():
    print(f"# {np.__version__}; {blas_library()}", flush=True)
    for spec in sys.argv[1:]:
        name, ta, tb, m, n, k = spec.split(":")
        print(f"{name}\t{best_seconds(int(m), int(n), int(k), ta == '1', tb == '1')}", flush=True)


if __name__ == "__main__":
    main()
