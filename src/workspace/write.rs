//! Writing files safely: a lock, atomic replacement, nothing outside the
//! workspace.
//!
//! A writer holds an exclusive lock on `.okr.lock` at the root while it
//! reads, checks and writes, so that two `okr` processes never lose each
//! other's edits. Each file is written to a temporary file in its own
//! folder, flushed and synced, and renamed over the old one: a crash leaves
//! the old file or the new one, never half of either.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The lock file at the root; it may stay behind and is not part of the workspace.
pub const LOCK_FILE: &str = ".okr.lock";

/// An exclusive lock on the workspace, released when dropped.
pub struct WorkspaceLock {
    _file: File,
}

/// Waits for and takes the workspace's lock.
pub fn lock(root: &Path) -> Result<WorkspaceLock> {
    let path = root.join(LOCK_FILE);
    if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "`{LOCK_FILE}` is a link; okr opens no link as its lock\nhelp: remove `{LOCK_FILE}`; okr makes a new one"
        );
    }
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("failed to open the lock `{}`", path.display()))?;
    file.lock().with_context(|| format!("failed to lock `{}`", path.display()))?;
    Ok(WorkspaceLock { _file: file })
}

/// The real path a write to `relative` goes to: links, of the file or of
/// any folder on the way, are followed while they stay inside the
/// workspace, and refused when they lead out of it.
fn target(root: &Path, relative: &str) -> Result<PathBuf> {
    let canonical_root = fs::canonicalize(root)?;
    let path = root.join(relative);
    let outside = || {
        anyhow::anyhow!(
            "`{relative}` leads outside the workspace through a link; okr writes nothing there"
        )
    };
    if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        let resolved = fs::canonicalize(&path).map_err(|_| outside())?;
        return if resolved.starts_with(&canonical_root) { Ok(resolved) } else { Err(outside()) };
    }
    // The deepest folder that exists already decides where a new file lands.
    let existing = path.ancestors().skip(1).find(|folder| folder.exists()).ok_or_else(outside)?;
    if !fs::canonicalize(existing)?.starts_with(&canonical_root) {
        return Err(outside());
    }
    Ok(path)
}

/// Replaces (or creates) `relative` with `bytes`, atomically, keeping the
/// old file's permissions.
pub fn write_file(root: &Path, relative: &str, bytes: &[u8]) -> Result<()> {
    let path = target(root, relative)?;
    let folder = path.parent().expect("a file below the root has a folder");
    fs::create_dir_all(folder)
        .with_context(|| format!("failed to create `{}`", folder.display()))?;

    // A file the writer cannot write is not replaced behind its back.
    if path.exists() {
        fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .with_context(|| format!("cannot write `{relative}`"))?;
    }
    // Created with the usual mode less the umask, as any new file would be;
    // an existing file's permissions are copied over below.
    let mut temporary = tempfile::Builder::new()
        .prefix(".okr-")
        .suffix(".tmp")
        .permissions(default_permissions())
        .tempfile_in(folder)
        .with_context(|| format!("failed to create a temporary file in `{}`", folder.display()))?;
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.as_file().sync_all())
        .with_context(|| format!("failed to write `{relative}`"))?;
    if let Ok(metadata) = fs::metadata(&path) {
        fs::set_permissions(temporary.path(), metadata.permissions())
            .with_context(|| format!("failed to keep the permissions of `{relative}`"))?;
    }
    temporary.persist(&path).with_context(|| format!("failed to replace `{relative}`"))?;
    // The rename is durable once the folder is synced too.
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
    Ok(())
}

/// Removes `relative`, and its folder when that is left empty below `groups/`.
pub fn remove_file(root: &Path, relative: &str) -> Result<()> {
    let path = target(root, relative)?;
    fs::remove_file(&path).with_context(|| format!("failed to remove `{relative}`"))?;
    remove_empty_folder(root, &path);
    Ok(())
}

/// Whether `relative` is a regular file itself, not a link, so that
/// [`move_file`] can rename it.
pub fn is_plain_file(root: &Path, relative: &str) -> bool {
    fs::symlink_metadata(root.join(relative)).is_ok_and(|m| m.file_type().is_file())
}

/// Moves the file `from` to `to`, which must not exist, with one rename: a
/// crash leaves it at one place or the other, never at neither nor half.
pub fn move_file(root: &Path, from: &str, to: &str) -> Result<()> {
    let source = target(root, from)?;
    let destination = target(root, to)?;
    let folder = destination.parent().expect("a file below the root has a folder");
    fs::create_dir_all(folder)
        .with_context(|| format!("failed to create `{}`", folder.display()))?;
    if fs::symlink_metadata(&destination).is_ok() {
        bail!("`{to}` exists already; okr moves nothing over it");
    }
    fs::rename(&source, &destination)
        .with_context(|| format!("failed to move `{from}` to `{to}`"))?;
    for folder in [Some(folder), source.parent()].into_iter().flatten() {
        if let Ok(handle) = File::open(folder) {
            let _ = handle.sync_all();
        }
    }
    remove_empty_folder(root, &source);
    Ok(())
}

/// Removes the folder of a file that has gone, when that is left empty below `groups/`.
fn remove_empty_folder(root: &Path, path: &Path) {
    if let Some(folder) =
        path.parent().filter(|f| f.starts_with(root.join("groups")) && *f != root.join("groups"))
    {
        // Only succeeds on an empty folder, which is what is meant.
        let _ = fs::remove_dir(folder);
    }
}

#[cfg(unix)]
fn default_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o666)
}

#[cfg(not(unix))]
fn default_permissions() -> fs::Permissions {
    fs::metadata(".")
        .map(|m| m.permissions())
        .unwrap_or_else(|_| unreachable!("the current folder exists"))
}
