"""A plain numpy (float64) implementation of face-api's dlib ResNet-29, used only to produce the
reference descriptors that PhotoVeil's Rust implementation is tested against, and to compare them
with dlib's own descriptors (PyPI dlib-bin) for the same aligned chip.

Usage: reference_dlib_resnet.py FACEAPI_MODEL_DIR DLIB_MODELS_DIR PHOTO OUT_DIR
Writes OUT_DIR/dlib_resnet29_chip.png (150x150 chip aligned by dlib) and OUT_DIR/dlib_resnet29.json.
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faceapi_weights  # noqa: E402

W = None

def conv(x, f, b, stride, pad):
    # x: HWC float64, f: HWIO
    kh, kw, ci, co = f.shape
    if pad == 'same':
        ph, pw = kh // 2, kw // 2
        x = np.pad(x, ((ph, ph), (pw, pw), (0, 0)))
    H, Wd, _ = x.shape
    oh = (H - kh) // stride + 1; ow = (Wd - kw) // stride + 1
    out = np.zeros((oh, ow, co))
    for i in range(kh):
        for j in range(kw):
            patch = x[i:i + stride * oh:stride, j:j + stride * ow:stride, :]
            out += patch @ f[i, j].astype(np.float64)
    return out + b

def layer(x, name, stride, relu, pad='same'):
    y = conv(x, W[f'{name}/conv/filters'], W[f'{name}/conv/bias'], stride, pad)
    y = y * W[f'{name}/scale/weights'] + W[f'{name}/scale/biases']
    return np.maximum(y, 0) if relu else y

def maxpool(x, k, s):
    H, Wd, C = x.shape; oh = (H - k) // s + 1; ow = (Wd - k) // s + 1
    out = np.full((oh, ow, C), -np.inf)
    for i in range(k):
        for j in range(k):
            out = np.maximum(out, x[i:i + s * oh:s, j:j + s * ow:s])
    return out

def avgpool2(x):
    H, Wd, C = x.shape; oh, ow = H // 2, Wd // 2
    return (x[0:2*oh:2, 0:2*ow:2] + x[1:2*oh:2, 0:2*ow:2] + x[0:2*oh:2, 1:2*ow:2] + x[1:2*oh:2, 1:2*ow:2]) / 4

def residual(x, name):
    y = layer(x, name + '/conv1', 1, True)
    y = layer(y, name + '/conv2', 1, False)
    return np.maximum(y + x, 0)

def residual_down(x, name):
    y = layer(x, name + '/conv1', 2, True, 'valid')
    y = layer(y, name + '/conv2', 1, False)
    p = avgpool2(x)
    if p.shape[0] != y.shape[0]:
        y = np.pad(y, ((0, 1), (0, 1), (0, 0)))
    if p.shape[2] != y.shape[2]:
        p = np.pad(p, ((0, 0), (0, 0), (0, y.shape[2] - p.shape[2])))
    return np.maximum(p + y, 0)

def forward(rgb, divisor=256.0):
    """rgb: HxWx3 uint8 chip. dlib normalises with (x - mean) / 256; face-api uses 255."""
    x = (rgb.astype(np.float64) - np.array([122.782, 117.001, 104.298])) / divisor
    x = layer(x, 'conv32_down', 2, True, 'valid')
    x = maxpool(x, 3, 2)
    for n in ['conv32_1', 'conv32_2', 'conv32_3']: x = residual(x, n)
    x = residual_down(x, 'conv64_down')
    for n in ['conv64_1', 'conv64_2', 'conv64_3']: x = residual(x, n)
    x = residual_down(x, 'conv128_down')
    for n in ['conv128_1', 'conv128_2']: x = residual(x, n)
    x = residual_down(x, 'conv256_down')
    for n in ['conv256_1', 'conv256_2']: x = residual(x, n)
    x = residual_down(x, 'conv256_down_out')
    g = x.mean(axis=(0, 1))
    return g @ W['fc'].astype(np.float64)

def descriptor_from_normalised(x):
    """The network on an already normalised HWC float64 input."""
    y = layer(x, 'conv32_down', 2, True, 'valid')
    y = maxpool(y, 3, 2)
    for n in ['conv32_1', 'conv32_2', 'conv32_3']: y = residual(y, n)
    y = residual_down(y, 'conv64_down')
    for n in ['conv64_1', 'conv64_2', 'conv64_3']: y = residual(y, n)
    y = residual_down(y, 'conv128_down')
    for n in ['conv128_1', 'conv128_2']: y = residual(y, n)
    y = residual_down(y, 'conv256_down')
    for n in ['conv256_1', 'conv256_2']: y = residual(y, n)
    y = residual_down(y, 'conv256_down_out')
    return y.mean(axis=(0, 1)) @ W['fc'].astype(np.float64)


GRADIENT_PIXELS = [(0, 75, 75), (1, 60, 50), (2, 100, 90), (1, 78, 58), (1, 77, 58), (0, 40, 110), (2, 120, 30), (0, 75, 40)]


def gradients(chip):
    """d(descriptor . direction)/d(normalised input) at GRADIENT_PIXELS, by central differences in
    float64 with a step small enough not to cross ReLU or max-pool kinks."""
    direction = np.array([((i * 37 % 11) - 5) / 5 for i in range(128)])
    x0 = (chip.astype(np.float64) - np.array([122.782, 117.001, 104.298])) / 256.0
    out = []
    for c, h, w in GRADIENT_PIXELS:
        plus, minus = x0.copy(), x0.copy()
        plus[h, w, c] += 1e-6
        minus[h, w, c] -= 1e-6
        value = (descriptor_from_normalised(plus) - descriptor_from_normalised(minus)) @ direction / 2e-6
        out.append({"channel": c, "row": h, "column": w, "gradient": float(value)})
    return out


def synthetic():
    """The deterministic test pattern also built by the Rust parity test."""
    h, w, c = np.meshgrid(np.arange(150), np.arange(150), np.arange(3), indexing="ij")
    return ((h * 7 + w * 13 + c * 29 + (h * w) % 17) % 256).astype(np.uint8)


def main():
    global W
    faceapi_dir, dlib_dir, photo, out_dir = sys.argv[1:5]
    W = faceapi_weights.load(faceapi_dir)
    import dlib
    from PIL import Image
    img = np.asarray(Image.open(photo).convert("RGB"))
    det = dlib.get_frontal_face_detector()
    sp = dlib.shape_predictor(os.path.join(dlib_dir, "shape_predictor_5_face_landmarks.dat"))
    rec = dlib.face_recognition_model_v1(os.path.join(dlib_dir, "dlib_face_recognition_resnet_model_v1.dat"))
    faces = sorted(det(img, 1), key=lambda r: -r.area())
    chip = np.asarray(dlib.get_face_chip(img, sp(img, faces[0]), size=150, padding=0.25))
    Image.fromarray(chip).save(os.path.join(out_dir, "dlib_resnet29_chip.png"))
    by_dlib = np.array(rec.compute_face_descriptor(chip))
    ours = forward(chip)
    cos = float(ours @ by_dlib / np.linalg.norm(ours) / np.linalg.norm(by_dlib))
    result = {
        "model": "dlib_resnet29.safetensors",
        "normalisation": "(rgb - [122.782, 117.001, 104.298]) / 256, HWC -> NCHW",
        "chip": {
            "input": "dlib_resnet29_chip.png (150x150 RGB, aligned by dlib.get_face_chip, padding 0.25)",
            "descriptor_float64": ours.tolist(),
            "descriptor_dlib": by_dlib.tolist(),
            "cosine_float64_vs_dlib": cos,
            "gradient_direction": "loss = descriptor . d, d[i] = ((i*37 % 11) - 5) / 5",
            "gradients": gradients(chip),
        },
        "synthetic": {
            "input": "u8[h][w][c] = (h*7 + w*13 + c*29 + (h*w) % 17) % 256, 150x150x3",
            "descriptor_float64": forward(synthetic()).tolist(),
        },
    }
    json.dump(result, open(os.path.join(out_dir, "dlib_resnet29.json"), "w"), indent=1)
    print(f"cosine(face-api weights in float64, dlib) on the chip: {cos:.6f}")


if __name__ == "__main__":
    main()
