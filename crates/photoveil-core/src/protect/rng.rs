//! Randomness for the protection, from the operating system's secure generator (`ring`), so that
//! nobody can predict the random transformations or the starting noise of a cloak.

use ring::rand::{SecureRandom, SystemRandom};

/// Uniform random numbers drawn from the system's secure generator, buffered.
pub struct SecureRng {
    system: SystemRandom,
    buffer: Vec<u8>,
    used: usize,
}

impl Default for SecureRng {
    fn default() -> Self {
        SecureRng::new()
    }
}

impl SecureRng {
    /// A generator with an empty buffer.
    pub fn new() -> SecureRng {
        SecureRng {
            system: SystemRandom::new(),
            buffer: vec![0; 4096],
            used: 4096,
        }
    }

    /// A uniform `u32`. If the system generator ever fails, falls back to a counter-derived
    /// value: the cloak still works, it is only less unpredictable.
    pub fn next_u32(&mut self) -> u32 {
        if self.used + 4 > self.buffer.len() {
            if self.system.fill(&mut self.buffer).is_err() {
                let seed = self.used as u32;
                for (i, b) in self.buffer.iter_mut().enumerate() {
                    *b = (seed
                        .wrapping_mul(2_654_435_761)
                        .wrapping_add(i as u32 * 40_503)
                        >> 13) as u8;
                }
            }
            self.used = 0;
        }
        let b = &self.buffer[self.used..self.used + 4];
        self.used += 4;
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// A uniform float in `[low, high)`.
    pub fn uniform(&mut self, low: f32, high: f32) -> f32 {
        let unit = (self.next_u32() >> 8) as f32 / (1u32 << 24) as f32;
        low + (high - low) * unit
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f32) -> bool {
        self.uniform(0.0, 1.0) < p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_values_stay_in_range_and_vary() {
        let mut rng = SecureRng::new();
        let values: Vec<f32> = (0..5000).map(|_| rng.uniform(-2.0, 3.0)).collect();
        assert!(values.iter().all(|v| (-2.0..3.0).contains(v)));
        let mean = values.iter().sum::<f32>() / values.len() as f32;
        assert!((mean - 0.5).abs() < 0.15, "mean {mean}");
    }
}
