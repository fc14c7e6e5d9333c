//! Naming people in `photoveil audit` (`--name N=NAME`) and showing one person's photos
//! (`--person NAME`). Names are kept in a file in the user's local data folder and nowhere else.

use super::out::out;
use std::collections::HashSet;

use photoveil_core::audit::{name_groups, AuditReport, NamingError, PeopleBook};
use serde_json::json;

use crate::words::describe;

/// Why a `--name` value could not be read; `Display` is what clap prints after the option
/// (clap's own messages are English). The binary has no `thiserror`, hence the plain impls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameArgError {
    /// No `=` between the number and the name.
    NoEquals,
    /// The part before `=` is not a number from 1.
    NotANumber(String),
    /// Nothing after `=`.
    EmptyName,
}

impl std::fmt::Display for NameArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameArgError::NoEquals => f.write_str("expected PERSON=NAME, e.g. 1=me"),
            NameArgError::NotANumber(number) => {
                write!(f, "\"{number}\" is not a person's number (1, 2, ...)")
            }
            NameArgError::EmptyName => f.write_str("the name is empty"),
        }
    }
}

impl std::error::Error for NameArgError {}

/// Reads `N=NAME` (N: a person's number as the audit shows it, from 1).
pub fn parse_name(value: &str) -> Result<(usize, String), NameArgError> {
    let (number, name) = value.split_once('=').ok_or(NameArgError::NoEquals)?;
    let number: usize = number
        .trim()
        .parse()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| NameArgError::NotANumber(number.to_string()))?;
    if name.trim().is_empty() {
        return Err(NameArgError::EmptyName);
    }
    Ok((number, name.trim().to_string()))
}

/// Names the report's groups the user named before, then gives the new `names` and keeps them.
/// Returns false when a name could not be given or kept.
pub fn name_people(report: &mut AuditReport, names: &[(usize, String)], json: bool) -> bool {
    let Some(path) = crate::paths::people_book() else {
        return names.is_empty();
    };
    let mut book = PeopleBook::load(&path);
    name_groups(&mut report.groups, &book);
    if names.is_empty() {
        return true;
    }
    let mut ok = true;
    for (number, name) in names {
        let id = *number as i64;
        let Some(group) = report.groups.get_mut(number - 1) else {
            ok = false;
            say_problem(
                json,
                describe::numbers("audit-no-such-person", &[("id", id)]),
            );
            continue;
        };
        let given = match &group.signature {
            Some(signature) => book.remember(name, signature),
            None => Err(NamingError::NoFace),
        };
        match given {
            Ok(()) => {
                group.name = Some(name.clone());
                let line = describe::words(
                    "audit-named",
                    &[("id", &number.to_string()), ("name", name)],
                );
                if json {
                    out!(
                        "{}",
                        json!({"type": "named", "group": number - 1, "name": name})
                    );
                } else {
                    out!("{line}");
                }
            }
            Err(NamingError::EmptyName) => {
                ok = false;
                say_problem(json, describe::words("audit-name-empty", &[]));
            }
            Err(NamingError::NoFace) => {
                ok = false;
                say_problem(json, describe::numbers("audit-name-no-face", &[("id", id)]));
            }
        }
    }
    if let Err(e) = book.save(&path) {
        say_problem(json, crate::words::reasons::error(&e));
        return false;
    }
    ok
}

/// Keeps only the photos that show the person named `name` (and that person's groups).
/// Returns false, saying so, when no one of that name is in the export.
pub fn only_person(report: &mut AuditReport, name: &str, json: bool) -> bool {
    let wanted = name.trim();
    let groups: HashSet<usize> = report
        .groups
        .iter()
        .filter(|g| g.name.as_deref() == Some(wanted))
        .map(|g| g.id)
        .collect();
    if groups.is_empty() {
        say_problem(
            json,
            describe::words("audit-person-not-found", &[("name", wanted)]),
        );
        return false;
    }
    report.groups.retain(|g| groups.contains(&g.id));
    let media = &report.media;
    report.ranking.retain(|r| {
        media.get(r.media).is_some_and(|m| {
            m.faces
                .iter()
                .flatten()
                .any(|f| f.group.is_some_and(|g| groups.contains(&g)))
        })
    });
    true
}

fn say_problem(json: bool, line: String) {
    if json {
        out!("{}", json!({"type": "error", "error": line}));
    } else {
        eprintln!("photoveil: {line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_as_number_equals_name_or_refused_with_a_typed_reason() {
        assert_eq!(
            parse_name(" 2 = my daughter "),
            Ok((2, "my daughter".into()))
        );
        assert_eq!(parse_name("me"), Err(NameArgError::NoEquals));
        assert_eq!(
            parse_name("0=me"),
            Err(NameArgError::NotANumber("0".into()))
        );
        assert_eq!(parse_name("1=  "), Err(NameArgError::EmptyName));
        assert!(NameArgError::NotANumber("x".into())
            .to_string()
            .contains("\"x\""));
    }
}
