//! What a proposed objective really is: SPEC §1's classes, with reasons.
//!
//! Most proposed "individual objectives" are not objectives. The classifier
//! reads a statement, weighs the cues of [`cues`] and answers with a class,
//! the cues that decided it, and advice in the terms of the practice. It is
//! deterministic and offline: word lists and weights, no model.
//!
//! A doubtful reading is an objective. The validator fails CI on personal
//! development, so it acts only on a [`Classification::certain`] one.

mod cues;
mod words;

use serde::Serialize;

pub use cues::Cue;
use words::Words;

/// What a statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    PersonalDevelopment,
    Initiative,
    KeyResult,
    Objective,
}

impl Class {
    pub const ALL: [Class; 4] =
        [Class::PersonalDevelopment, Class::Initiative, Class::KeyResult, Class::Objective];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::PersonalDevelopment => "personal-development",
            Class::Initiative => "initiative",
            Class::KeyResult => "key-result",
            Class::Objective => "objective",
        }
    }

    /// The class in words, for a sentence: "reads as an initiative".
    pub fn phrase(self) -> &'static str {
        match self {
            Class::PersonalDevelopment => "personal development",
            Class::Initiative => "an initiative",
            Class::KeyResult => "a key result",
            Class::Objective => "an objective",
        }
    }

    pub fn parse(text: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|class| class.as_str() == text)
    }
}

/// The classifier's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Classification {
    pub class: Class,
    /// The cues for the class, strongest first.
    pub cues: Vec<Cue>,
    /// Whether a strong cue decided it: only then does the validator treat
    /// personal development as an error.
    pub certain: bool,
}

/// What an objective scores before any cue: a statement with no evidence
/// is taken at its word.
const OBJECTIVE_PRIOR: f32 = 1.0;

/// The evidence personal development needs to win at all, so that one
/// weak habit word ("blog") does not call a team's goal someone's growth.
const PERSONAL_DEVELOPMENT_FLOOR: f32 = 2.0;

/// Classifies one statement.
pub fn classify(statement: &str) -> Classification {
    let words = Words::new(strip_tag(statement));
    let cues = cues::find(&words);

    let score = |class: Class| -> f32 {
        let prior = if class == Class::Objective { OBJECTIVE_PRIOR } else { 0.0 };
        prior + cues.iter().filter(|cue| cue.class == class).map(|cue| cue.weight).sum::<f32>()
    };
    let mut class = Class::Objective;
    for candidate in [Class::KeyResult, Class::Initiative, Class::PersonalDevelopment] {
        if score(candidate) > score(class) {
            class = candidate;
        }
    }
    if class == Class::PersonalDevelopment && score(class) < PERSONAL_DEVELOPMENT_FLOOR {
        class = [Class::KeyResult, Class::Initiative, Class::Objective]
            .into_iter()
            .fold(Class::Objective, |best, c| if score(c) > score(best) { c } else { best });
    }

    let mut chosen: Vec<Cue> = cues.into_iter().filter(|cue| cue.class == class).collect();
    chosen.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let certain = chosen.iter().any(|cue| cue.strong);
    Classification { class, cues: chosen, certain }
}

/// Drops a leading `[Area]` tag, which names who wrote the statement, not
/// what it is.
fn strip_tag(statement: &str) -> &str {
    let trimmed = statement.trim_start();
    if trimmed.starts_with('[')
        && let Some(end) = trimmed.find(']')
    {
        return &trimmed[end + 1..];
    }
    trimmed
}

impl Classification {
    /// The reasons, as lines a person reads.
    pub fn reasons(&self) -> Vec<String> {
        if self.cues.is_empty() {
            return vec![
                "no cue of a task, a measure or personal growth: an outcome to reach".to_owned(),
            ];
        }
        self.cues.iter().map(|cue| cue.reason.clone()).collect()
    }
}

/// Whether only one person should focus on an objective, when asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    Individual,
    Group,
    Unknown,
}

/// What to do with a statement of `class`, in the terms of SPEC §1.
/// `candidates` are objectives an initiative or key result could serve.
pub fn advice(class: Class, focus: Focus, candidates: &[String]) -> String {
    match class {
        Class::PersonalDevelopment => "personal development belongs in an HR or performance tool, not in \
             OKRs; if it serves a group's goal, write that goal as the group's objective and this as an \
             initiative under one of its key results"
            .to_owned(),
        Class::Initiative => {
            let serve = match candidates {
                [] => "a key result of a group objective".to_owned(),
                refs => format!(
                    "a key result of a group objective it serves, such as {}",
                    refs.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
                ),
            };
            format!(
                "it is work to do: add it as an initiative under {serve} (`okr add initiative OBJECTIVE \
                 TITLE --owner PERSON --supports KR`), and name the outcome it moves as the objective"
            )
        }
        Class::KeyResult => {
            let under = match candidates {
                [] => "an objective that says why the number matters".to_owned(),
                refs => format!(
                    "the objective it measures, such as {}",
                    refs.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
                ),
            };
            format!(
                "it measures: add it as a key result under {under} (`okr add kr OBJECTIVE TITLE --start N \
                 --target N`)"
            )
        }
        Class::Objective => match focus {
            Focus::Individual => "a real individual objective: let a group own it, a one-member team so \
                 that its history stays with the team, or the group of its functional area, with the \
                 person as lead"
                .to_owned(),
            Focus::Group | Focus::Unknown => "an objective: let the group that should focus on it own it, \
                 with one person as lead, and add two to five key results that show it is achieved"
                .to_owned(),
        },
    }
}

/// Objectives an initiative or a key result could go under, with the
/// subject words of their text read once: a workspace is matched against
/// many statements (every flagged title, every line of `okr classify -`).
#[derive(Debug, Default)]
pub struct Homes {
    objectives: Vec<(String, Vec<String>)>,
}

impl Homes {
    /// The objectives as reference and the text to match against.
    pub fn new<T: AsRef<str>>(objectives: impl IntoIterator<Item = (String, T)>) -> Homes {
        let objectives = objectives
            .into_iter()
            .map(|(reference, text)| (reference, content_words(text.as_ref())))
            .collect();
        Homes { objectives }
    }

    /// Up to three references, other than `except`, that share the most
    /// subject words with `statement`.
    pub fn best(&self, statement: &str, except: Option<&str>) -> Vec<String> {
        let wanted = content_words(statement);
        let mut scored: Vec<(usize, &str)> = self
            .objectives
            .iter()
            .filter(|(reference, _)| Some(reference.as_str()) != except)
            .map(|(reference, words)| {
                (words.iter().filter(|w| wanted.contains(w)).count(), reference.as_str())
            })
            .filter(|(shared, _)| *shared > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        scored.into_iter().take(3).map(|(_, reference)| reference.to_owned()).collect()
    }
}

/// The words of a statement that carry its subject: longer than three
/// letters, neither a common function word nor a verb the cues know, cut
/// to a crude stem so that "onboarding" meets "onboard".
fn content_words(statement: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "with", "that", "this", "from", "into", "have", "more", "less", "than", "their", "they",
        "make", "every", "each", "about", "over", "under", "will", "what", "when", "which",
    ];
    Words::new(statement)
        .words
        .into_iter()
        .map(|word| word.text)
        .filter(|text| text.chars().count() > 3 && !COMMON.contains(&text.as_str()))
        .filter(|text| !cues::is_verb(text))
        .map(|text| text.chars().take(6).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(statement: &str) -> Class {
        classify(statement).class
    }

    #[test]
    fn the_four_examples_of_the_practice() {
        assert_eq!(class("Learn to speak German fluently"), Class::PersonalDevelopment);
        assert_eq!(class("Build feature X"), Class::Initiative);
        assert_eq!(class("Increase weekly active users from 10k to 15k"), Class::KeyResult);
        assert_eq!(class("Increase engagement"), Class::Objective);
    }

    #[test]
    fn personal_development_in_the_first_person_and_without() {
        assert_eq!(class("I want to get better at public speaking"), Class::PersonalDevelopment);
        assert_eq!(class("Improve public speaking skills"), Class::PersonalDevelopment);
        assert_eq!(class("Get AWS certified"), Class::PersonalDevelopment);
        assert_eq!(class("Take an evening pottery course"), Class::PersonalDevelopment);
        assert!(classify("Get AWS certified").certain);
    }

    #[test]
    fn personal_development_as_teams_write_it() {
        for statement in [
            "Finish the MBA",
            "Become proficient in Kubernetes",
            "Improve written English",
            "Reach C1 in English",
            "Grow as a manager",
            "Work on work-life balance",
            "Complete FinOps Certified Practitioner Course",
            "Become a better manager",
        ] {
            assert_eq!(class(statement), Class::PersonalDevelopment, "{statement}");
        }
    }

    #[test]
    fn growth_of_a_group_is_not_personal_development() {
        assert_ne!(
            class("Train all support engineers on the new billing flow"),
            Class::PersonalDevelopment
        );
        assert_ne!(class("Every teammate grows their skills"), Class::PersonalDevelopment);
        assert!(!classify("Level up the skills of our support team").certain);
    }

    #[test]
    fn a_language_to_ship_is_not_one_to_learn() {
        assert_ne!(class("Launch the German storefront"), Class::PersonalDevelopment);
        assert_ne!(class("Launch the new German website"), Class::PersonalDevelopment);
        assert_ne!(class("Translate the docs into Spanish"), Class::PersonalDevelopment);
    }

    /// Team objectives that share words with personal development: none
    /// may be called it, since that fails someone's CI.
    #[test]
    fn words_of_growth_in_a_team_objective_are_not_personal_development() {
        for statement in [
            "Build a world-class product",
            "Be best in class for support",
            "Become SOC 2 certified",
            "Get the cargo bike certified for EU roads",
            "Customers learn the product in a day",
            "Build a learning culture",
            "Establish a code review practice",
            "Become the leader in code search",
            "Become the platform developers choose",
            "Run a spring promotion",
            "Sell more",
            "Get better at forecasting",
            "Stay on course for the spring launch",
            "Ship releases on time",
            "Become a certified B Corp",
            "Pass the TÜV exam for the new frame",
            "Take the course builder to general availability",
            "Dealers learn to sell the Cargo Two in one visit",
            "Help riders learn to maintain their bikes",
            "Workshop mechanics get certified on the Cargo Two",
            "Get certified as a Shopify Plus partner",
        ] {
            assert_ne!(class(statement), Class::PersonalDevelopment, "{statement}");
        }
    }

    #[test]
    fn key_results_measure() {
        assert_eq!(class("Cut p95 checkout latency to under 300 ms"), Class::KeyResult);
        assert_eq!(class("40% of trials convert to paid"), Class::KeyResult);
        assert_eq!(class("Revenue doubles year over year"), Class::KeyResult);
        assert_eq!(class("Book $2m in new annual contracts"), Class::KeyResult);
    }

    #[test]
    fn initiatives_are_work_stated_as_a_verb_or_as_done() {
        assert_eq!(class("Migrate the billing service to Postgres"), Class::Initiative);
        assert_eq!(class("The onboarding guide is published"), Class::Initiative);
        assert_eq!(class("Offline mode enabled by default"), Class::Initiative);
        assert_eq!(class("Hire a staff designer"), Class::Initiative);
    }

    #[test]
    fn objectives_aspire() {
        assert_eq!(class("Build a world-class support team"), Class::Objective);
        assert_eq!(class("Customers trust our uptime"), Class::Objective);
        assert_eq!(class("Become the most reliable bike courier in town"), Class::Objective);
    }

    #[test]
    fn every_answer_has_a_reason() {
        for statement in ["Increase engagement", "Ship it", "", "   ", "42"] {
            assert!(!classify(statement).reasons().is_empty(), "{statement:?}");
        }
    }

    #[test]
    fn a_leading_area_tag_is_not_read() {
        assert_eq!(strip_tag("[People] Hire a recruiter"), " Hire a recruiter");
        assert_eq!(class("[Learning] Ship the billing page"), Class::Initiative);
    }

    #[test]
    fn homes_share_words_with_the_statement() {
        let homes = Homes::new([
            ("sales/2026-Q4/grow-revenue".to_owned(), "Grow revenue in Europe"),
            ("ops/2026-Q4/onboarding".to_owned(), "Make onboarding effortless"),
        ]);
        assert_eq!(homes.best("Ship the onboarding checklist", None), ["ops/2026-Q4/onboarding"]);
        assert!(
            homes.best("Ship the onboarding checklist", Some("ops/2026-Q4/onboarding")).is_empty()
        );
        // Sharing a verb is no reason: "grow" is what both do, not what they are about.
        assert!(homes.best("Grow the partner list", None).is_empty());
    }
}
