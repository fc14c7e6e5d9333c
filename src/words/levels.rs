//! Words about a cloak level: its name, and the odds a "not confirmed" face at that level was
//! in fact no longer recognised.

use photoveil_core::protect::pipeline::Strength;

/// The Fluent key of a cloak level's name.
pub fn level_key(level: Strength) -> &'static str {
    match level {
        Strength::Subtle => "cli-level-subtle",
        Strength::Standard => "cli-level-standard",
        Strength::Strong => "cli-level-strong",
    }
}

/// Below this similarity of the shipped checker (MobileFace) after the upload, faces left at
/// `subtle` or `standard` whose result was "not confirmed" were mostly no longer recognised
/// by the judges (30 of 37); from it to the "still recognised" line, only 14 of 56 were.
const FEW_FROM: f32 = 0.70;

/// The Fluent selector (`$odds`) for how often faces the check could not confirm were no longer
/// recognised by the networks the program does not use, as measured for the level the face
/// ended at and its similarity after the upload (`docs/protection-figures.md`, "The odds in
/// the words"): "most" (about 4 in 5) at `strong` (170 of 200) and below 0.70 at the lower
/// levels (30 of 37); "few" (about 1 in 4) from 0.70 at the lower levels (14 of 56), and where
/// the similarity is not known.
pub fn not_confirmed_odds(level: Option<Strength>, similarity: Option<f32>) -> &'static str {
    match (level, similarity) {
        (Some(Strength::Strong), _) => "most",
        (_, Some(s)) if s < FEW_FROM => "most",
        _ => "few",
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
