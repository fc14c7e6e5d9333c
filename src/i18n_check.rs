//! Tests of the translations: every language has exactly the English keys, every file parses,
//! no translation uses a variable the program does not pass, every message formats without
//! errors, translations are in their own script, and every key the code names exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use fluent_syntax::parser;

use crate::i18n::{Localizations, LANGUAGES};

/// The variables each message uses, by message id.
pub(crate) type Messages = BTreeMap<String, BTreeSet<String>>;

pub(crate) fn source(lang: &str) -> String {
    let file = Localizations::get(&format!("{lang}/photoveil.ftl"))
        .unwrap_or_else(|| panic!("i18n/{lang}/photoveil.ftl is missing"));
    String::from_utf8(file.data.into_owned()).expect("UTF-8")
}

pub(crate) fn messages(lang: &str) -> Messages {
    let text = source(lang);
    let resource = match parser::parse(text.as_str()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("i18n/{lang}/photoveil.ftl does not parse: {errors:?}"),
    };
    let mut messages = Messages::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                assert!(
                    messages.insert(m.id.name.to_string(), vars).is_none(),
                    "{lang}: {} is defined twice",
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => panic!("{lang}: unparsable entry {content:?}"),
            _ => {}
        }
    }
    messages
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
            for arg in &arguments.named {
                inline_vars(&arg.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Whether `pattern` writes a variable's value somewhere (a variable used only to choose a
/// variant, such as `$odds`, is not written).
fn shows_a_variable(pattern: &ast::Pattern<&str>) -> bool {
    pattern.elements.iter().any(|element| match element {
        ast::PatternElement::Placeable { expression } => expression_shows(expression),
        ast::PatternElement::TextElement { .. } => false,
    })
}

fn expression_shows(expression: &ast::Expression<&str>) -> bool {
    match expression {
        ast::Expression::Select { variants, .. } => {
            variants.iter().any(|v| shows_a_variable(&v.value))
        }
        ast::Expression::Inline(ast::InlineExpression::VariableReference { .. }) => true,
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_shows(expression)
        }
        ast::Expression::Inline(_) => false,
    }
}

#[test]
fn every_language_has_exactly_the_english_keys() {
    let english = messages("en");
    assert!(english.len() > 70, "{}", english.len());
    for lang in LANGUAGES {
        let translated = messages(lang);
        let missing: Vec<_> = english
            .keys()
            .filter(|k| !translated.contains_key(*k))
            .collect();
        let extra: Vec<_> = translated
            .keys()
            .filter(|k| !english.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        for (key, vars) in &translated {
            let unknown: Vec<_> = vars.difference(&english[key]).collect();
            assert!(
                unknown.is_empty(),
                "{lang}: {key} uses variables the program does not pass: {unknown:?}"
            );
        }
    }
}

#[test]
fn every_message_formats_without_errors_for_several_counts() {
    let english = messages("en");
    for lang in LANGUAGES {
        let resource =
            FluentResource::try_new(source(lang)).unwrap_or_else(|(_, e)| panic!("{lang}: {e:?}"));
        let langid = lang.parse().expect("language tag");
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).expect("no duplicate keys");
        for (key, vars) in &english {
            for n in [0, 1, 2, 5, 21] {
                let mut args = FluentArgs::new();
                for var in vars {
                    args.set(var.as_str(), n);
                }
                let message = bundle
                    .get_message(key)
                    .unwrap_or_else(|| panic!("{lang}: {key} missing"));
                let pattern = message
                    .value()
                    .unwrap_or_else(|| panic!("{lang}: {key} has no value"));
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang}: {key} with {n}: {errors:?}");
                assert!(!text.trim().is_empty(), "{lang}: {key} is empty");
                assert!(!text.contains('{'), "{lang}: {key} left a brace: {text}");
                if shows_a_variable(pattern) && n > 1 {
                    assert!(
                        text.contains(&n.to_string()),
                        "{lang}: {key} does not show the count {n}: {text}"
                    );
                }
            }
        }
    }
}

#[test]
fn translations_are_written_in_their_own_script() {
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    for (lang, script) in [("ko", &hangul as &dyn Fn(char) -> bool), ("ur", &arabic)] {
        let resource = FluentResource::try_new(source(lang)).expect("parses");
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut text = String::new();
                if let Some(value) = &m.value {
                    collect_text(value, &mut text);
                }
                assert!(
                    text.chars().any(script),
                    "{lang}: {} looks untranslated: {text:?}",
                    m.id.name
                );
            }
        }
    }
}

fn collect_text(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for v in variants {
                    collect_text(&v.value, out);
                }
            }
            ast::PatternElement::Placeable { .. } => {}
        }
    }
}

#[test]
fn every_key_named_in_the_code_exists() {
    let english = messages("en");
    for explanation in photoveil_core::Explanation::ALL {
        assert!(
            english.contains_key(&explanation.key()),
            "{}",
            explanation.key()
        );
    }
    // String literals that look like message keys, in every source file of the binary.
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut named = BTreeSet::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).expect("read");
                for literal in code.split('"').skip(1).step_by(2) {
                    let prefixes = [
                        "cli-",
                        "report-",
                        "category-",
                        "severity-",
                        "gui-",
                        "error-",
                        "mismatch-",
                        "io-",
                    ];
                    // A literal ending in '-' is a family of keys ("gui-face-"), not a key.
                    let looks_like_key = prefixes.iter().any(|p| literal.starts_with(p))
                        && literal.len() > 6
                        && !literal.ends_with('-')
                        && literal
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if looks_like_key {
                        named.insert(literal.to_string());
                    }
                }
            }
        }
    }
    assert!(named.contains("report-title") && named.contains("cli-scan-faces"));
    let unknown: Vec<_> = named.iter().filter(|k| !english.contains_key(*k)).collect();
    assert!(
        unknown.is_empty(),
        "keys used in code but not translated: {unknown:?}"
    );
}
