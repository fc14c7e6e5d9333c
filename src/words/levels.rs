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

/// The Fluent selector (`$odds`) for how often faces the check could not confirm were no longer
/// recognised by the networks the program does not use, as measured for the level the face
/// ended at (`docs/protection-figures.md`, "A third verdict"): most of them at `strong` (170 of
/// 200), about half below it (44 of 93).
pub fn not_confirmed_odds(level: Option<Strength>) -> &'static str {
    match level {
        Some(Strength::Strong) => "most",
        _ => "half",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_strong_has_the_better_odds() {
        assert_eq!(not_confirmed_odds(Some(Strength::Strong)), "most");
        assert_eq!(not_confirmed_odds(Some(Strength::Standard)), "half");
        assert_eq!(not_confirmed_odds(Some(Strength::Subtle)), "half");
        assert_eq!(not_confirmed_odds(None), "half");
    }
}
