// Runs human-models' MobileFace TF.js graph model with the pure-JavaScript @tensorflow/tfjs (CPU
// backend, float32) on raw 112x112x3 RGB u8 chips, and prints JSON: per chip the 256-D
// embedding (graph output batchnorm0/add_1:0, the graph's own (x - 127.5) * 0.0078125 included)
// and TF.js's own autodiff gradient of embedding . direction with respect to the raw pixels.
//
// Usage: node reference_mobileface.mjs MODEL_DIR GRADIENT_PIXELS_JSON CHIP.rgb...
// (run from a folder where @tensorflow/tfjs is installed; reference_mobileface.py does this.)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'noop.js'));
const tf = require('@tensorflow/tfjs');

const [modelDir, pixelsJson, ...chips] = process.argv.slice(2);
const size = 112;

async function loadModel(dir) {
  const model = JSON.parse(fs.readFileSync(path.join(dir, 'mobileface.json'), 'utf8'));
  const weightSpecs = model.weightsManifest.flatMap((g) => g.weights);
  const buffers = model.weightsManifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(dir, p))));
  const joined = Buffer.concat(buffers);
  const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
  return tf.loadGraphModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs, weightData }));
}

async function main() {
  await tf.setBackend('cpu');
  const model = await loadModel(modelDir);
  const pixels = JSON.parse(pixelsJson);
  const direction = tf.tensor1d(Array.from({ length: 256 }, (_, i) => (((i * 37) % 11) - 5) / 5));
  const out = [];
  for (const file of chips) {
    const bytes = fs.readFileSync(file);
    if (bytes.length !== size * size * 3) throw new Error(`${file}: ${bytes.length} bytes`);
    const x = tf.tensor4d(Float32Array.from(bytes), [1, size, size, 3]);
    const embedding = model.execute(x, 'batchnorm0/add_1:0');
    const loss = (input) => tf.sum(tf.mul(model.execute(input, 'batchnorm0/add_1:0'), direction));
    const grad = tf.grad(loss)(x);
    const g = grad.dataSync();
    out.push({
      embedding: Array.from(embedding.dataSync()),
      gradients_raw_pixels: pixels.map(([c, h, w]) => g[(h * size + w) * 3 + c]),
    });
  }
  process.stdout.write(JSON.stringify({ tfjs: tf.version.tfjs, backend: tf.getBackend(), chips: out }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
