"""Reference outputs for PhotoVeil's Rust MobileFaceNet (Faceplugin's `fr_feature.onnx`).

1. Runs the original ONNX graph with onnxruntime (float32, CPU) on the ArcFace-aligned astronaut
   chip that the MobileFace reference already uses (`mobileface_chip.png`, the same five-point
   112x112 template) and on the synthetic pattern: these embeddings are what the Rust
   implementation must match.
2. Computes input gradients of `embedding . direction` at a few pixels by central finite
   differences on a plain numpy float64 implementation of the converted tensors (onnxruntime is
   float32, where a difference quotient would drown in rounding), after checking that this
   float64 implementation agrees with onnxruntime.

Usage: reference_mobilefacenet.py FR_FEATURE_ONNX CONVERTED.safetensors OUT_DIR
(OUT_DIR must already hold mobileface_chip.png; writes mobilefacenet.json there.)
"""
import json
import os
import sys

import numpy as np
import onnxruntime
from PIL import Image
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from convert_mobilefacenet import BLOCKS  # noqa: E402

SIZE = 112
GRADIENT_PIXELS = [(0, 56, 56), (1, 45, 38), (2, 75, 68), (1, 58, 44), (1, 57, 44), (0, 30, 82),
                   (2, 90, 22), (0, 56, 30)]
DIRECTION = np.array([((i * 37 % 11) - 5) / 5 for i in range(512)])
T = None


def normalise(rgb):
    """HWC u8 -> CHW float64, (v - 127) / 128 as the package's preprocessFeature does."""
    return (rgb.astype(np.float64).transpose(2, 0, 1) - 127.0) / 128.0


def conv(x, name, stride, pad, groups):
    """x: CHW float64; weight OIHW with I = C / groups."""
    w = T[f"{name}.weight"].astype(np.float64)
    b = T[f"{name}.bias"].astype(np.float64)
    o, i_per, kh, kw = w.shape
    x = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    oh = (x.shape[1] - kh) // stride + 1
    ow = (x.shape[2] - kw) // stride + 1
    out = np.zeros((o, oh, ow))
    per_group = o // groups
    for g in range(groups):
        xs = x[g * i_per:(g + 1) * i_per]
        ws = w[g * per_group:(g + 1) * per_group]
        for di in range(kh):
            for dj in range(kw):
                patch = xs[:, di:di + stride * oh:stride, dj:dj + stride * ow:stride]
                out[g * per_group:(g + 1) * per_group] += np.einsum("oc,chw->ohw", ws[:, :, di, dj], patch)
    return out + b[:, None, None]


def depthwise(x, name, stride, pad):
    w = T[f"{name}.weight"].astype(np.float64)
    b = T[f"{name}.bias"].astype(np.float64)
    _, _, kh, kw = w.shape
    x = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    oh = (x.shape[1] - kh) // stride + 1
    ow = (x.shape[2] - kw) // stride + 1
    out = np.zeros((x.shape[0], oh, ow))
    for di in range(kh):
        for dj in range(kw):
            out += x[:, di:di + stride * oh:stride, dj:dj + stride * ow:stride] * w[:, 0, di, dj, None, None]
    return out + b[:, None, None]


def prelu(x, name):
    g = T[f"{name}.gamma"].astype(np.float64)[:, None, None]
    return np.maximum(x, 0) + g * np.minimum(x, 0)


def embed_normalised(x):
    x = prelu(conv(x, "stem.conv", 2, 1, 1), "stem.conv_prelu")
    x = prelu(depthwise(x, "stem.dw", 1, 1), "stem.dw_prelu")
    for i, (_, _, _, stride, residual) in enumerate(BLOCKS):
        p = f"blocks.{i}"
        y = prelu(conv(x, f"{p}.expand", 1, 0, 1), f"{p}.expand_prelu")
        y = prelu(depthwise(y, f"{p}.dw", stride, 1), f"{p}.dw_prelu")
        y = conv(y, f"{p}.project", 1, 0, 1)
        x = x + y if residual else y
    x = prelu(conv(x, "head.expand", 1, 0, 1), "head.expand_prelu")
    x = depthwise(x, "head.gdc", 1, 0)
    return conv(x, "head.linear", 1, 0, 1).reshape(512)


def synthetic():
    v = np.zeros((SIZE, SIZE, 3), np.uint8)
    for h in range(SIZE):
        for w in range(SIZE):
            for c in range(3):
                v[h, w, c] = (h * 7 + w * 13 + c * 29 + (h * w) % 17) % 256
    return v


def main():
    global T
    onnx_path, converted, out_dir = sys.argv[1:4]
    T = load_file(converted)
    session = onnxruntime.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
    chip = np.asarray(Image.open(os.path.join(out_dir, "mobileface_chip.png")).convert("RGB"))
    result = {
        "model": "faceplugin-face-recognition-js 0.0.1 model/fr_feature.onnx",
        "onnxruntime": onnxruntime.__version__,
        "normalisation": "(u8 - 127) / 128, RGB, NCHW",
        "gradient_direction": "d[i] = ((i * 37 % 11) - 5) / 5, loss = embedding . d",
        "gradient_units": "per unit of normalised input",
    }
    for name, pixels in (("chip", chip), ("synthetic", synthetic())):
        x = normalise(pixels)
        ort = session.run(None, {"input": x[None].astype(np.float32)})[0][0]
        ours = embed_normalised(x)
        worst = float(np.abs(ours - ort).max())
        assert worst < 1e-3, (name, worst)
        entry = {"embedding_onnxruntime": [float(v) for v in ort],
                 "max_abs_float64_vs_onnxruntime": worst}
        if name == "chip":
            h = 1e-4
            checks = []
            for c, r, col in GRADIENT_PIXELS:
                plus, minus = x.copy(), x.copy()
                plus[c, r, col] += h
                minus[c, r, col] -= h
                g = (embed_normalised(plus) @ DIRECTION - embed_normalised(minus) @ DIRECTION) / (2 * h)
                checks.append({"channel": c, "row": r, "column": col, "gradient": float(g)})
            entry["gradients"] = checks
        result[name] = entry
        print(name, "max |float64 - onnxruntime|", worst)
    with open(os.path.join(out_dir, "mobilefacenet.json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
