//! Naming people in `photoveil audit` (`--name N=NAME`) and showing one person's photos
//! (`--person NAME`). Names are kept in a file in the user's local data folder and nowhere else.

use super::out::out;
use std::collections::HashSet;

use photoveil_core::audit::{name_groups, AuditReport, NamingError, PeopleBook};
use serde_json::json;

use crate::words::describe;

/// Reads `N=NAME` (N: a person's number as the audit shows it, from 1).
pub fn parse_name(value: &str) -> Result<(usize, String), String> {
    let (number, name) = value
        .split_once('=')
        .ok_or_else(|| "expected PERSON=NAME, e.g. 1=me".to_string())?;
    let number: usize = number
        .trim()
        .parse()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| format!("\"{number}\" is not a person's number (1, 2, ...)"))?;
    if name.trim().is_empty() {
        return Err("the name is empty".to_string());
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
        say_problem(json, format!("{}: {e}", path.display()));
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
