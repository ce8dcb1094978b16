//! A statement cut into the words and numbers the cues look at.
//!
//! Statements are short and written by hand, so the cutting is simple:
//! lowercase runs of letters and digits, with the signs that carry meaning
//! in a key result (`%`, `$`, `<`, `>`, `≤`, `≥`, `+`) kept as words of
//! their own. Apostrophes join (`i'm`, `doesn't`), hyphens split
//! (`world-class` is `world` `class`), so that one list serves both spellings.

/// One word of a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// Lowercase, with curly apostrophes made straight.
    pub text: String,
    /// As the statement spells it.
    pub written: String,
    /// Whether it stands inside parentheses: an aside, not the statement.
    pub aside: bool,
}

/// A statement as words.
#[derive(Debug)]
pub struct Words {
    pub words: Vec<Word>,
}

/// The signs kept as words.
const SIGNS: &[char] = &['%', '$', '€', '£', '<', '>', '≤', '≥', '+', '~'];

/// Prefixes that a hyphen joins to their word.
const PREFIXES: &[&str] = &["re", "co", "pre", "un"];

impl Words {
    pub fn new(statement: &str) -> Words {
        let mut words = Vec::new();
        let mut current = String::new();
        let mut written = String::new();
        let mut depth = 0usize;
        let mut chars = statement.chars().peekable();
        while let Some(c) = chars.next() {
            // `re-focus` and `co-author` are one word.
            if c == '-' && PREFIXES.contains(&current.as_str()) {
                written.push(c);
                continue;
            }
            let apostrophe = matches!(c, '\'' | '’')
                && !current.is_empty()
                && chars.peek().is_some_and(|next| next.is_alphabetic());
            if c.is_alphanumeric() || apostrophe {
                current.extend(if apostrophe { '\''.to_lowercase() } else { c.to_lowercase() });
                written.push(c);
                continue;
            }

            flush(&mut current, &mut written, depth > 0, &mut words);
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ if SIGNS.contains(&c) => {
                    let sign = c.to_string();
                    words.push(Word { text: sign.clone(), written: sign, aside: depth > 0 });
                }
                _ => {}
            }
        }
        flush(&mut current, &mut written, depth > 0, &mut words);
        Words { words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn text(&self, index: usize) -> Option<&str> {
        self.words.get(index).map(|word| word.text.as_str())
    }

    /// Whether any word is one of `list`.
    pub fn has_any(&self, list: &[&str]) -> bool {
        self.find_any(list).is_some()
    }

    /// The first word that is one of `list`.
    pub fn find_any(&self, list: &[&str]) -> Option<&str> {
        self.words
            .iter()
            .filter(|word| !word.aside)
            .map(|word| word.text.as_str())
            .find(|text| list.contains(text))
    }

    /// Where the words of `phrase` (given lowercase, space-separated) come in
    /// this order, one after the other.
    pub fn find_phrase(&self, phrase: &str) -> Option<usize> {
        let wanted: Vec<&str> = phrase.split(' ').collect();
        (0..self.words.len()).find(|&start| {
            wanted.iter().enumerate().all(|(offset, want)| self.text(start + offset) == Some(want))
        })
    }

    /// The first phrase of `list` found.
    pub fn find_phrases<'p>(&self, list: &[&'p str]) -> Option<&'p str> {
        list.iter().copied().find(|phrase| self.find_phrase(phrase).is_some())
    }

    /// `reason` with each word quoted in backticks spelt as the statement
    /// spells it: the cues match lowercase words, and a person reads `2M`,
    /// not `2m`.
    pub fn as_written(&self, reason: &str) -> String {
        let mut parts: Vec<String> = reason.split('`').map(str::to_owned).collect();
        for quoted in parts.iter_mut().skip(1).step_by(2) {
            let spelt: Vec<&str> = quoted
                .split(' ')
                .map(|lower| {
                    let word = self.words.iter().find(|word| word.text == lower);
                    word.map_or(lower, |word| word.written.as_str())
                })
                .collect();
            *quoted = spelt.join(" ");
        }
        parts.join("`")
    }

    /// Whether the first `word` is followed by one of `list`.
    pub fn followed_by(&self, word: &str, list: &[&str]) -> bool {
        let at = self.words.iter().position(|w| w.text == word);
        at.and_then(|at| self.text(at + 1)).is_some_and(|next| list.contains(&next))
    }

    /// Whether the word at `index` is a number: it starts with a digit.
    /// `base32`, `q2` and `fy20` start with a letter, so they are names.
    pub fn is_number(&self, index: usize) -> bool {
        self.text(index).is_some_and(|text| text.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// Whether the word at `index` is a year, which dates a statement
    /// rather than measuring it.
    pub fn is_year(&self, index: usize) -> bool {
        self.text(index).is_some_and(|text| {
            text.len() == 4
                && (text.starts_with("19") || text.starts_with("20"))
                && text.chars().all(|c| c.is_ascii_digit())
        })
    }

    /// The indices of the numbers that are not years, nor in an aside.
    pub fn numbers(&self) -> Vec<usize> {
        (0..self.words.len())
            .filter(|&i| self.is_number(i) && !self.is_year(i) && !self.words[i].aside)
            .collect()
    }
}

fn flush(current: &mut String, written: &mut String, aside: bool, words: &mut Vec<Word>) {
    if !current.is_empty() {
        words.push(Word { text: std::mem::take(current), written: std::mem::take(written), aside });
    }
    written.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(statement: &str) -> Vec<String> {
        Words::new(statement).words.into_iter().map(|word| word.text).collect()
    }

    #[test]
    fn cuts_into_lowercase_words_and_signs() {
        assert_eq!(texts("Cut CI time by 50%"), ["cut", "ci", "time", "by", "50", "%"]);
        assert_eq!(texts("I’m world-class"), ["i'm", "world", "class"]);
        assert_eq!(texts("Form 3+ relationships"), ["form", "3", "+", "relationships"]);
        assert_eq!(texts("Source $5.9m"), ["source", "$", "5", "9m"]);
        assert_eq!(texts("Re-focus on docs"), ["refocus", "on", "docs"]);
    }

    #[test]
    fn reasons_quote_words_as_written() {
        let words = Words::new("Grow revenue from 2M to 3M in Germany");
        assert_eq!(words.as_written("a measured quantity: `2m`"), "a measured quantity: `2M`");
        assert_eq!(
            words.as_written("a language: `germany` and `x y`"),
            "a language: `Germany` and `x y`"
        );
    }

    #[test]
    fn numbers_skip_years_and_names() {
        let words = Words::new("Hire 10 engineers in 2020 for base32 (5k users)");
        assert_eq!(words.numbers(), [1]);
    }

    #[test]
    fn finds_phrases_in_order() {
        let words = Words::new("Improve my public speaking");
        assert_eq!(words.find_phrase("public speaking"), Some(2));
        assert_eq!(words.find_phrase("speaking public"), None);
    }
}
