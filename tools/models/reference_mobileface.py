"""Reference outputs for PhotoVeil's Rust MobileFace.

1. Aligns the face of PHOTO to a 112x112 chip: dlib's 68-point landmarks give five points (eye
   centres, nose tip, mouth corners) that a least-squares similarity transform maps onto the
   usual 112x112 five-point template of ArcFace-style recognisers; the chip is resampled
   bilinearly and written as OUT_DIR/mobileface_chip.png.
2. Runs the real TF.js graph with @tensorflow/tfjs in node (reference_mobileface.mjs, float32 CPU
   backend) on the chip and on a synthetic pattern: these embeddings are what the Rust
   implementation must match.
3. Computes input gradients of `embedding . direction` at a few pixels by central finite
   differences on a plain numpy float64 implementation of the same graph (TF.js is float32 only,
   where a difference quotient would drown in rounding), after checking that this float64
   implementation agrees with TF.js. TF.js's own autodiff gradients are stored beside them.

Usage: reference_mobileface.py HUMAN_MODELS_DIR DLIB_MODELS_DIR PHOTO OUT_DIR TFJS_DIR
(TFJS_DIR: a folder with node_modules/@tensorflow/tfjs.)
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import convert_mobileface  # noqa: E402

W = None
SIZE = 112
TEMPLATE = np.array([[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366],
                     [41.5493, 92.3655], [70.7299, 92.2041]])
GRADIENT_PIXELS = [(0, 56, 56), (1, 45, 38), (2, 75, 68), (1, 58, 44), (1, 57, 44), (0, 30, 82),
                   (2, 90, 22), (0, 56, 30)]
DIRECTION = np.array([((i * 37 % 11) - 5) / 5 for i in range(256)])


def conv(x, f, stride):
    """x: HWC float64, f: HWIO; 'same' padding of 1 for 3x3 (explicit Pad + VALID in the graph)."""
    kh, kw, _, co = f.shape
    p = kh // 2
    x = np.pad(x, ((p, p), (p, p), (0, 0)))
    oh = (x.shape[0] - kh) // stride + 1
    ow = (x.shape[1] - kw) // stride + 1
    out = np.zeros((oh, ow, co))
    for i in range(kh):
        for j in range(kw):
            out += x[i:i + stride * oh:stride, j:j + stride * ow:stride, :] @ f[i, j].astype(np.float64)
    return out


def depthwise(x, f, stride):
    """f: [3, 3, C, 1]."""
    x = np.pad(x, ((1, 1), (1, 1), (0, 0)))
    oh = (x.shape[0] - 3) // stride + 1
    ow = (x.shape[1] - 3) // stride + 1
    out = np.zeros((oh, ow, x.shape[2]))
    for i in range(3):
        for j in range(3):
            out += x[i:i + stride * oh:stride, j:j + stride * ow:stride, :] * f[i, j, :, 0]
    return out


def prelu(x, gamma):
    return np.maximum(x, 0) + gamma.astype(np.float64) * np.minimum(x, 0)


def embed_normalised(x):
    """The graph from its first convolution on, on a normalised HWC float64 input."""
    x = prelu(conv(x, W["conv1_weight"], 2), W["prelu1_gamma"])
    for s in range(1, 5):
        p = f"stage{s}_unit1"
        a = conv(x, W[f"{p}_conv0_0_weight"], 1)
        a = prelu(depthwise(a, W[f"{p}_conv0_1_df"], 2), W[f"{p}_prelu0_gamma"])
        y = prelu(depthwise(a, W[f"{p}_conv1_df"], 1), W[f"{p}_prelu1_gamma"])
        y = prelu(depthwise(y, W[f"{p}_conv2_df"], 1), W[f"{p}_prelu2_gamma"])
        x = y + a
    flat = x.reshape(-1)  # NHWC flatten order, as TF's Reshape
    return flat @ W["dense/kernel"].astype(np.float64) * W["batchnorm0/mul"] + W["batchnorm0/sub"]


def normalise(chip):
    return (chip.astype(np.float64) - 127.5) * 0.0078125


def gradients(chip):
    """d(embedding . direction)/d(normalised input) by float64 central differences, step 1e-6
    (small enough that crossing a PReLU kink is very unlikely, large against float64 rounding)."""
    x0 = normalise(chip)
    out = []
    for c, h, w in GRADIENT_PIXELS:
        plus, minus = x0.copy(), x0.copy()
        plus[h, w, c] += 1e-6
        minus[h, w, c] -= 1e-6
        value = (embed_normalised(plus) - embed_normalised(minus)) @ DIRECTION / 2e-6
        out.append({"channel": c, "row": h, "column": w, "gradient": float(value)})
    return out


def synthetic():
    """The deterministic test pattern also built by the Rust tests."""
    h, w, c = np.meshgrid(np.arange(SIZE), np.arange(SIZE), np.arange(3), indexing="ij")
    return ((h * 7 + w * 13 + c * 29 + (h * w) % 17) % 256).astype(np.uint8)


def similarity(src, dst):
    """Least-squares similarity transform (Umeyama) taking src points to dst: 2x3 matrix."""
    ms, md = src.mean(0), dst.mean(0)
    s, d = src - ms, dst - md
    u, sig, vt = np.linalg.svd(d.T @ s / len(src))
    e = np.diag([1, np.sign(np.linalg.det(u @ vt))])
    r = u @ e @ vt
    scale = np.trace(np.diag(sig) @ e) / (s ** 2).sum(1).mean()
    m = np.zeros((2, 3))
    m[:, :2] = scale * r
    m[:, 2] = md - scale * r @ ms
    return m


def five_points(shape):
    p = np.array([[shape.part(i).x, shape.part(i).y] for i in range(68)], dtype=np.float64)
    return np.array([p[36:42].mean(0), p[42:48].mean(0), p[30], p[48], p[54]])


def align(img, points):
    """112x112 chip: bilinear resampling through the inverse of the similarity transform."""
    from PIL import Image
    m = similarity(points, TEMPLATE)
    inv = np.linalg.inv(np.vstack([m, [0, 0, 1]]))[:2]
    chip = Image.fromarray(img).transform((SIZE, SIZE), Image.AFFINE, tuple(inv.reshape(-1)),
                                          resample=Image.BILINEAR)
    return np.asarray(chip)


def tfjs(model_dir, tfjs_dir, chips):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference_mobileface.mjs")
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, chip in enumerate(chips):
            files.append(os.path.join(tmp, f"{i}.rgb"))
            open(files[-1], "wb").write(np.ascontiguousarray(chip, dtype=np.uint8).tobytes())
        pixels = json.dumps([list(p) for p in GRADIENT_PIXELS])
        run = subprocess.run(["node", script, os.path.abspath(model_dir), pixels, *files],
                             cwd=tfjs_dir, check=True, capture_output=True, text=True)
    return json.loads(run.stdout)


def main():
    global W
    model_dir, dlib_dir, photo, out_dir, tfjs_dir = sys.argv[1:6]
    _, W = convert_mobileface.read_graph(model_dir)
    import dlib
    from PIL import Image
    img = np.asarray(Image.open(photo).convert("RGB"))
    faces = sorted(dlib.get_frontal_face_detector()(img, 1), key=lambda r: -r.area())
    predictor = dlib.shape_predictor(os.path.join(dlib_dir, "shape_predictor_68_face_landmarks.dat"))
    points = five_points(predictor(img, faces[0]))
    chip = align(img, points)
    Image.fromarray(chip).save(os.path.join(out_dir, "mobileface_chip.png"))

    js = tfjs(model_dir, tfjs_dir, [chip, synthetic()])
    result = {"model": "mobileface.safetensors",
              "tfjs": f"@tensorflow/tfjs {js['tfjs']}, backend {js['backend']} (float32)",
              "normalisation": "(rgb - 127.5) * 0.0078125, HWC -> NCHW",
              "gradient_direction": "loss = embedding . d, d[i] = ((i*37 % 11) - 5) / 5",
              "gradient_units": "d loss / d normalised input"}
    for key, pixels, run in [("chip", chip, js["chips"][0]), ("synthetic", synthetic(), js["chips"][1])]:
        ours = embed_normalised(normalise(pixels))
        theirs = np.array(run["embedding"])
        worst = float(np.abs(ours - theirs).max())
        print(f"{key}: max |numpy float64 - TF.js| = {worst:.2e}, |embedding| = {np.linalg.norm(theirs):.2f}")
        assert worst < 1e-3
        result[key] = {"embedding_tfjs": run["embedding"], "max_abs_float64_vs_tfjs": worst}
    result["chip"]["input"] = ("mobileface_chip.png (112x112 RGB; dlib 68-point landmarks -> eye centres, "
                               "nose tip, mouth corners -> similarity transform onto the ArcFace template)")
    result["chip"]["landmarks_in_photo"] = points.round(2).tolist()
    grads = gradients(chip)
    for g, raw in zip(grads, js["chips"][0]["gradients_raw_pixels"]):
        g["gradient_tfjs_autodiff"] = raw / 0.0078125  # d/d(raw pixel) -> d/d(normalised input)
        print(f"  gradient at {g['channel'], g['row'], g['column']}: float64 FD {g['gradient']:.6g}, "
              f"TF.js autodiff {g['gradient_tfjs_autodiff']:.6g}")
    result["chip"]["gradients"] = grads
    result["synthetic"]["input"] = "u8[h][w][c] = (h*7 + w*13 + c*29 + (h*w) % 17) % 256, 112x112x3"
    json.dump(result, open(os.path.join(out_dir, "mobileface.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
