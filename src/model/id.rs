//! Identifiers: the names of people, groups, objectives, key results,
//! initiatives and custom periods.
//!
//! An id doubles as a file or folder name, so its alphabet is kept small
//! enough to be safe on every file system and in every URL: lowercase ASCII
//! letters, digits and single dashes. Parsing an id is the first line of
//! defence against paths that would leave the workspace.

use std::fmt;

use compact_str::CompactString;

/// The longest id the format accepts.
pub const MAX_ID_LEN: usize = 64;

/// A valid identifier. Ids are short and there are many of them (every
/// check-in's `by` is one), so one of up to 24 bytes lives inline rather
/// than in an allocation of its own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(CompactString);

/// Why a string is not an id; the message reads after "`x` is not a valid id: ".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdError {
    Empty,
    TooLong,
    BadCharacter(char),
    StartsWithDash,
    EndsWithDash,
    DoubleDash,
    /// A device name on Windows (`con`, `nul`, `com1`...): no file or folder
    /// can have it there, so a workspace with it could not be checked out.
    Reserved,
}

/// Names Windows keeps for devices, in every folder and whatever the case.
const WINDOWS_DEVICES: [&str; 24] = [
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

impl Id {
    /// Parses an id, refusing anything outside the id alphabet.
    pub fn parse(text: &str) -> Result<Id, IdError> {
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if text.len() > MAX_ID_LEN {
            return Err(IdError::TooLong);
        }
        if let Some(bad) =
            text.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(IdError::BadCharacter(bad));
        }
        if text.starts_with('-') {
            return Err(IdError::StartsWithDash);
        }
        if text.ends_with('-') {
            return Err(IdError::EndsWithDash);
        }
        if text.contains("--") {
            return Err(IdError::DoubleDash);
        }
        if WINDOWS_DEVICES.contains(&text) {
            return Err(IdError::Reserved);
        }
        Ok(Id(CompactString::from(text)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => f.write_str("it is empty"),
            IdError::TooLong => write!(f, "it is longer than {MAX_ID_LEN} characters"),
            IdError::BadCharacter(c) if c.is_ascii_uppercase() => {
                write!(f, "`{c}` is uppercase; ids are lowercase")
            }
            IdError::BadCharacter(c) => write!(f, "`{}` is not allowed", c.escape_debug()),
            IdError::StartsWithDash => f.write_str("it starts with a dash"),
            IdError::EndsWithDash => f.write_str("it ends with a dash"),
            IdError::DoubleDash => f.write_str("it has two dashes in a row"),
            IdError::Reserved => {
                f.write_str("it is a device name on Windows, where no file can have it")
            }
        }
    }
}

/// The longest id derived from a title.
pub const MAX_DERIVED_LEN: usize = 48;

impl Id {
    /// Derives an id from a title: accents folded to ASCII, every other
    /// character a dash, at most 48 characters cut at a dash. `None` when
    /// nothing of the title is left.
    pub fn from_title(title: &str) -> Option<Id> {
        let folded = deunicode::deunicode(title);
        let mut id = suggest_id(&folded);
        if id.len() > MAX_DERIVED_LEN {
            let cut = id[..=MAX_DERIVED_LEN].rfind('-').unwrap_or(MAX_DERIVED_LEN);
            id.truncate(cut);
        }
        Id::parse(&portable(id.trim_end_matches('-').to_owned())).ok()
    }
}

/// An id that is not a Windows device name: `con` becomes `con-1`.
fn portable(id: String) -> String {
    if WINDOWS_DEVICES.contains(&id.as_str()) { format!("{id}-1") } else { id }
}

/// Suggests the id a person most likely meant: lowercase, with every run of
/// other characters turned into a single dash.
pub fn suggest_id(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    out.truncate(MAX_ID_LEN);
    portable(out.trim_end_matches('-').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_id_alphabet() {
        // Device names are refused only whole: `console` and `com10` are files anywhere.
        for good in [
            "a",
            "marketing",
            "2026",
            "t1-2026",
            "a-b-c",
            &"x".repeat(64),
            "console",
            "com10",
            "con-1",
        ] {
            assert_eq!(Id::parse(good).map(|id| id.to_string()), Ok(good.to_owned()));
        }
    }

    #[test]
    fn refuses_everything_else() {
        let cases = [
            ("", IdError::Empty),
            (&"x".repeat(65) as &str, IdError::TooLong),
            ("Marketing", IdError::BadCharacter('M')),
            ("a_b", IdError::BadCharacter('_')),
            ("a b", IdError::BadCharacter(' ')),
            ("../etc", IdError::BadCharacter('.')),
            ("a/b", IdError::BadCharacter('/')),
            ("café", IdError::BadCharacter('é')),
            ("-a", IdError::StartsWithDash),
            ("a-", IdError::EndsWithDash),
            ("a--b", IdError::DoubleDash),
            ("con", IdError::Reserved),
            ("aux", IdError::Reserved),
            ("nul", IdError::Reserved),
            ("com1", IdError::Reserved),
            ("lpt1", IdError::Reserved),
            ("lpt9", IdError::Reserved),
        ];
        for (text, error) in cases {
            assert_eq!(Id::parse(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn ids_from_titles_fold_accents_and_cut_at_a_dash() {
        assert_eq!(
            Id::from_title("Make onboarding effortless").unwrap().as_str(),
            "make-onboarding-effortless"
        );
        assert_eq!(
            Id::from_title("Réduire les délais — à 5 jours!").unwrap().as_str(),
            "reduire-les-delais-a-5-jours"
        );
        let long =
            Id::from_title("Make every single page of the product feel instant for every rider")
                .unwrap();
        assert_eq!(long.as_str(), "make-every-single-page-of-the-product-feel");
        assert!(long.as_str().len() <= MAX_DERIVED_LEN);
        assert_eq!(Id::from_title("!!!"), None);
        // A title that reads as a device name still makes a portable id.
        assert_eq!(Id::from_title("Con").unwrap().as_str(), "con-1");
        let cut = format!("Aux {}", "x".repeat(50));
        assert_eq!(Id::from_title(&cut).unwrap().as_str(), "aux-1");
    }

    #[test]
    fn suggests_a_valid_id() {
        assert_eq!(suggest_id("Marketing Team"), "marketing-team");
        assert_eq!(suggest_id("--Q4__plan!"), "q4-plan");
        assert!(Id::parse(&suggest_id(&"Ab ".repeat(40))).is_ok());
        assert_eq!(suggest_id("NUL"), "nul-1");
        assert_eq!(suggest_id("COM1"), "com1-1");
    }
}
