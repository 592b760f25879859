//! The full records of the view, for scripts and for anyone who needs a field the columns omit.
//!
//! Pretty-printed: an admin opens it in an editor or diffs two exports, and the size it adds is
//! whitespace that compresses away; every JSON reader reads both forms.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
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

/// Writes a JSON array with one object per row, keyed by the headers in their order (a table that
/// is not users: changes, a report). Returns the rows written.
pub(crate) fn write_table<'a>(
    headers: &[String],
    rows: impl Iterator<Item = &'a Vec<String>>,
    file: &mut File,
) -> io::Result<usize> {
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let mut count = 0;
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    let objects = rows.map(|cells| Object { headers, cells });
    serializer.collect_seq(objects.inspect(|_| count += 1))?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(count)
}

/// A row as `{header: cell}`, in the headers' order (a map would sort or reorder the keys).
struct Object<'a> {
    headers: &'a [String],
    cells: &'a [String],
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.headers.len()))?;
        for (i, header) in self.headers.iter().enumerate() {
            map.serialize_entry(header, self.cells.get(i).map_or("", String::as_str))?;
        }
        map.end()
    }
}
