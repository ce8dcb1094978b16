//! `okr tree`: how a period's objectives align, the company's at the root.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};

use okr::report::periods::{TreeNode, tree};
use okr::report::{self, text};

use crate::cli::Global;

#[derive(Debug, Args)]
pub struct TreeArgs {
    /// The period; the quarter of the as-of day by default
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,

    /// How to print the tree
    #[arg(long, value_enum, default_value_t = TreeFormat::Text)]
    format: TreeFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TreeFormat {
    Text,
    Json,
}

pub fn run(global: &Global, args: &TreeArgs) -> Result<ExitCode> {
    let loaded = global.load()?;
    let period = global.period(&loaded.workspace, args.period.as_deref())?;
    let roots = tree(&loaded.workspace, &period, global.as_of);
    let output = match args.format {
        TreeFormat::Json => report::json(&roots),
        TreeFormat::Text => {
            let mut out = String::new();
            for root in &roots {
                draw(root, "", "", &mut out);
            }
            out
        }
    };
    std::io::stdout().lock().write_all(output.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// One line a node: its reference, its standing and its title, with the
/// branches of the tree drawn before it.
fn draw(node: &TreeNode, first: &str, rest: &str, out: &mut String) {
    let objective = &node.objective;
    out.push_str(&format!(
        "{first}{}  {}  {}\n",
        objective.reference,
        text::standing(objective),
        text::printable(&objective.title)
    ));
    let count = node.children.len();
    for (index, child) in node.children.iter().enumerate() {
        let last = index + 1 == count;
        let (branch, below) = if last { ("└── ", "    ") } else { ("├── ", "│   ") };
        draw(child, &format!("{rest}{branch}"), &format!("{rest}{below}"), out);
    }
}
