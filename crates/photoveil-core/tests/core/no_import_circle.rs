//! No import circle between the core's top-level modules: each module may use only modules
//! that never use it back, directly or through others. The test reads the sources (code only,
//! not comments: a doc link is not a dependency); `tools/module-cycles.py` prints the same graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
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

/// The top-level module a source file belongs to.
fn module_of(src: &Path, file: &Path) -> String {
    let first = file
        .strip_prefix(src)
        .expect("under src")
        .components()
        .next()
        .expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// Words that follow `crate::`, and those inside `crate::{...}`, in the code of `text`.
fn named_modules(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut named = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inside = group.split('}').next().unwrap_or("");
            for part in inside.split(',') {
                let word: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                named.insert(word);
            }
        } else {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            named.insert(word);
        }
    }
    named
}

fn graph(src: &Path) -> Graph {
    let files = rust_files(src);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(src, f))
        .filter(|m| m != "lib")
        .collect();
    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for file in &files {
        let here = module_of(src, file);
        let Some(uses) = graph.get_mut(&here) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("readable source");
        uses.extend(
            named_modules(&text)
                .into_iter()
                .filter(|m| modules.contains(m) && *m != here),
        );
    }
    graph
}

/// The modules `from` reaches by following uses.
fn reachable(graph: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&String> = graph[from].iter().collect();
    while let Some(m) = stack.pop() {
        if seen.insert(m.clone()) {
            stack.extend(graph[m].iter());
        }
    }
    seen
}

/// Each module that reaches itself, with the modules of its circle.
fn circles(graph: &Graph) -> Vec<(String, BTreeSet<String>)> {
    graph
        .keys()
        .filter_map(|m| {
            let reach = reachable(graph, m);
            reach.contains(m).then(|| {
                let circle = reach
                    .into_iter()
                    .filter(|other| reachable(graph, other).contains(m))
                    .collect();
                (m.clone(), circle)
            })
        })
        .collect()
}

#[test]
fn the_core_modules_have_no_import_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph(&src);
    assert!(graph.len() > 10, "too few modules found: {graph:?}");
    assert!(graph["scan"].contains("container"), "{:?}", graph["scan"]);
    let found = circles(&graph);
    assert!(found.is_empty(), "import circles: {found:#?}");
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let mut graph = Graph::new();
    graph.insert("a".into(), ["b".to_string()].into());
    graph.insert("b".into(), ["c".to_string()].into());
    graph.insert("c".into(), ["a".to_string()].into());
    graph.insert("d".into(), ["a".to_string()].into());
    let found = circles(&graph);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|(m, _)| m != "d"));
    assert_eq!(
        named_modules(
            "use crate::{scan, error::Error};\n// crate::audit\nlet x = crate::faces::f();"
        ),
        ["error", "faces", "scan"].map(String::from).into()
    );
}
