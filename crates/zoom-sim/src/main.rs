//! `zoom-sim`: a simulated Zoom account on loopback, for scripts, benchmarks and manual testing.
//! The first two lines on stdout are the API base URL and the token URL.

use std::net::SocketAddr;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use zoom_sim::{FaultSchedule, Faults, RetryAfter, SimConfig};

#[derive(Parser)]
#[command(version, about = "A faithful Zoom Phone API simulator on 127.0.0.1")]
struct Args {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Number of generated users (pending ones included).
    #[arg(long, default_value_t = 1_000)]
    users: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    #[arg(long, default_value = "demo-account")]
    account_id: String,
    #[arg(long, default_value = "demo-client")]
    client_id: String,
    #[arg(long, default_value = "demo-secret")]
    client_secret: String,
    /// Added to every answer.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Requests per second beyond which the API answers 429.
    #[arg(long)]
    qps: Option<u32>,
    /// How a 429 says when to retry.
    #[arg(long, value_enum, default_value_t = RetryAfterArg::Seconds)]
    retry_after: RetryAfterArg,
    /// Share (0-1) of API requests answered with a 5xx.
    #[arg(long, default_value_t = 0.0)]
    error_rate: f64,
    /// Share (0-1) of successful API answers cut short.
    #[arg(long, default_value_t = 0.0)]
    malformed_json_rate: f64,
    /// Share (0-1) of API requests accepted and never answered.
    #[arg(long, default_value_t = 0.0)]
    stall_rate: f64,
    /// Share (0-1) of successful API answers broken off mid-body.
    #[arg(long, default_value_t = 0.0)]
    reset_rate: f64,
    /// A fault on every Nth API request, cycling through 429 (each Retry-After form), 500, 503,
    /// a reset, a token revocation, a page-token expiry (twice at most) and a stall.
    #[arg(long, default_value_t = 0)]
    fault_every: u64,
    #[arg(long, default_value_t = 3600)]
    token_lifetime_secs: u64,
    /// Whether a new access token invalidates the earlier ones.
    #[arg(long)]
    single_token: bool,
    #[arg(long, default_value_t = 15 * 60)]
    page_token_ttl_secs: u64,
    /// Issue tokens without the phone scopes.
    #[arg(long)]
    missing_scope: bool,
    /// Refuse `site_id` filters with Zoom's site permission error.
    #[arg(long)]
    site_permission_error: bool,
    /// Answer 403: Zoom Phone not set up on the account.
    #[arg(long)]
    phone_not_enabled: bool,
    /// Leave out the hostile names (formulas, tabs, line breaks): a roster that looks like a company.
    #[arg(long)]
    no_hostile_names: bool,
    /// Share (0-1) of users without a site, whom no site's list holds.
    #[arg(long, default_value_t = zoom_sim::USERS_WITHOUT_SITE)]
    users_without_site: f64,
}

#[derive(Clone, Copy, ValueEnum)]
enum RetryAfterArg {
    Seconds,
    Date,
    None,
}

impl Args {
    fn config(self) -> SimConfig {
        let retry_after = match self.retry_after {
            RetryAfterArg::Seconds => RetryAfter::Seconds,
            RetryAfterArg::Date => RetryAfter::HttpDate,
            RetryAfterArg::None => RetryAfter::Absent,
        };
        let faults = Faults {
            latency: Duration::from_millis(self.latency_ms),
            qps_limit: self.qps,
            retry_after,
            server_error_rate: self.error_rate,
            malformed_json_rate: self.malformed_json_rate,
            token_lifetime: Duration::from_secs(self.token_lifetime_secs),
            single_token: self.single_token,
            page_token_ttl: Duration::from_secs(self.page_token_ttl_secs),
            missing_scope: self.missing_scope,
            site_permission_error: self.site_permission_error,
            phone_not_enabled: self.phone_not_enabled,
            stall_rate: self.stall_rate,
            reset_rate: self.reset_rate,
            schedule: (self.fault_every > 0).then_some(FaultSchedule {
                every: self.fault_every,
                max_page_token_expiries: 2,
            }),
            ..Faults::default()
        };
        SimConfig {
            users: self.users,
            seed: self.seed,
            account_id: self.account_id,
            client_id: self.client_id,
            client_secret: self.client_secret,
            faults,
            hostile_names: !self.no_hostile_names,
            users_without_site: self.users_without_site,
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let args = Args::parse();
    let users = args.users;
    let addr = SocketAddr::from(([127, 0, 0, 1], args.port));
    let sim = zoom_sim::start_on(addr, args.config()).await?;
    // Scripts read these two lines; everything else goes to stderr.
    println!("{}", sim.api_base());
    println!("{}", sim.token_url());
    eprintln!("zoom-sim: {users} users; Ctrl-C to stop");
    tokio::signal::ctrl_c().await?;
    sim.shutdown().await;
    Ok(())
}
