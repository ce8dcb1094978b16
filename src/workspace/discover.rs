//! Finding the workspace root: the nearest folder that holds `okr.toml`.

use std::fmt;
use std::path::{Path, PathBuf};

/// The file that marks a workspace root.
pub const SETTINGS_FILE: &str = "okr.toml";

/// Where the search for a workspace started and why it failed.
#[derive(Debug)]
pub struct NotAWorkspace {
    pub searched_from: PathBuf,
    /// Whether the folder was named outright (`OKR_WORKSPACE`) rather than searched upward.
    pub named: bool,
}

/// Walks up from `start` to the first folder holding `okr.toml`.
pub fn find_root(start: &Path) -> Result<PathBuf, NotAWorkspace> {
    let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    start
        .ancestors()
        .find(|folder| fs_entry_exists(&folder.join(SETTINGS_FILE)))
        .map(Path::to_path_buf)
        .ok_or(NotAWorkspace { searched_from: start, named: false })
}

/// Takes `folder` as the root, which must hold `okr.toml` itself.
pub fn named_root(folder: &Path) -> Result<PathBuf, NotAWorkspace> {
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    if fs_entry_exists(&folder.join(SETTINGS_FILE)) {
        Ok(folder)
    } else {
        Err(NotAWorkspace { searched_from: folder, named: true })
    }
}

impl fmt::Display for NotAWorkspace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.named {
            write!(f, "no `{SETTINGS_FILE}` in `{}`", self.searched_from.display())
        } else {
            write!(
                f,
                "no `{SETTINGS_FILE}` in `{}` or any folder above it",
                self.searched_from.display()
            )
        }
    }
}

impl NotAWorkspace {
    /// What to do about it.
    pub fn help(&self) -> &'static str {
        "create a workspace with `okr init --org \"Your Company\"`; to use an existing one, \
         run okr inside it or name it with `-C DIR` or `OKR_WORKSPACE`"
    }
}

impl std::error::Error for NotAWorkspace {}

/// Whether anything, even a broken link or a folder, has this name: an
/// `okr.toml` that cannot be read is reported by the loader, not taken for
/// the lack of a workspace.
fn fs_entry_exists(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(_) => true,
        // A folder that cannot be searched may well hold one.
        Err(error) => error.kind() != std::io::ErrorKind::NotFound,
    }
}
