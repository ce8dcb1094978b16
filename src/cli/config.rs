//! The user's own settings, `~/.config/okr/config.toml` (or the platform's
//! equivalent): who they are and how they like their output. `okr config`
//! prints each setting and where it came from.
//!
//! These are the person's defaults, not the workspace's: a workspace never
//! sets them, and `okr.toml` never runs anything.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use serde::Deserialize;

/// The settings of `config.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// The person id of the user: the default `--by` of a check-in and
    /// `--lead` of a new objective.
    pub me: Option<String>,
    /// The default `--format` of `okr report`.
    pub format: Option<String>,
    /// The default `--color`: auto, always or never.
    pub color: Option<String>,
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// Where `config.toml` lives on this platform.
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "okr").map(|dirs| dirs.config_dir().join("config.toml"))
}

/// Reads `config.toml`; an absent file is no settings at all.
pub fn load() -> Result<UserConfig> {
    let Some(path) = config_path() else { return Ok(UserConfig::default()) };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(UserConfig::default());
        }
        Err(error) => {
            return Err(error).with_context(|| format!("failed to read `{}`", path.display()));
        }
    };
    let mut config: UserConfig = toml::from_str(&text).map_err(|error| {
        anyhow!("`{}` is not a valid okr config: {}", path.display(), error.message())
    })?;
    let check = |value: &Option<String>, key: &str, allowed: &[&str]| -> Result<()> {
        match value {
            Some(value) if !allowed.contains(&value.as_str()) => Err(anyhow!(
                "`{key} = \"{value}\"` in `{}` is not one of {}\nhelp: use one of them, or leave `{key}` out",
                path.display(),
                okr::finding::quoted(allowed, ", ")
            )),
            _ => Ok(()),
        }
    };
    check(&config.format, "format", &["markdown", "table", "json", "csv"])?;
    check(&config.color, "color", &["auto", "always", "never"])?;
    config.path = Some(path);
    Ok(config)
}

/// `okr config`: every setting, its value and where it came from.
pub fn show(config: &UserConfig) -> Result<ExitCode> {
    let from = |set: bool| match (&config.path, set) {
        (Some(path), true) => format!("from `{}`", path.display()),
        _ => "default".to_owned(),
    };
    let mut out = String::new();
    let place = config_path()
        .map_or("no config folder on this platform".to_owned(), |p| p.display().to_string());
    out.push_str(&format!("# okr reads {place}\n"));
    out.push_str(&format!(
        "me = {}  # {}\n",
        config.me.as_deref().map_or("(nobody)".to_owned(), |me| format!("\"{me}\"")),
        from(config.me.is_some())
    ));
    out.push_str(&format!(
        "format = \"{}\"  # {}\n",
        config.format.as_deref().unwrap_or("markdown"),
        from(config.format.is_some())
    ));
    out.push_str(&format!(
        "color = \"{}\"  # {}\n",
        config.color.as_deref().unwrap_or("auto"),
        from(config.color.is_some())
    ));
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
