//! The command line, as admins type it and as scripts rely on it.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "phone-roster",
    version,
    about = "List and export every Zoom Phone user of your account.",
    after_help = "Exit codes: 0 ok, 2 usage, 3 credentials or permission, 4 Zoom or network, 5 file."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Save a connection profile; the client secret goes to the OS keychain.
    Login(LoginArgs),
    /// Remove a profile and its secret from the keychain.
    Logout(ProfileArg),
    /// List the saved profiles.
    Profiles,
    /// List the account's Zoom Phone sites.
    Sites(ProfileArg),
    /// Export the phone users (all of them, those matching the filters, or a saved view) to a file.
    Export(ExportArgs),
    /// Write who joined, left or changed since the profile's last saved roster (the app's or this
    /// command's), then save this roster for the next time.
    Changes(ChangesArgs),
    /// Write a count of users by one facet against another (e.g. cost center by calling plan).
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct ProfileArg {
    /// The connection profile to use [default: "default", or ZOOM_* environment variables when set].
    #[arg(long, short = 'p')]
    pub profile: Option<String>,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    #[command(flatten)]
    pub profile: ProfileArg,
    /// The Account ID of your Server-to-Server OAuth app (asked for when left out).
    #[arg(long)]
    pub account_id: Option<String>,
    /// The Client ID of your Server-to-Server OAuth app (asked for when left out).
    #[arg(long)]
    pub client_id: Option<String>,
    /// Which Zoom cloud the account lives in.
    #[arg(long, value_enum, default_value_t = CloudArg::Zoom)]
    pub cloud: CloudArg,
    /// Save without first checking the credentials against Zoom.
    #[arg(long)]
    pub no_verify: bool,
    /// Replace a saved profile of the same name without asking.
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CloudArg {
    Zoom,
    Zoomgov,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Json,
    Xlsx,
}

/// Where the roster comes from and how patiently it is fetched: shared by every command that loads.
#[derive(Debug, Args)]
pub struct LoadArgs {
    #[command(flatten)]
    pub profile: ProfileArg,
    /// Zoom's request rate limit for your plan: 10 (Pro) or 20 (Business and above).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub rate_limit: u32,
    /// Give up (exit 4, no file written) when the export has not finished within this time,
    /// e.g. 90s, 30m or 2h. For scheduled jobs [default: no limit].
    #[arg(long, value_name = "DURATION", value_parser = crate::deadline::parse)]
    pub timeout: Option<Duration>,
}

/// The file written and its format: shared by every command that writes one.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The file to write; it appears only once the whole export succeeded.
    #[arg(long, short = 'o')]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Write the CSV without the UTF-8 byte order mark (Excel then guesses the encoding).
    #[arg(long)]
    pub no_bom: bool,
    /// Write the CSV for people opening it in a spreadsheet: every cell as the app shows it
    /// (leading zeros, long numbers and date-like values stay text; phone numbers formatted).
    #[arg(long)]
    pub for_people: bool,
}

/// The filters and search text of a view, as the app's sidebar and search box set them.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Keep users of this cost center (repeat to keep several; "" = no cost center).
    #[arg(long = "cost-center", value_name = "V")]
    pub cost_centers: Vec<String>,
    /// Keep users of this department (repeatable).
    #[arg(long = "department", value_name = "V")]
    pub departments: Vec<String>,
    /// Keep users of this site, by name (repeatable).
    #[arg(long = "site", value_name = "NAME")]
    pub sites: Vec<String>,
    /// Keep users with this status: activate, deactivate or pending (repeatable).
    #[arg(long = "status", value_name = "STATUS", value_parser = ["activate", "deactivate", "pending"])]
    pub statuses: Vec<String>,
    /// Keep users with this calling plan, by name (repeatable).
    #[arg(long = "calling-plan", value_name = "NAME")]
    pub calling_plans: Vec<String>,
    /// Keep users whose name, email, extension or phone number contains this text.
    #[arg(long)]
    pub keyword: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Write the profile's saved view of this name (made in the app): its search, filters, sort
    /// and columns, exactly as the app exports it. Views are read from --profile's, or the
    /// "default" profile's when credentials come from ZOOM_* variables.
    #[arg(long, value_name = "NAME", conflicts_with_all = [
        "cost_centers", "departments", "sites", "statuses", "calling_plans", "keyword", "sort",
        "columns",
    ])]
    pub view: Option<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Sort by this column, `:desc` for descending (repeat for ties) [default: name].
    #[arg(long = "sort", value_name = "COLUMN[:desc]")]
    pub sort: Vec<String>,
    /// The columns to write, in order, comma-separated [default: the 10 standard columns].
    #[arg(long, value_delimiter = ',', value_name = "a,b,…")]
    pub columns: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ChangesArgs {
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A facet on the command line, in kebab-case (`cost-center`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetArg {
    CostCenter,
    Department,
    Site,
    Status,
    CallingPlan,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Count users by this facet: give it twice, rows first, then columns
    /// (e.g. --by cost-center --by calling-plan).
    #[arg(long, value_enum, required = true, value_name = "FACET")]
    pub by: Vec<FacetArg>,
    #[command(flatten)]
    pub filters: FilterArgs,
}
