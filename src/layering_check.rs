//! The binary's modules depend on each other in one direction only:
//! `cli` -> `gui` -> `report`, `words`, `paths`, `i18n`. A module lower down never names one
//! higher up, so there is no import circle. Checked by reading the sources.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found
}

/// The files under `src/<module>` (folder) and `src/<module>.rs`.
fn module_files(module: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let folder = src.join(module);
    if folder.is_dir() {
        files.extend(sources(&folder));
    }
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        files.push(file);
    }
    assert!(!files.is_empty(), "no sources for module {module}");
    files
}

/// Which of `higher` the files of `module` name as `crate::<higher>`.
fn upward_uses(module: &str, higher: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in module_files(module) {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for up in higher {
            if text.contains(&format!("crate::{up}::")) || text.contains(&format!("crate::{up};")) {
                found.push(format!("{} uses crate::{up}", file.display()));
            }
        }
    }
    found
}

#[test]
fn lower_modules_never_name_higher_ones() {
    let mut problems = Vec::new();
    problems.extend(upward_uses("gui", &["cli"]));
    for lower in ["report", "words", "paths", "i18n", "fonts"] {
        problems.extend(upward_uses(lower, &["cli", "gui"]));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_check_sees_an_upward_use() {
    // The check reads real files: the command line does name the app (it opens it).
    assert!(!upward_uses("cli", &["gui"]).is_empty());
}
