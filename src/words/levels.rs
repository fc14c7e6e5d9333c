//! Words about a cloak level: its name, and the odds a "not confirmed" face at that level was
//! in fact no longer recognised.

use photoveil_core::protect::pipeline::Strength;
use photoveil_core::protect::verify::Odds;
use photoveil_core::protect::Engine;

/// The Fluent key of a cloak level's name.
pub fn level_key(level: Strength) -> &'static str {
    match level {
        Strength::Subtle => "cli-level-subtle",
        Strength::Standard => "cli-level-standard",
        Strength::Strong => "cli-level-strong",
    }
}

/// The Fluent selector (`$odds`) for how often faces the check could not confirm were no longer
/// recognised by the networks the program does not use, as measured for faces like this one
/// ([`Odds::of_not_confirmed`] with the program's checker): "most" (about 4 in 5) or "few" (about
/// 1 in 4).
pub fn not_confirmed_odds(level: Option<Strength>, similarity: Option<f32>) -> &'static str {
    match Odds::of_not_confirmed(Engine::DEFAULT_VERIFIER, level, similarity) {
        Odds::Most => "most",
        Odds::Few => "few",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_or_a_lower_similarity_has_the_better_odds() {
        let cases = [
            (Some(Strength::Strong), Some(0.78), "most"),
            (Some(Strength::Standard), Some(0.65), "most"),
            (Some(Strength::Standard), Some(0.70), "few"),
            (Some(Strength::Subtle), Some(0.75), "few"),
            (Some(Strength::Standard), None, "few"),
            (None, None, "few"),
        ];
        for (level, similarity, want) in cases {
            let got = not_confirmed_odds(level, similarity);
            assert_eq!(got, want, "{level:?} at {similarity:?}");
        }
    }
}
