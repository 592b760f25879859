//! `phone-roster export`: load the roster, apply the same view spec the app uses (typed as flags or
//! saved in the app as a view), write the file. The flags' parsing here is shared by `changes` and
//! `report`.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use profiles::{DEFAULT_PROFILE, ProfileStore};
use roster::export::{CsvOptions, CsvStyle, Delimiter, ExportFormat};
use roster::{Column, Filters, Roster, SortKey, ViewSpec};

use crate::args::{ExportArgs, FilterArgs, FormatArg, OutputArgs};
use crate::failure::Failure;
use crate::{load, unknown_values};

pub async fn run(args: ExportArgs) -> Result<(), Failure> {
    // Everything typed is checked before minutes are spent loading.
    let (spec, columns) = match &args.view {
        Some(name) => saved_view(args.load.profile.profile.as_deref(), name)?,
        None => (
            view_spec(&args.filters, &args.sort)?,
            columns(&args.columns)?,
        ),
    };
    let format = format(&args.output);
    check_output_dir(&args.output.output)?;

    let (users, _) = load::fetch(&args.load).await?;
    let roster = Roster::new(users);
    warn_of_unknown_values(&roster, &spec.filters);
    let summary = roster.export_view(
        &spec,
        &columns,
        format,
        &args.output.output,
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

/// The search, filters, sort and columns of the profile's saved view `name`, taken as they are:
/// the app exports a view with exactly these.
fn saved_view(profile: Option<&str>, name: &str) -> Result<(ViewSpec, Vec<Column>), Failure> {
    let profile = profile.unwrap_or(DEFAULT_PROFILE);
    let views = ProfileStore::open_default()?.saved_views();
    if let Some(view) = views.get(profile, name)? {
        return Ok((view.spec, view.columns));
    }
    let saved: Vec<String> = views
        .list(profile)?
        .into_iter()
        .map(|view| format!("\"{}\"", view.name))
        .collect();
    let known = if saved.is_empty() {
        "It has no saved views yet: save one in the app first.".to_owned()
    } else {
        format!("Its saved views: {}.", saved.join(", "))
    };
    Err(Failure::Usage(format!(
        "The profile \"{profile}\" has no saved view named \"{name}\". {known}"
    )))
}

/// Filter values must match Zoom's exactly; each one no user has gets a note on stderr.
pub fn warn_of_unknown_values(roster: &Roster, filters: &Filters) {
    for warning in unknown_values::warnings(roster, filters) {
        eprintln!("{warning}");
    }
}

/// The view typed as flags; sorted by name when no sort is given.
pub fn view_spec(filters: &FilterArgs, sort: &[String]) -> Result<ViewSpec, Failure> {
    let mut sort = sort
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
        search: filters.keyword.clone().unwrap_or_default(),
        filters: Filters {
            cost_center: filters.cost_centers.clone(),
            department: filters.departments.clone(),
            site: filters.sites.clone(),
            status: filters.statuses.clone(),
            calling_plan: filters.calling_plans.clone(),
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

pub fn format(args: &OutputArgs) -> ExportFormat {
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

pub fn check_output_dir(output: &Path) -> Result<(), Failure> {
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
