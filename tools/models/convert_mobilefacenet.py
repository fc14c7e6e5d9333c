"""Converts Faceplugin's face feature network (npm `faceplugin-face-recognition-js` 0.0.1,
`model/fr_feature.onnx`, MIT) to safetensors for PhotoVeil.

The ONNX graph (exported by PyTorch 1.10, opset 9, batch norms already folded into the
convolutions) is the MobileFaceNet of the ArcFace / InsightFace family. It is checked node by node
against the architecture PhotoVeil implements, so that a different graph fails loudly instead of
converting into something the Rust code would run wrongly:

    input (N,3,112,112), (u8 - 127) / 128                        [done outside the network]
    stem:  conv 3x3/2 pad 1 (3->64) + PReLU; depthwise 3x3/1 pad 1 (64) + PReLU
    15 bottleneck blocks: 1x1 expand + PReLU -> depthwise 3x3 pad 1 (stride s) + PReLU ->
           1x1 project (linear), plus the block's input when it is residual
           (channels in -> expanded -> out, stride, residual):
             64->128->64 /2, 4 x (64->128->64 residual),
             64->256->128 /2, 6 x (128->256->128 residual),
             128->512->128 /2, 2 x (128->256->128 residual)
    head:  1x1 128->512 + PReLU; depthwise 7x7 no pad (linear, "GDC"); 1x1 512->512 (linear);
           reshape to (N,512)

Every convolution has a bias; PReLU has one slope per channel. Tensors are stored float32 as in
the ONNX file, under the names `stem.*`, `blocks.I.*` and `head.*` (see `BLOCKS`).

Usage: convert_mobilefacenet.py FR_FEATURE_ONNX OUT.safetensors
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper
from safetensors.numpy import save_file

# (input channels, expanded channels, output channels, stride, residual) of each block.
BLOCKS = ([(64, 128, 64, 2, False)] + [(64, 128, 64, 1, True)] * 4
          + [(64, 256, 128, 2, False)] + [(128, 256, 128, 1, True)] * 6
          + [(128, 512, 128, 2, False)] + [(128, 256, 128, 1, True)] * 2)


class Graph:
    """The ONNX graph as a list of (op, inputs, output, attributes) and its initialisers."""

    def __init__(self, path):
        model = onnx.load(path)
        self.init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
        self.nodes = [(n.op_type, list(n.input), n.output[0],
                       {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute})
                      for n in model.graph.node]
        self.input = model.graph.input[0].name
        self.output = model.graph.output[0].name
        self.at = 0

    def take(self, op, data_input=None):
        """The next node, asserting its op (and its data input when given)."""
        node = self.nodes[self.at]
        self.at += 1
        assert node[0] == op, (self.at, node[0], op)
        if data_input is not None:
            assert node[1][0] == data_input, (self.at, node[1][0], data_input)
        return node


def conv(g, x, out, name, shape, stride, pad, groups):
    """Takes a Conv node reading `x`, checks it and stores its weight and bias as `name`."""
    _, inputs, y, a = g.take("Conv", x)
    weight, bias = g.init[inputs[1]], g.init[inputs[2]]
    assert weight.shape == shape, (name, weight.shape, shape)
    assert bias.shape == (shape[0],), (name, bias.shape)
    assert a["strides"] == [stride, stride] and a["pads"] == [pad] * 4, (name, a)
    assert a.get("group", 1) == groups and a.get("dilations", [1, 1]) == [1, 1], (name, a)
    out[f"{name}.weight"] = weight.astype(np.float32)
    out[f"{name}.bias"] = bias.astype(np.float32)
    return y


def prelu(g, x, out, name, channels):
    """Takes a PRelu node reading `x` and stores its slopes as `name.gamma`."""
    _, inputs, y, _ = g.take("PRelu", x)
    gamma = g.init[inputs[1]]
    assert gamma.shape == (channels, 1, 1), (name, gamma.shape)
    out[f"{name}.gamma"] = gamma.reshape(channels).astype(np.float32)
    return y


def convert(g):
    out = {}
    x = conv(g, g.input, out, "stem.conv", (64, 3, 3, 3), 2, 1, 1)
    x = prelu(g, x, out, "stem.conv_prelu", 64)
    x = conv(g, x, out, "stem.dw", (64, 1, 3, 3), 1, 1, 64)
    x = prelu(g, x, out, "stem.dw_prelu", 64)
    for i, (c_in, c_mid, c_out, stride, residual) in enumerate(BLOCKS):
        p = f"blocks.{i}"
        block_input = x
        y = conv(g, x, out, f"{p}.expand", (c_mid, c_in, 1, 1), 1, 0, 1)
        y = prelu(g, y, out, f"{p}.expand_prelu", c_mid)
        y = conv(g, y, out, f"{p}.dw", (c_mid, 1, 3, 3), stride, 1, c_mid)
        y = prelu(g, y, out, f"{p}.dw_prelu", c_mid)
        y = conv(g, y, out, f"{p}.project", (c_out, c_mid, 1, 1), 1, 0, 1)
        if residual:
            _, inputs, y2, _ = g.take("Add")
            assert sorted(inputs) == sorted([block_input, y]), (p, inputs)
            y = y2
        x = y
    x = conv(g, x, out, "head.expand", (512, 128, 1, 1), 1, 0, 1)
    x = prelu(g, x, out, "head.expand_prelu", 512)
    x = conv(g, x, out, "head.gdc", (512, 1, 7, 7), 1, 0, 512)
    x = conv(g, x, out, "head.linear", (512, 512, 1, 1), 1, 0, 1)
    _, inputs, y, _ = g.take("Reshape", x)
    assert list(g.init[inputs[1]]) in ([1, 512], [-1, 512], [1, -1]), g.init[inputs[1]]
    assert y == g.output and g.at == len(g.nodes), (y, g.at, len(g.nodes))
    return out


def main():
    source, target = sys.argv[1:3]
    tensors = convert(Graph(source))
    # One metadata key only: safetensors writes several in random order (the file's SHA-256
    # must not change from one conversion to the next).
    save_file(tensors, target, metadata={
        "source": "npm faceplugin-face-recognition-js 0.0.1 model/fr_feature.onnx; "
                  "input NCHW RGB 112x112, (u8 - 127) / 128",
    })
    print(f"{target}: {len(tensors)} tensors")


if __name__ == "__main__":
    main()
