//! Escaping for HTML: every value from a photo (file names, metadata) is attacker-controlled.

/// Escapes text for HTML element content and quoted attribute values, and drops control
/// characters (except tab and newline) that could confuse a viewer.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_are_neutralised() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}[31m"), "a\u{FFFD}b\u{FFFD}[31m");
        assert_eq!(escape("서울 · لاہور"), "서울 · لاہور");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("한국어텍스트", 3), "한국어…");
        assert_eq!(shorten("abc", 3), "abc");
    }
}
