"""The peers of the MNIST harness, on the same data and setup: 784-256-128-10 ReLU, Adam lr 1e-3, batch 128,
float32, 5 epochs. Prints seconds per epoch, test accuracy and peak memory for scikit-learn or PyTorch.

Usage: /usr/bin/python3 mnist_peers.py sklearn|torch [MNIST_DIR] [EPOCHS]
Both install from Debian packages: apt-get install python3-sklearn python3-torch.
"""
import gzip
import os
import resource
import sys
import time

import numpy as np


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(directory, prefix):
    def find(name):
        raw = os.path.join(directory, name)
        return raw if os.path.exists(raw) else raw + ".gz"
    images = read_idx(find(f"{prefix}-images-idx3-ubyte")).reshape(-1, 784).astype(np.float32) / 255.0
    labels = read_idx(find(f"{prefix}-labels-idx1-ubyte")).astype(np.int64)
    return images, labels


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_sklearn(train, test, epochs):
    from sklearn.neural_network import MLPClassifier
    x, y = train
    model = MLPClassifier(hidden_layer_sizes=(256, 128), solver="adam", learning_rate_init=1e-3, batch_size=128,
                          random_state=1, shuffle=True)
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        model.partial_fit(x, y, classes=np.arange(10))  # one epoch; keeps Adam's state between calls
        times.append(time.perf_counter() - start)
    return times, (model.predict(test[0]) == test[1]).mean()


def run_torch(train, test, epochs):
    import torch
    torch.manual_seed(1)
    torch.set_num_threads(os.cpu_count())
    x, y = torch.from_numpy(train[0]), torch.from_numpy(train[1])
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                                torch.nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        order = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            batch = order[i:i + 128]
            optimizer.zero_grad()
            loss_fn(model(x[batch]), y[batch]).backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
    with torch.no_grad():
        accuracy = (model(torch.from_numpy(test[0])).argmax(1) == torch.from_numpy(test[1])).float().mean().item()
    return times, accuracy


def main():
    which = sys.argv[1]
    directory = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("MNIST_DIR", "../shared/datasets/mnist")
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    train, test = load(directory, "train"), load(directory, "t10k")
    times, accuracy = (run_sklearn if which == "sklearn" else run_torch)(train, test, epochs)
    print(f"{which}: seconds per epoch {' '.join(f'{t:.3f}' for t in times)} (mean {np.mean(times):.3f}); "
          f"test accuracy {accuracy:.2%}; peak memory {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
