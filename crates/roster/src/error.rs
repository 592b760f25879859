//! Everything the engine and export can report, each said so that an admin knows what happened to
//! which file and what to do next.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("“{name}” is not a column. Use one of: {known}.")]
    UnknownColumn { name: String, known: String },

    #[error("The folder {} does not exist. Create it or choose another location.", folder.display())]
    FolderMissing { folder: PathBuf },

    #[error(
        "You don't have permission to write {}. Choose a folder you can write to, or close the file \
         if another program (such as Excel) has it open.",
        path.display()
    )]
    PermissionDenied { path: PathBuf },

    #[error(
        "Could not save {}: another program has the file open (such as Excel). Close it there and \
         try again, or choose another name; the file was not changed.",
        path.display()
    )]
    InUse { path: PathBuf },

    #[error("Could not save {}: the disk is full. Free some space or choose another location.", path.display())]
    DiskFull { path: PathBuf },

    #[error("Could not save {}: that location is read-only. Choose another location.", path.display())]
    ReadOnly { path: PathBuf },

    #[error("Could not save {}: a folder has that name. Choose a file name.", path.display())]
    TargetIsFolder { path: PathBuf },

    #[error("The export was cancelled; {} was not changed.", path.display())]
    Cancelled { path: PathBuf },

    #[error("Could not save {}: {message}.", path.display())]
    Spreadsheet { path: PathBuf, message: String },

    #[error("Could not save {}: {source}.", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl Error {
    /// The sentence for an I/O failure while writing `path`, chosen by what the admin can do about it.
    pub(crate) fn from_io(source: io::Error, path: &Path) -> Error {
        let path = path.to_path_buf();
        if crate::export::replace::held_by_another_program(&source) {
            return Error::InUse { path };
        }
        match source.kind() {
            io::ErrorKind::PermissionDenied => Error::PermissionDenied { path },
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Error::DiskFull { path },
            io::ErrorKind::ReadOnlyFilesystem => Error::ReadOnly { path },
            io::ErrorKind::IsADirectory => Error::TargetIsFolder { path },
            io::ErrorKind::NotFound => match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => Error::FolderMissing {
                    folder: folder.to_path_buf(),
                },
                _ => Error::Io { path, source },
            },
            _ => Error::Io { path, source },
        }
    }
}
