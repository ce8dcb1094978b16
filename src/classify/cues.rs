//! The cues that tell the four classes apart, one family each.
//!
//! A cue is evidence for one class, with a weight and a reason a person can
//! check. Each word list says why it tells a class; the lists were checked
//! against labelled real statements (`examples/classify_bench.rs`), which
//! is where the guards against company words (a world-class product, a SOC 2
//! certification, a German storefront) come from:
//!
//! - personal development is one person's growth: learning, a course, a
//!   certification, a language, a skill, often in the first person;
//! - a key result measures: a percentage, a start and a target, a
//!   threshold, a unit, money;
//! - an initiative is work: an imperative verb with a deliverable, or the
//!   deliverable stated as done ("the docs are published");
//! - an objective is an aspiration: a quality to reach, an outcome verb
//!   with nothing to count.

use super::Class;
use super::words::Words;

/// Evidence for one class.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub class: Class,
    pub weight: f32,
    /// Whether the cue alone is enough for the validator to fail CI: only
    /// personal-development cues can be, and only without a group in sight.
    pub strong: bool,
    pub reason: String,
}

impl Cue {
    fn new(class: Class, weight: f32, reason: String) -> Cue {
        Cue { class, weight, strong: false, reason }
    }

    fn strong(mut self) -> Cue {
        self.strong = true;
        self
    }
}

/// Every cue found in a statement.
pub fn find(words: &Words) -> Vec<Cue> {
    let mut cues = Vec::new();
    let scope = group_scope(words);
    let head = head_verb(words);

    growth(words, scope, head, &mut cues);
    measure(words, head, &mut cues);
    deliverable(words, head, &mut cues);
    aspiration(words, head, &mut cues);
    for cue in &mut cues {
        cue.reason = words.as_written(&cue.reason);
    }
    cues
}

/// Whether `word` (lowercase) is one of the verbs the cues know: a word a
/// statement shares with an objective because both do something, not
/// because both are about the same thing.
pub fn is_verb(word: &str) -> bool {
    [DO, MAKE, OUTCOME, CHANGE, LEARN].iter().any(|list| list.contains(&word))
}

// --- whose statement it is -------------------------------------------------

/// Words that name several people: a statement about them is about a group,
/// so its learning and training are a group's work, not one person's growth.
const GROUP_WORDS: &[&str] = &[
    "teams", "teammates", "teammate's", "members", "everyone", "everybody", "every", "all", "each",
    "employees", "staff", "managers", "leaders", "hires", "engineers", "developers",
    "contributors", "volunteers", "participants", "colleagues", "folks", "organization",
    "organisation", "company", "company's", "department", "departments", "we", "our", "us",
    "cohort", "mozillians", "customers", "users", "clients", "partners", "devs", "students",
    "learners", "buyers", "admins", "dealers", "resellers", "riders", "mechanics", "platform",
    "provider", "brand", "vendor", "partner", "business", "corp", "place", "destination",
];

/// Words before `team` that make it somewhere one person goes, not the
/// group the statement is about: "transfer to a new team".
const NOT_THE_TEAM: &[&str] = &["a", "new", "another"];

/// The plural noun that learns or is certified, when the statement names
/// one as the subject: "Dealers learn …", "Help riders learn …",
/// "Mechanics get certified". A name before an adjective ("FinOps
/// Certified Practitioner") is no subject.
fn plural_learner(words: &Words) -> Option<&str> {
    let plural = |word: &&str| word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
    (1..words.len()).find_map(|at| {
        let subject_at = match words.text(at)? {
            "learn" | "learns" => at - 1,
            "certified" | "trained" => {
                let verb = words.text(at - 1)?;
                if !["get", "are", "become", "be", "were"].contains(&verb) || at < 2 {
                    return None;
                }
                at - 2
            }
            _ => return None,
        };
        words.text(subject_at).filter(plural)
    })
}

/// A group in sight, as the word that shows it. A statement in the first
/// person is one person's, whoever else it names ("influence employees"),
/// unless it is about their team ("help my team grow").
fn group_scope(words: &Words) -> Option<&str> {
    if words.has_any(FIRST_PERSON) {
        let team = ["my team", "my teams", "my group", "my department", "my org", "my reports"];
        return words.find_phrases(&team);
    }
    if let Some(at) = words.find_phrase("skills of") {
        return words.text(at);
    }
    if let Some(subject) = plural_learner(words) {
        return Some(subject);
    }
    let spoken = (0..words.len()).filter(|&i| !words.words[i].aside);
    spoken.filter_map(|i| words.text(i).map(|text| (i, text))).find_map(|(i, text)| {
        let after_article = i > 0 && words.text(i - 1).is_some_and(|w| NOT_THE_TEAM.contains(&w));
        let team = text == "team" && !after_article;
        let things = text == "all" && words.text(i + 1) == Some("things");
        (team || (GROUP_WORDS.contains(&text) && !things)).then_some(text)
    })
}

/// Words at the start that come before the verb that matters:
/// "I want to learn", "We will ship", "Keep learning", "Plan to lead".
const LEAD_IN: &[&str] = &[
    "i", "we", "will", "shall", "to", "want", "would", "like", "i'd", "i'm", "keep", "continue",
    "continued", "plan", "try", "also", "should", "must", "need", "and", "finally", "then",
];

/// The first word that is not a lead-in, with its index.
fn head_verb(words: &Words) -> Option<(usize, &str)> {
    (0..words.len())
        .map(|i| (i, words.text(i).unwrap_or_default()))
        .find(|(_, text)| !LEAD_IN.contains(text))
}

/// Whether the head verb, or its plain form ("researching" is "research",
/// "making" is "make", "running" is "run"), is one of `list`.
fn head_is(head: Option<(usize, &str)>, list: &[&str]) -> Option<String> {
    let (_, verb) = head?;
    if list.contains(&verb) {
        return Some(verb.to_owned());
    }
    let stem = verb.strip_suffix("ing").filter(|stem| stem.len() >= 2)?;
    let mut forms = vec![stem.to_owned(), format!("{stem}e")];
    let mut chars = stem.chars();
    if let (Some(last), Some(before)) = (chars.next_back(), chars.next_back())
        && last == before
    {
        forms.push(stem[..stem.len() - last.len_utf8()].to_owned());
    }
    forms.into_iter().find(|form| list.contains(&form.as_str())).map(|_| verb.to_owned())
}

// --- personal development --------------------------------------------------

const CERTIFICATION: &[&str] = &[
    "certification", "certifications", "certified", "certificate", "certify", "exam", "exams",
    "pmp", "cka", "ckad", "pdus", "credential", "credentials", "accreditation",
];

/// What organisations and products are certified for: a company's audit,
/// not a person's growth ("Become SOC 2 certified").
const COMPLIANCE: &[&str] = &[
    "soc", "soc2", "iso", "pci", "hipaa", "fedramp", "gdpr", "cmmi", "27001", "9001", "compliance",
    "compliant", "audit", "product", "products", "platform", "app", "service", "system",
    "hardware", "device", "devices", "vendor", "vendors", "supplier", "suppliers", "factory",
    "corp", "partner", "partners", "reseller", "tüv", "tuv", "ul", "fcc", "ce", "rohs", "frame",
];

const COURSE: &[&str] = &[
    "course", "courses", "class", "classes", "bootcamp", "mooc", "pluralsight", "udemy",
    "coursera", "tutorials", "lessons", "degree", "diploma", "mba", "phd",
];

/// Words after "course" or "class" that make it part of a product: "the
/// course builder", "a class library".
const NOT_A_LESSON_AFTER: &[&str] = &[
    "builder", "catalog", "catalogue", "platform", "page", "pages", "creator", "creators",
    "editor", "marketplace", "library", "libraries", "content", "player", "sales", "hierarchy",
];

/// Words before "class" or "course" that make them no lesson: "world-class",
/// "best in class", "of course", "on course".
const NOT_A_LESSON: &[&str] = &["world", "first", "in", "business", "economy", "of", "on", "top"];

/// Verbs of someone who runs a course for others, not someone who takes it.
const ORGANISE: &[&str] = &[
    "run", "host", "organize", "organise", "launch", "deliver", "roll", "create", "design",
    "publish", "schedule", "offer", "build", "develop", "provide", "group", "sell", "price",
];

/// Verbs of learning, as the statement's head.
const LEARN: &[&str] = &[
    "learn", "learning", "learned", "learnt", "study", "studying", "practise", "practice",
    "practising", "practicing", "master", "mastering", "upskill", "upskilling", "relearn",
];

/// Forms of "learn" that are a person learning wherever they stand; a
/// noun like "practice" or "learning" ("a learning culture") is not.
const LEARNS: &[&str] = &["learn", "learned", "learnt", "relearn", "upskill", "upskilling"];

/// Phrases with "learning" that name a field, not a person learning.
const NOT_LEARNING: &[&str] = &["machine learning", "deep learning", "learning and development"];

const LANGUAGES: &[&str] = &[
    "english", "spanish", "japanese", "german", "french", "chinese", "mandarin", "cantonese",
    "italian", "portuguese", "korean", "arabic", "russian", "hindi", "dutch", "swedish",
    "norwegian", "danish", "finnish", "polish", "turkish", "greek", "hebrew", "latin", "kanji",
    "esperanto",
];

/// Words around a language that make it one to learn.
const LANGUAGE_CONTEXT: &[&str] = &[
    "learn", "learning", "speak", "speaking", "spoken", "read", "reading", "understand",
    "understanding", "practise", "practice", "study", "studying", "lessons", "conjugate",
    "vocabulary", "verbs", "my", "fluent", "fluently", "written", "a1", "a2", "b1", "b2", "c1",
    "c2",
];

/// Words around a language that make it a market or a locale to ship
/// ("launch the German storefront", "translate the docs into Spanish").
const LOCALE: &[&str] = &[
    "translation", "translations", "translate", "translated", "localization", "localisation",
    "localize", "localise", "locale", "storefront", "store", "site", "website", "market",
    "markets", "docs", "documentation", "version", "customers", "users", "speakers", "support",
];

const FLUENCY: &[&str] = &["fluent", "fluently", "fluency"];

const SKILL: &[&str] = &[
    "skill", "skills", "proficiency", "proficient", "abilities", "competency", "competencies",
    "competence", "expertise", "expertises",
];

const SPEAKING: &[&str] = &[
    "public speaking", "speak up", "give a talk", "give talks", "give more talks",
    "presentation skills", "better at presentations", "get better at presentations",
];

const FIRST_PERSON: &[&str] = &["i", "i'm", "i'd", "i've", "i'll", "my", "me", "myself", "mine"];

const CAREER: &[&str] = &["promoted", "career", "mentor"];

/// Roles one person grows into: "Become a regular open source contributor".
const ROLES: &[&str] = &[
    "expert", "mentor", "speaker", "contributor", "guy", "developer", "engineer", "architect",
    "manager", "practitioner", "specialist", "author", "writer", "person",
];

/// Nouns that make "become the …" an organisation's aim: "Become the
/// developer platform teams choose".
const ORGANISATION: &[&str] = &[
    "company", "platform", "product", "provider", "brand", "tool", "choice", "standard", "vendor",
    "partner", "place", "destination", "leader", "team", "business", "service",
];

/// Traits and habits that only a person has.
const TRAIT_WORDS: &[&str] = &[
    "meditation", "mindfulness", "fitness", "attitude", "empathetic", "empathy", "patience",
    "habit", "habits", "hobby", "hobbies",
];

const TRAITS: &[&str] = &[
    "time management", "outside of work", "be more", "open source contributor", "growth plan",
    "leadership style", "work life balance", "better listener", "as a manager", "as a leader",
    "as an engineer", "as a developer",
];

/// Habits one person keeps: weak alone, since a team can want them too,
/// but telling when nothing else is there.
const HABITS: &[&str] = &[
    "books", "reading", "meetups", "meetup", "conference", "conferences", "personal", "self",
    "blog", "experiences", "network", "explore", "knowledge", "confidence", "confident",
    "get better at",
];

/// Activities one person does more of: "Blog more", "Read more".
const ACTIVITIES: &[&str] = &[
    "blog", "read", "write", "code", "exercise", "travel", "speak", "sleep", "learn", "practise",
    "practice", "network", "meditate", "listen", "draw", "run",
];

/// Verbs of one person growing, as the head: "Attend a conference".
const GROWING: &[&str] = &["attend", "read", "watch", "network", "speak", "mentor"];

/// The word of `list` at `index`, unless one of `not` comes right before it.
fn word_not_after<'w>(words: &'w Words, list: &[&str], not: &[&str]) -> Option<&'w str> {
    (0..words.len()).find_map(|i| {
        let text = words.text(i)?;
        let before = i.checked_sub(1).and_then(|b| words.text(b));
        (list.contains(&text) && !before.is_some_and(|b| not.contains(&b)) && !words.words[i].aside)
            .then_some(text)
    })
}

/// Whether something, not someone, is certified: "Get the bike certified".
fn thing_certified(words: &Words) -> bool {
    let Some(at) = (0..words.len()).find(|&i| {
        matches!(words.text(i), Some("certified" | "certify" | "accredited" | "accreditation"))
    }) else {
        return false;
    };
    (0..at).any(|i| matches!(words.text(i), Some("the" | "our" | "its" | "their" | "every")))
}

/// A growth cue before it is weighed against the group in sight: its
/// weight, its reason, and whether it is strong on its own.
type Growth = (f32, String, bool);

fn growth(words: &Words, scope: Option<&str>, head: Option<(usize, &str)>, cues: &mut Vec<Cue>) {
    let mut found = Vec::new();
    learning(words, head, &mut found);
    one_person(words, head, &mut found);

    let first_person = words.has_any(FIRST_PERSON);
    let strong_evidence = found.iter().any(|(_, _, strong)| *strong);
    for (weight, reason, strong) in found {
        let cue = match scope {
            // Learning for a group is the group's work: "train all managers".
            Some(_) => Cue::new(Class::PersonalDevelopment, weight / 4.0, reason),
            None if strong || (first_person && strong_evidence) => {
                Cue::new(Class::PersonalDevelopment, weight, reason).strong()
            }
            None => Cue::new(Class::PersonalDevelopment, weight, reason),
        };
        cues.push(cue);
    }
}

/// The strong cues: a certification, a course, learning, a language, a skill.
fn learning(words: &Words, head: Option<(usize, &str)>, found: &mut Vec<Growth>) {
    if let Some(word) = words.find_any(CERTIFICATION)
        && !words.has_any(COMPLIANCE)
        && !thing_certified(words)
    {
        found.push((4.0, format!("a certification to gain: `{word}`"), true));
    }
    if let Some(phrase) = words.find_phrases(&["six sigma", "black belt"]) {
        found.push((4.0, format!("a certification to gain: `{phrase}`"), true));
    }
    if let Some(word) = word_not_after(words, COURSE, NOT_A_LESSON)
        && head_is(head, ORGANISE).is_none()
        && !words.followed_by(word, NOT_A_LESSON_AFTER)
    {
        found.push((4.0, format!("a course to take: `{word}`"), true));
    }
    if let Some(verb) = head_is(head, LEARN) {
        found.push((4.0, format!("something to learn: `{verb}`"), true));
    } else if let Some(word) = words.find_any(LEARNS)
        && words.find_phrases(NOT_LEARNING).is_none()
    {
        found.push((3.0, format!("something to learn: `{word}`"), true));
    }
    let locale = words.has_any(LOCALE);
    if let Some(word) = words.find_any(FLUENCY) {
        let language = words.find_any(LANGUAGES).unwrap_or(word);
        found.push((4.0, format!("a language to learn: `{language}`"), true));
    } else if let Some(phrase) = words.find_phrases(&["a new language", "a second language"]) {
        found.push((4.0, format!("a language to learn: `{phrase}`"), true));
    } else if let Some(word) = words.find_any(LANGUAGES)
        && words.has_any(LANGUAGE_CONTEXT)
        && !locale
    {
        found.push((4.0, format!("a language to learn: `{word}`"), true));
    }
    if let Some(word) = words.find_any(SKILL) {
        found.push((2.5, format!("a skill to build: `{word}`"), true));
    }
    if let Some(phrase) = words.find_phrases(SPEAKING) {
        found.push((2.5, format!("a skill to practise: `{phrase}`"), true));
    }
}

/// The weak cues, telling only together or alone: a career step, a role, the
/// first person, a trait or habit, a personal activity.
fn one_person(words: &Words, head: Option<(usize, &str)>, found: &mut Vec<Growth>) {
    if let Some(word) =
        words.find_phrases(&["go to", "get promoted"]).or_else(|| words.find_any(CAREER))
    {
        found.push((2.5, format!("a step in one person's career: `{word}`"), false));
    }
    if let Some((at, _)) = head.filter(|_| head_is(head, &["become", "be"]).is_some())
        && let Some(role) = (at + 1..words.len().min(at + 7))
            .filter_map(|i| words.text(i))
            .find(|w| ROLES.contains(w))
        && !words.has_any(ORGANISATION)
    {
        // "Become a better manager" says outright that a person grows.
        let better = words.find_phrases(&["a better", "a stronger", "a more"]).is_some();
        let weight = if better { 3.5 } else { 2.5 };
        found.push((weight, format!("a role one person grows into: `{role}`"), false));
    }
    if let Some(word) = words.find_any(FIRST_PERSON) {
        found.push((2.0, format!("written in the first person: `{word}`"), false));
    }
    if let Some(word) = words.find_phrases(TRAITS).or_else(|| words.find_any(TRAIT_WORDS)) {
        found.push((3.0, format!("a habit or trait of one person: `{word}`"), false));
    }
    if let Some(word) = words.find_phrases(HABITS).or_else(|| words.find_any(HABITS)) {
        found.push((1.0, format!("a habit of one person: `{word}`"), false));
    }
    if words.text(words.len().saturating_sub(1)) == Some("more")
        && let Some(verb) = head_is(head, ACTIVITIES)
    {
        found.push((2.0, format!("more of a habit: `{verb} … more`"), false));
    }
    if let Some(verb) = head_is(head, GROWING) {
        found.push((2.0, format!("something one person does to grow: `{verb}`"), false));
    }
}

// --- key results -------------------------------------------------------------

/// Units that make a number a measurement.
const UNITS: &[&str] = &[
    "ms", "s", "sec", "secs", "second", "seconds", "minute", "minutes", "mins", "hour", "hours",
    "hrs", "day", "days", "week", "weeks", "tb", "tib", "gb", "gib", "mb", "mib", "kb", "mbps",
    "gbps", "k", "m", "bn", "b", "x", "percent", "pp",
];

/// What key results count.
const METRICS: &[&str] = &[
    "rate", "rates", "latency", "percentile", "p50", "p90", "p95", "p99", "nps", "arr", "acv",
    "iacv", "mrr", "revenue", "churn", "retention", "conversion", "traffic", "sessions",
    "visitors", "views", "signups", "downloads", "installs", "registrants", "leads", "mqls",
    "pipeline", "logos", "deals", "customers", "users", "swaus", "dau", "mau", "wau", "uptime",
    "availability", "coverage", "satisfaction", "score", "efficiency", "response", "errors",
    "bugs", "incidents", "complaints", "tickets", "growth", "adoption", "accounts", "queries",
    "stars", "attendees", "reviews", "osat", "csat",
];

const THRESHOLDS: &[&str] = &[
    "less than", "more than", "fewer than", "at least", "at most", "no more than", "or higher",
    "or more", "or better", "or less", "or lower", "under", "below", "above", "within", "up to",
    "over",
];

/// A count per stretch of time.
const RATES: &[&str] = &[
    "per month", "per week", "per day", "per quarter", "per year", "per sprint", "a month",
    "month over month", "year over year", "week over week",
];

const MULTIPLIERS: &[&str] = &["doubles", "double", "triple", "triples", "halve", "halves", "2x"];

/// Verbs that move a number.
const CHANGE: &[&str] = &[
    "increase", "reduce", "raise", "cut", "grow", "decrease", "lower", "improve", "boost", "drop",
    "shrink", "maintain", "reach", "hit", "achieve", "generate", "source", "close", "sell",
    "convert", "get", "have", "keep", "attract", "acquire", "win",
];

/// Words before a number that make it part of a name: `RFC 42`, `SOC 2`,
/// `level 60`, `Dec 18`.
const NAMING: &[&str] = &[
    "type", "rfc", "soc", "version", "v", "phase", "step", "tier", "level", "q", "fy", "h", "web",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "top", "series", "number", "no",
];

/// The numbers that measure: not years and not parts of names.
fn measures(words: &Words) -> Vec<usize> {
    words
        .numbers()
        .into_iter()
        .filter(|&i| i == 0 || !words.text(i - 1).is_some_and(|before| NAMING.contains(&before)))
        .collect()
}

/// Whether the number at `i` carries a unit, joined (`100ms`) or next to it.
fn unit_of(words: &Words, i: usize) -> Option<String> {
    let text = words.text(i)?;
    let suffix = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if !suffix.is_empty() {
        return UNITS.contains(&suffix).then(|| text.to_owned());
    }
    let next = words.text(i + 1)?;
    UNITS.contains(&next).then(|| format!("{text} {next}"))
}

fn measure(words: &Words, head: Option<(usize, &str)>, cues: &mut Vec<Cue>) {
    let numbers = measures(words);
    let kr = |weight, reason| Cue::new(Class::KeyResult, weight, reason);

    if words.has_any(&["%", "percent", "percentage"]) {
        cues.push(kr(3.0, "a percentage to reach".to_owned()));
    }
    if let Some(from) = words.find_phrase("from")
        && numbers.iter().any(|&i| i > from)
        && words.find_phrase("to").is_some_and(|to| to > from && numbers.iter().any(|&i| i > to))
    {
        cues.push(kr(3.0, "a start and a target: `from … to …`".to_owned()));
    }
    if words.has_any(&["<", ">", "≤", "≥"]) {
        cues.push(kr(2.5, "a threshold to stay within".to_owned()));
    } else if let Some(phrase) = words.find_phrases(THRESHOLDS)
        && !numbers.is_empty()
    {
        cues.push(kr(2.0, format!("a threshold to stay within: `{phrase}`")));
    }
    if numbers.iter().any(|&i| words.text(i + 1) == Some("+")) {
        cues.push(kr(2.0, "a threshold to pass: `N+`".to_owned()));
    }
    if let Some(phrase) = words.find_phrases(RATES) {
        cues.push(kr(1.5, format!("a rate: `{phrase}`")));
    }
    if let Some(unit) = numbers.iter().find_map(|&i| unit_of(words, i)) {
        cues.push(kr(2.0, format!("a measured quantity: `{unit}`")));
    }
    if words.has_any(&["$", "€", "£", "usd", "eur"]) && !numbers.is_empty() {
        cues.push(kr(2.0, "an amount of money".to_owned()));
    }
    if let Some(word) = words.find_any(MULTIPLIERS) {
        cues.push(kr(2.0, format!("a multiple to reach: `{word}`")));
    }
    if numbers.first() == Some(&0) {
        cues.push(kr(1.5, "a number to reach, first".to_owned()));
    }
    if let Some(metric) = words.find_any(METRICS)
        && !numbers.is_empty()
    {
        cues.push(kr(1.5, format!("a count of `{metric}`")));
    }
    if let Some(verb) = head_is(head, CHANGE)
        && !numbers.is_empty()
    {
        cues.push(kr(1.0, format!("a number to move: `{verb}`")));
    } else if !numbers.is_empty() {
        cues.push(kr(1.0, "a number".to_owned()));
    }
}

// --- initiatives -------------------------------------------------------------

/// Imperative verbs of work with a deliverable: what is done, not reached.
const DO: &[&str] = &[
    "implement", "ship", "launch", "hire", "write", "document", "define", "release", "publish",
    "run", "start", "begin", "complete", "finish", "evaluate", "research", "fix", "migrate",
    "rewrite", "rebuild", "upgrade", "deliver", "roll", "schedule", "test", "do", "send",
    "compile", "distribute", "execute", "identify", "agree", "update", "merge", "kick", "outline",
    "pay", "reorganize", "nail", "amplify", "organize", "organise", "host", "add", "remove",
    "deprecate", "refactor", "automate", "integrate", "introduce", "replace", "draft", "review",
    "audit", "select", "decide", "finalize", "finalise", "prepare", "install", "deploy",
    "configure", "train", "coach", "measure", "interview", "open", "announce", "submit", "conduct",
    "perform", "move", "port", "translate", "set", "setup", "produce", "design", "redesign",
    "plan", "track", "ensure", "incorporate", "pilot", "prototype", "sunset", "retire",
    "consolidate", "standardize", "standardise", "re", "recruit", "onboard",
];

/// Verbs that make things, but also open objectives ("Build a world-class
/// team"): weaker evidence.
const MAKE: &[&str] = &["build", "create", "develop", "establish", "achieve", "get", "provide"];

/// A deliverable stated as done: "the docs are published", "VP hired".
const DONE: &[&str] = &[
    "provisioned", "documented", "created", "published", "finished", "audited", "hired", "enabled",
    "supported", "concluded", "delivered", "scheduled", "added", "released", "shipped", "merged",
    "deployed", "launched", "implemented", "defined", "onboarded", "installed", "migrated",
    "rewritten", "completed", "started", "built", "written", "designed", "approved", "provided",
    "available", "published", "drafted", "integrated", "automated", "deprecated", "removed",
    "replaced", "signed",
];

/// Things a piece of work produces.
const ARTIFACTS: &[&str] = &[
    "documentation", "docs", "document", "guide", "guidelines", "page", "deck", "decks", "report",
    "dashboard", "demo", "prototype", "tool", "client", "service", "mode", "module", "modules",
    "api", "library", "feature", "features", "site", "website", "post", "posts", "webinar",
    "survey", "pitch", "handbook", "model", "template", "checklist", "toolkit", "roadmap",
    "strategy", "campaign", "session", "sessions", "program", "integration", "migration",
    "refactor", "revamp", "audit", "compliance", "nightlies", "keys", "list", "plan", "policy",
    "system", "systems", "pipeline", "position", "role", "roles", "training", "matrices", "videos",
    "style", "ritual", "blog", "content", "meetup", "summit", "ebook", "booth", "decision",
];

fn deliverable(words: &Words, head: Option<(usize, &str)>, cues: &mut Vec<Cue>) {
    let init = |weight, reason| Cue::new(Class::Initiative, weight, reason);

    if let Some(verb) = head_is(head, DO) {
        cues.push(init(2.5, format!("an imperative verb of work: `{verb}`")));
    } else if let Some(verb) = head_is(head, MAKE) {
        cues.push(init(1.0, format!("a verb that makes something: `{verb}`")));
    }
    let after_head = head.map_or(0, |(i, _)| i + 1);
    // "can be integrated" is a possibility, not a deliverable.
    if let Some(word) = (after_head..words.len())
        .filter(|&i| i == 0 || words.text(i - 1) != Some("be"))
        .filter_map(|i| words.text(i))
        .find(|text| DONE.contains(text))
    {
        cues.push(init(3.0, format!("a deliverable stated as done: `{word}`")));
    }
    if let Some(phrase) = words.find_phrases(&["by default", "the default"]) {
        cues.push(init(2.0, format!("a change of behaviour: `{phrase}`")));
    }
    let capability = words
        .find_phrase("can")
        .is_some_and(|at| at > 0 && at <= 3 && words.text(at + 1) != Some("be"));
    if capability {
        cues.push(init(1.5, "a capability to build: `… can …`".to_owned()));
    }
    if let Some(phrase) =
        words.find_phrases(&["there is", "there are", "we have", "has a", "have a", "has an"])
    {
        cues.push(init(1.5, format!("something to put in place: `{phrase}`")));
    }
    if words.find_phrase("support for").is_some() {
        cues.push(init(1.25, "a deliverable: `support for …`".to_owned()));
    } else if let Some(word) = words.find_any(ARTIFACTS) {
        cues.push(init(1.25, format!("a deliverable: `{word}`")));
    }
    if let Some(phrase) = words.find_phrases(DEADLINES) {
        cues.push(init(0.5, format!("a deadline: `{phrase}`")));
    }
}

const DEADLINES: &[&str] = &[
    "by end", "by the end", "eoq", "due", "by january", "by february", "by march", "by april",
    "by may", "by june", "by july", "by august", "by september", "by october", "by november",
    "by december",
];

// --- objectives --------------------------------------------------------------

/// Qualities an objective aspires to.
const ASPIRATIONS: &[&str] = &[
    "world", "delightful", "delight", "love", "loved", "beloved", "joy", "happy", "great", "best",
    "most", "excellent", "effective", "effectively", "efficient", "efficiently", "fast",
    "reliable", "scalable", "scale", "successful", "success", "mature", "trust", "trusted",
    "transparent", "inclusive", "first", "driven", "consistently", "consistent", "sustainable",
    "healthy", "strong", "thriving", "seamless", "effortless", "engaged", "engagement",
    "awareness", "culture", "quality", "value", "vision", "mission", "brand", "known",
    "destination", "competitive", "profitable", "foundation", "repeatable", "massive", "massively",
    "regular", "maintained", "proactive", "proactively", "actionable", "informed", "diverse",
    "performing", "clear", "clearly", "polished", "adopted", "better", "leading", "magic",
    "concrete", "empowered", "aware", "growth", "decisions", "quickly", "huge", "feel", "feels",
    "instant",
];

/// Verbs of an outcome rather than of work.
const OUTCOME: &[&str] = &[
    "be", "become", "becomes", "becoming", "remain", "stay", "grow", "improve", "increase",
    "enhance", "help", "understand", "engage", "support", "scale", "lay", "take", "bring", "solve",
    "raise", "lower", "positively", "refocus", "drive", "foster", "empower", "delight", "win",
    "lead", "own", "accelerate", "expand", "strengthen", "deepen", "maximize", "optimize",
    "simplify", "streamline", "level", "make", "continue", "lay",
];

fn aspiration(words: &Words, head: Option<(usize, &str)>, cues: &mut Vec<Cue>) {
    let objective = |weight, reason| Cue::new(Class::Objective, weight, reason);

    let qualities: Vec<&str> = words
        .words
        .iter()
        .map(|word| word.text.as_str())
        .filter(|text| ASPIRATIONS.contains(text))
        .collect();
    if let Some(first) = qualities.first() {
        let weight = (qualities.len() as f32).min(2.5);
        cues.push(objective(weight, format!("a quality to aspire to: `{first}`")));
    }
    if let Some(verb) = head_is(head, OUTCOME)
        && measures(words).is_empty()
    {
        cues.push(objective(1.0, format!("an outcome with nothing to count: `{verb}`")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(statement: &str, class: Class) -> Vec<Cue> {
        find(&Words::new(statement)).into_iter().filter(|cue| cue.class == class).collect()
    }

    fn reasons(statement: &str, class: Class) -> Vec<String> {
        cues(statement, class).into_iter().map(|cue| cue.reason).collect()
    }

    #[test]
    fn growth_cues_are_strong_only_for_one_person() {
        let pd = Class::PersonalDevelopment;
        let alone = cues("Complete the Kubernetes certification course", pd);
        assert!(alone.iter().all(|cue| cue.strong), "{alone:?}");
        assert_eq!(alone.len(), 2);
        let team = cues("Every engineer completes the Kubernetes certification course", pd);
        assert!(team.iter().all(|cue| !cue.strong && cue.weight < 2.0), "{team:?}");
        // The first person is one person's, whoever else it names.
        let mine = cues("I want to build the skills to coach my colleagues", pd);
        assert!(mine.iter().any(|cue| cue.strong), "{mine:?}");
    }

    #[test]
    fn learning_has_to_be_someone_learning() {
        let pd = Class::PersonalDevelopment;
        assert!(cues("Ship machine learning ranking", pd).is_empty());
        assert!(cues("Launch the German storefront", pd).is_empty());
        assert_eq!(reasons("Get better at understanding spoken Japanese", pd).len(), 2);
        assert!(cues("Run the onboarding course for new hires", pd).iter().all(|c| !c.strong));
    }

    #[test]
    fn habits_are_weak_alone() {
        let pd = Class::PersonalDevelopment;
        let habit = cues("Blog more", pd);
        assert!(!habit.is_empty() && habit.iter().all(|cue| !cue.strong));
        assert_eq!(
            reasons("Take meditation seriously", pd),
            ["a habit or trait of one person: `meditation`"]
        );
    }

    #[test]
    fn measure_cues() {
        let kr = Class::KeyResult;
        assert!(reasons("Churn below 2%", kr).contains(&"a percentage to reach".to_owned()));
        assert!(
            reasons("Raise NPS from 30 to 45", kr)
                .contains(&"a start and a target: `from … to …`".to_owned())
        );
        assert!(
            reasons("Checkout in under 300 ms", kr)
                .contains(&"a measured quantity: `300 ms`".to_owned())
        );
        assert!(reasons("Book $2m in new business", kr).contains(&"an amount of money".to_owned()));
        assert!(reasons("Sign 20+ partners", kr).contains(&"a threshold to pass: `N+`".to_owned()));
        assert!(reasons("Ship one post per week", kr).contains(&"a rate: `per week`".to_owned()));
    }

    #[test]
    fn numbers_in_names_and_asides_do_not_measure() {
        let kr = Class::KeyResult;
        assert!(cues("Implement RFC 42", kr).is_empty());
        assert!(cues("Pass the SOC 2 audit", kr).is_empty());
        assert!(cues("Plan the offsite for 2027", kr).is_empty());
        assert!(cues("Serve the largest customers (5k+ seats)", kr).is_empty());
    }

    #[test]
    fn deliverable_cues() {
        let init = Class::Initiative;
        assert_eq!(reasons("Migrate billing", init), ["an imperative verb of work: `Migrate`"]);
        assert_eq!(
            reasons("Researching vendors", init),
            ["an imperative verb of work: `Researching`"]
        );
        assert!(
            reasons("The API docs are published", init)
                .contains(&"a deliverable stated as done: `published`".to_owned())
        );
        assert!(
            reasons("Admins can export audit logs", init)
                .contains(&"a capability to build: `… can …`".to_owned())
        );
        // A possibility is not a deliverable.
        assert!(cues("Understand how search can be integrated", init).is_empty());
    }

    #[test]
    fn aspiration_cues() {
        let objective = Class::Objective;
        assert_eq!(
            reasons("Happy, effective, async team", objective),
            ["a quality to aspire to: `Happy`"]
        );
        assert_eq!(cues("Happy, effective, async team", objective)[0].weight, 2.0);
        assert_eq!(reasons("Remain customer-first", objective).len(), 2);
        assert!(cues("Increase revenue by 10%", objective).is_empty());
    }

    #[test]
    fn head_verbs_are_found_past_lead_ins_and_in_their_plain_form() {
        let words = Words::new("I want to keep learning Rust");
        assert_eq!(head_verb(&words), Some((4, "learning")));
        assert_eq!(head_is(Some((0, "making")), &["make"]), Some("making".to_owned()));
        assert_eq!(head_is(Some((0, "running")), &["run"]), Some("running".to_owned()));
        assert_eq!(head_is(Some((0, "sing")), &["s"]), None);
    }
}
