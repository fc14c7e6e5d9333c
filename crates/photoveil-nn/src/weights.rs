//! Weight files: safetensors, verified by SHA-256 before anything is read from them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use burn_tensor::{f16, Device, Tensor, TensorData};
use safetensors::{Dtype, SafeTensors};

use crate::error::NnError;
use crate::models::ModelFile;

/// One tensor as stored: its shape, and its float32 values or its u8 bytes (the other empty).
type StoredTensor = (Vec<usize>, Vec<f32>, Vec<u8>);

/// A verified weight file held in memory.
pub struct WeightFile {
    path: PathBuf,
    bytes: Vec<u8>,
}

impl WeightFile {
    /// Reads `dir/model.file` and checks its SHA-256.
    pub fn open(dir: &Path, model: ModelFile) -> Result<WeightFile, NnError> {
        let path = dir.join(model.file);
        let bytes = std::fs::read(&path).map_err(|source| NnError::Read {
            path: path.clone(),
            source: std::sync::Arc::new(source),
        })?;
        let actual = hex(ring::digest::digest(&ring::digest::SHA256, &bytes).as_ref());
        if actual != model.sha256 {
            return Err(NnError::Checksum {
                path,
                expected: model.sha256.to_string(),
                actual,
            });
        }
        Ok(WeightFile { path, bytes })
    }

    /// The tensors of the file, as float32 values with their shapes. Float16 tensors are widened
    /// to float32; tensors stored quantised as `NAME.q` (u8) with `NAME.scale` and `NAME.min` are
    /// returned dequantised under `NAME`.
    pub fn tensors(&self) -> Result<Tensors, NnError> {
        let st = SafeTensors::deserialize(&self.bytes).map_err(|e| self.format(e.to_string()))?;
        let mut raw: HashMap<String, StoredTensor> = HashMap::new();
        for (name, view) in st.tensors() {
            let shape = view.shape().to_vec();
            match view.dtype() {
                Dtype::F32 => {
                    let values = view
                        .data()
                        .chunks_exact(4)
                        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                        .collect();
                    raw.insert(name, (shape, values, Vec::new()));
                }
                Dtype::F16 => {
                    let values = view
                        .data()
                        .chunks_exact(2)
                        .map(|b| f16::from_bits(u16::from_le_bytes([b[0], b[1]])).to_f32())
                        .collect();
                    raw.insert(name, (shape, values, Vec::new()));
                }
                Dtype::U8 => {
                    raw.insert(name, (shape, Vec::new(), view.data().to_vec()));
                }
                other => {
                    return Err(self.format(format!("tensor {name} has unsupported type {other:?}")))
                }
            }
        }
        let mut out = HashMap::new();
        for (name, (shape, values, bytes)) in &raw {
            if let Some(base) = name.strip_suffix(".q") {
                let scalar = |suffix: &str| {
                    raw.get(&format!("{base}.{suffix}"))
                        .and_then(|(_, v, _)| v.first().copied())
                        .ok_or_else(|| self.format(format!("{base} lacks its {suffix}")))
                };
                let (scale, min) = (f64::from(scalar("scale")?), f64::from(scalar("min")?));
                let values = bytes
                    .iter()
                    .map(|&q| (f64::from(q) * scale + min) as f32)
                    .collect();
                out.insert(base.to_string(), (shape.clone(), values));
            } else if !name.ends_with(".scale") && !name.ends_with(".min") {
                out.insert(name.clone(), (shape.clone(), values.clone()));
            }
        }
        Ok(Tensors {
            path: self.path.clone(),
            map: out,
        })
    }

    fn format(&self, detail: String) -> NnError {
        NnError::Format {
            path: self.path.clone(),
            detail,
        }
    }
}

/// Float tensors read from a weight file, by name.
pub struct Tensors {
    path: PathBuf,
    map: HashMap<String, (Vec<usize>, Vec<f32>)>,
}

impl Tensors {
    /// A format error about this file, for a network that finds a tensor it cannot use.
    pub fn format_error(&self, detail: String) -> NnError {
        NnError::Format {
            path: self.path.clone(),
            detail,
        }
    }

    /// The values and shape of `name`.
    pub fn raw(&self, name: &str) -> Result<&(Vec<usize>, Vec<f32>), NnError> {
        self.map.get(name).ok_or_else(|| NnError::Format {
            path: self.path.clone(),
            detail: format!("tensor {name} is missing"),
        })
    }

    /// `name` as a tensor of rank `D` on `device`, checking the rank.
    pub fn tensor<const D: usize>(
        &self,
        name: &str,
        device: &Device,
    ) -> Result<Tensor<D>, NnError> {
        let (shape, values) = self.raw(name)?;
        if shape.len() != D && !(D == 1 && shape.is_empty()) {
            return Err(NnError::Format {
                path: self.path.clone(),
                detail: format!("tensor {name} has shape {shape:?}, expected rank {D}"),
            });
        }
        let shape = if shape.is_empty() {
            vec![1]
        } else {
            shape.clone()
        };
        Ok(Tensor::from_data(
            TensorData::new(values.clone(), shape),
            device,
        ))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
