//! Places in the workspace's files, kept beside every value read from them.
//!
//! A [`Span`] is small and cheap: a file number and a byte range. Lines and
//! columns are worked out only for the few spans that end up in a finding.

/// The number of a file or folder in the workspace's [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// Where something is: a byte range of a file, or a whole file or folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    /// The byte range in the file's text (after any byte order mark), or
    /// `None` when the finding is about the file or folder itself.
    pub range: Option<(u32, u32)>,
}

/// A value together with the place it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: Span,
}

/// A value together with its byte range in a file its owner knows: what a
/// check-in keeps, since it always lies in its objective's file and a large
/// workspace holds hundreds of thousands of them.
#[derive(Clone, Debug, PartialEq)]
pub struct InFile<T> {
    pub value: T,
    range: (u32, u32),
}

/// What a path in [`Sources`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Folder,
}

/// The files and folders a workspace was read from, by relative path.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    entries: Vec<(String, EntryKind)>,
}

impl Span {
    /// The place of a whole file or folder.
    pub fn whole(file: FileId) -> Span {
        Span { file, range: None }
    }

    /// The place of a byte range in a file.
    pub fn bytes(file: FileId, range: std::ops::Range<usize>) -> Span {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span { file, range: Some((clamp(range.start), clamp(range.end))) }
    }
}

impl<T> Located<T> {
    pub fn new(value: T, at: Span) -> Located<T> {
        Located { value, at }
    }
}

impl<T> InFile<T> {
    /// Keeps the range of a value read from `file`; a place that is the
    /// whole file keeps its start.
    pub fn of(located: Located<T>) -> InFile<T> {
        InFile { value: located.value, range: located.at.range.unwrap_or((0, 0)) }
    }

    /// Its place, in `file`.
    pub fn at(&self, file: FileId) -> Span {
        Span { file, range: Some(self.range) }
    }
}

impl Sources {
    /// Records a path (relative to the root, with `/` separators).
    pub fn add(&mut self, path: String, kind: EntryKind) -> FileId {
        let id = FileId(u32::try_from(self.entries.len()).expect("fewer than 4 billion files"));
        self.entries.push((path, kind));
        id
    }

    /// The file or folder recorded at `path`, if any.
    pub fn find(&self, path: &str) -> Option<FileId> {
        let index = self.entries.iter().position(|(recorded, _)| recorded == path)?;
        u32::try_from(index).ok().map(FileId)
    }

    pub fn path(&self, file: FileId) -> &str {
        &self.entries[file.0 as usize].0
    }

    pub fn kind(&self, file: FileId) -> EntryKind {
        self.entries[file.0 as usize].1
    }

    /// The paths of the files (not folders) the workspace was read from.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|(_, kind)| *kind == EntryKind::File)
            .map(|(path, _)| path.as_str())
    }

    /// How many files (not folders) the workspace was read from.
    pub fn file_count(&self) -> usize {
        self.entries.iter().filter(|(_, kind)| *kind == EntryKind::File).count()
    }
}
