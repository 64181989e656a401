//! Text from files anyone can write, made safe to show: no control characters or
//! direction overrides reach the terminal, whatever a lesson file contains.

/// Keeps newlines, turns tabs into spaces, drops carriage returns, other control
/// characters and the Unicode direction overrides that could disguise text.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            c if c.is_control() => {}
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Splits lesson text into blocks: paragraphs (lines joined) and bullet points, so each
/// front end can wrap them to its own width.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(paragraph)));
        }
    };
    let mut after_blank = false;
    for raw in text.lines() {
        let line = raw.trim();
        let continues_bullet = raw.starts_with(char::is_whitespace) && !after_blank;
        after_blank = line.is_empty();
        if line.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Bullet(item.trim().to_string()));
        } else if let (Some(Block::Bullet(item)), true) =
            (blocks.last_mut(), paragraph.is_empty() && continues_bullet)
        {
            // An indented line under a bullet continues that bullet.
            item.push(' ');
            item.push_str(line);
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

/// One piece of lesson text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Bullet(String),
}

/// Wraps `text` into lines of at most `width` characters, breaking at spaces (a word
/// longer than the width is split).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(word.drain(..width).collect());
        }
        if len > 0 && len + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(word.iter());
        len += word.len();
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_direction_overrides_are_removed() {
        assert_eq!(clean("a\x1b[31mb\x07\r\n\u{202E}c\td"), "a[31mb\nc    d");
    }

    #[test]
    fn text_splits_into_paragraphs_and_bullets() {
        let text = "First line\nsame paragraph.\n\n- one\n  still one\n- two\nAfter.\n\n- three\n\n  Later.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("First line same paragraph.".into()),
                Block::Bullet("one still one".into()),
                Block::Bullet("two".into()),
                Block::Paragraph("After.".into()),
                Block::Bullet("three".into()),
                Block::Paragraph("Later.".into()),
            ]
        );
    }
}
