//! LibreOffice Calc (`soffice`, Debian's `libreoffice-calc-nogui`, which `cargo xtask test`
//! installs) as the spreadsheet that opens the exports: it imports CSV files with the separator and
//! options a test names and saves them as workbooks, whose cells and formulas calamine then reads.

#![allow(dead_code)] // each test binary uses its own subset

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

/// Converts every file of `inputs` to .xlsx in `out` (a CSV through the import options `infilter`,
/// e.g. `CSV:44,34,76,1`), in a LibreOffice profile of its own under `work` so that tests running at
/// once do not share one. The workbooks, in the order of `inputs`.
pub fn to_workbooks(
    inputs: &[PathBuf],
    infilter: Option<&str>,
    work: &Path,
    out: &Path,
) -> Vec<PathBuf> {
    let profile = work.join("libreoffice-profile");
    let mut command = Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore"]);
    if let Some(infilter) = infilter {
        command.arg(format!("--infilter={infilter}"));
    }
    let output = command
        .args(["--convert-to", "xlsx", "--outdir"])
        .arg(out)
        .args(inputs)
        .output()
        .expect("soffice runs (install libreoffice-calc-nogui; `cargo xtask test` installs it)");
    inputs
        .iter()
        .map(|input| {
            let converted = out.join(input.with_extension("xlsx").file_name().unwrap());
            assert!(
                converted.exists(),
                "LibreOffice wrote no {}: {}{}",
                converted.display(),
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            converted
        })
        .collect()
}

/// Every cell of the first sheet, as LibreOffice left it.
pub fn cells(workbook: &Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(workbook).expect("the converted workbook opens");
    let sheet = book
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("it reads");
    let (rows, columns) = sheet.get_size();
    (0..rows)
        .map(|r| {
            (0..columns)
                .map(|c| sheet.get((r, c)).cloned().unwrap_or(Data::Empty))
                .collect()
        })
        .collect()
}

/// Every formula of the first sheet: what the spreadsheet ran on opening the file.
pub fn formulas(workbook: &Path) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook(workbook).expect("the converted workbook opens");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_formula(&name).expect("formulas read");
    range
        .used_cells()
        .map(|(_, _, f)| f.clone())
        .filter(|f| !f.is_empty())
        .collect()
}
