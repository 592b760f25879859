//! The full records of the view, for scripts and for anyone who needs a field the columns omit.
//!
//! Pretty-printed: an admin opens it in an editor or diffs two exports, and the size it adds is
//! whitespace that compresses away; every JSON reader reads both forms.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use serde::Serializer as _;
use zoom::PhoneUser;

/// Writes a JSON array of the users' records, every field kept (unknown ones included), streamed
/// so that memory does not grow with the roster. Returns the rows written.
pub(crate) fn write_json<'a>(
    users: impl Iterator<Item = &'a PhoneUser>,
    file: &mut File,
) -> io::Result<usize> {
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let mut rows = 0;
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    serializer.collect_seq(users.inspect(|_| rows += 1))?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(rows)
}
