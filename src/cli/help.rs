//! `okr completions SHELL` and `okr man`: okr describing itself to shells
//! and to `man`, from the same clap definitions that parse its arguments.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    shell: Shell,
}

pub fn completions(args: &CompletionsArgs) -> Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "okr", &mut script);
    // Where the shell allows it, references come from the workspace itself.
    match args.shell {
        Shell::Bash => script.extend_from_slice(
            BASH_REFERENCES.replace("{commands}", REFERENCE_COMMANDS).as_bytes(),
        ),
        Shell::Fish => script.extend_from_slice(
            FISH_REFERENCES.replace("{commands}", REFERENCE_COMMANDS).as_bytes(),
        ),
        _ => {}
    }
    std::io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// The commands whose first argument is a reference.
const REFERENCE_COMMANDS: &str = "show checkin set mv rm edit history";

const BASH_REFERENCES: &str = r#"
_okr_references() {
    _okr "$@"
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" i
    local -a dir=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ "${COMP_WORDS[i]}" == -C ]] && dir=(-C "${COMP_WORDS[i+1]}")
    done
    if [[ "$cur" != -* && " {commands} " == *" $prev "* ]]; then
        COMPREPLY=( $(compgen -W "$(okr "${dir[@]}" __references 2>/dev/null)" -- "$cur") )
    fi
}
complete -F _okr_references -o bashdefault -o default -o nosort okr
"#;

const FISH_REFERENCES: &str = "\ncomplete -c okr -n '__fish_seen_subcommand_from {commands}' -f -a '(okr __references 2>/dev/null)'\n";

/// `okr __references`: every reference of the workspace, and the short forms
/// people type: an objective's id, `objective/key-result`, and a key result's
/// or initiative's own id.
pub fn references(global: &crate::cli::Global) -> Result<ExitCode> {
    let loaded = okr::workspace::load(&global.root)?;
    let workspace = &loaded.workspace;
    let mut out = String::new();
    for id in workspace.groups.keys() {
        out.push_str(&format!("{id}\n"));
    }
    for objective in &workspace.objectives {
        let full = objective.reference.to_string();
        let short = objective.reference.id.as_str();
        out.push_str(&format!("{full}\n{short}\n"));
        let items = objective
            .key_results
            .iter()
            .map(|kr| &kr.id)
            .chain(objective.initiatives.iter().map(|i| &i.id));
        for item in items {
            out.push_str(&format!("{full}/{item}\n{short}/{item}\n{item}\n"));
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    std::io::stdout().lock().write_all(&page)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The file kind: okr (for okr.toml), people, group or objective; all four when left out
    #[arg(value_parser = okr::schema::KINDS)]
    kind: Option<String>,
}

/// `okr schema`: the JSON Schema of a file kind, or of every kind by name.
pub fn schema(args: &SchemaArgs) -> Result<ExitCode> {
    let value = match &args.kind {
        Some(kind) => okr::schema::schema(kind).expect("clap allows only known kinds"),
        None => serde_json::Value::Object(
            okr::schema::KINDS
                .iter()
                .map(|kind| ((*kind).to_owned(), okr::schema::schema(kind).expect("a known kind")))
                .collect(),
        ),
    };
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
