//! `phone-roster report`: users counted by one facet against another (`--by cost-center --by
//! calling-plan`), with the export's filters, written as the app's report table.

use std::sync::atomic::AtomicBool;

use roster::export::export_table_to_path;
use roster::{Facet, Roster};

use crate::args::{FacetArg, ReportArgs};
use crate::export::{check_output_dir, format, view_spec, warn_of_unknown_values};
use crate::failure::Failure;
use crate::load;

pub async fn run(args: ReportArgs) -> Result<(), Failure> {
    let [rows_by, columns_by] = match args.by.as_slice() {
        &[rows, columns] => [facet(rows), facet(columns)],
        _ => {
            return Err(Failure::Usage(
                "Give --by twice: the facet of the rows, then that of the columns (e.g. --by \
                 cost-center --by calling-plan)."
                    .into(),
            ));
        }
    };
    // A report's order is its own (most users first): no sort to give.
    let spec = view_spec(&args.filters, &[])?;
    let format = format(&args.output);
    check_output_dir(&args.output.output)?;

    let (users, _) = load::fetch(&args.load).await?;
    let roster = Roster::new(users);
    warn_of_unknown_values(&roster, &spec.filters);
    let report = roster.report(&spec, rows_by, columns_by);
    let summary = export_table_to_path(
        &report.table(),
        format,
        &args.output.output,
        &AtomicBool::new(false),
    )?;
    eprintln!(
        "Wrote {} phone users by {} and {} to {}.",
        report.total,
        rows_by.label().to_lowercase(),
        columns_by.label().to_lowercase(),
        summary.path.display()
    );
    Ok(())
}

fn facet(arg: FacetArg) -> Facet {
    match arg {
        FacetArg::CostCenter => Facet::CostCenter,
        FacetArg::Department => Facet::Department,
        FacetArg::Site => Facet::Site,
        FacetArg::Status => Facet::Status,
        FacetArg::CallingPlan => Facet::CallingPlan,
    }
}
