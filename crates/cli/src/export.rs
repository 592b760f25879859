//! `phone-roster export`: load the roster, apply the same view spec the app uses, write the file.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use roster::export::{CsvOptions, CsvStyle, Delimiter, ExportFormat};
use roster::{Column, Filters, Roster, SortKey, ViewSpec};

use crate::args::{ExportArgs, FormatArg};
use crate::failure::Failure;
use crate::{connection, load, unknown_values};

pub async fn run(args: ExportArgs) -> Result<(), Failure> {
    // Everything typed is checked before minutes are spent loading.
    let columns = columns(&args.columns)?;
    let spec = view_spec(&args)?;
    let format = format(&args);
    check_output_dir(&args.output)?;

    let (credentials, endpoints) = connection::resolve(args.profile.profile.as_deref())?;
    let options = zoom::ClientOptions {
        rate_limit_per_sec: args.rate_limit,
        ..Default::default()
    };
    let client = zoom::Client::new(credentials, endpoints, options)?;
    let roster = Roster::new(load::load_roster(&client, args.timeout).await?);

    for warning in unknown_values::warnings(&roster, &spec.filters) {
        eprintln!("{warning}");
    }
    let summary = roster.export_view(
        &spec,
        &columns,
        format,
        &args.output,
        &AtomicBool::new(false),
    )?;
    eprintln!(
        "Wrote {} of {} phone users to {}.",
        summary.rows,
        roster.len(),
        summary.path.display()
    );
    Ok(())
}

fn view_spec(args: &ExportArgs) -> Result<ViewSpec, Failure> {
    let mut sort = args
        .sort
        .iter()
        .map(|s| sort_key(s))
        .collect::<Result<Vec<_>, _>>()?;
    if sort.is_empty() {
        sort.push(SortKey {
            column: Column::Name,
            descending: false,
        });
    }
    Ok(ViewSpec {
        search: args.keyword.clone().unwrap_or_default(),
        filters: Filters {
            cost_center: args.cost_centers.clone(),
            department: args.departments.clone(),
            site: args.sites.clone(),
            status: args.statuses.clone(),
            calling_plan: args.calling_plans.clone(),
        },
        sort,
    })
}

fn sort_key(text: &str) -> Result<SortKey, Failure> {
    let (name, descending) = match text.rsplit_once(':') {
        Some((name, "desc")) => (name, true),
        Some((name, "asc")) => (name, false),
        _ => (text, false),
    };
    Ok(SortKey {
        column: column(name)?,
        descending,
    })
}

fn columns(names: &[String]) -> Result<Vec<Column>, Failure> {
    if names.is_empty() {
        return Ok(Column::DEFAULT_EXPORT.to_vec());
    }
    names.iter().map(|name| column(name)).collect()
}

fn column(name: &str) -> Result<Column, Failure> {
    name.trim().parse().map_err(|_| {
        let known: Vec<String> = Column::ALL.iter().map(|c| c.key().to_string()).collect();
        Failure::Usage(format!(
            "Unknown column \"{name}\". Use one of: {}.",
            known.join(", ")
        ))
    })
}

fn format(args: &ExportArgs) -> ExportFormat {
    match args.format {
        FormatArg::Csv => ExportFormat::Csv(CsvOptions {
            bom: !args.no_bom,
            delimiter: Delimiter::Comma,
            style: if args.for_people {
                CsvStyle::ForPeople
            } else {
                CsvStyle::Plain
            },
        }),
        FormatArg::Json => ExportFormat::Json,
        FormatArg::Xlsx => ExportFormat::Xlsx,
    }
}

fn check_output_dir(output: &Path) -> Result<(), Failure> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if parent.is_dir() {
        Ok(())
    } else {
        Err(Failure::File(format!(
            "The folder {} does not exist. Create it or choose another --output.",
            parent.display()
        )))
    }
}
