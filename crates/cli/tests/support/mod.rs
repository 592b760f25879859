//! Runs the real `phone-roster` binary against a simulator on loopback.
// Each test binary uses only part of this module.
#![allow(dead_code)]

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

use profiles::ProfileStore;
use serde_json::Value;
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;
use zoom_sim::{SimConfig, SimHandle};

/// The keychain service name the tests' runs of `phone-roster` keep secrets under.
pub const TEST_KEYCHAIN_SERVICE: &str = "phone-roster-cli-tests";

#[allow(unused_imports)] // as the rest: each test binary uses its own subset
pub use zoom_sim::sim;

pub struct Run<'a> {
    sim: &'a SimHandle,
    config_dir: PathBuf,
    secret: String,
    stdin: Option<String>,
    env: Vec<(&'static str, String)>,
}

/// Proxy settings a machine may have; cleared for every run so that a test sees only its own.
const PROXY_VARIABLES: [&str; 8] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

impl<'a> Run<'a> {
    /// A run with the simulator's own credentials in ZOOM_* and a private profiles folder.
    pub fn new(sim: &'a SimHandle, config_dir: &Path) -> Self {
        Run {
            sim,
            config_dir: config_dir.to_path_buf(),
            secret: SimConfig::default().client_secret,
            stdin: None,
            env: Vec::new(),
        }
    }

    /// One more environment variable for the run (e.g. a proxy setting).
    pub fn env(mut self, key: &'static str, value: &str) -> Self {
        self.env.push((key, value.to_string()));
        self
    }

    pub fn secret(mut self, secret: &str) -> Self {
        self.secret = secret.to_string();
        self
    }

    pub fn stdin(mut self, text: &str) -> Self {
        self.stdin = Some(text.to_string());
        self
    }

    /// With credentials in the environment, as a scheduled job runs it.
    pub async fn env_credentials(self, args: &[&str]) -> Output {
        let defaults = SimConfig::default();
        let envs = vec![
            ("ZOOM_ACCOUNT_ID", defaults.account_id),
            ("ZOOM_CLIENT_ID", defaults.client_id),
            ("ZOOM_CLIENT_SECRET", self.secret.clone()),
        ];
        self.run(args, envs).await
    }

    /// With credentials from a saved profile (or none at all).
    pub async fn profile_credentials(self, args: &[&str]) -> Output {
        self.run(args, Vec::new()).await
    }

    async fn run(self, args: &[&str], envs: Vec<(&'static str, String)>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_phone-roster"));
        for variable in PROXY_VARIABLES {
            command.env_remove(variable);
        }
        command
            .args(args)
            .env_remove("ZOOM_ACCOUNT_ID")
            .env_remove("ZOOM_CLIENT_ID")
            .env_remove("ZOOM_CLIENT_SECRET")
            .env("ZOOM_API_BASE_URL", self.sim.api_base())
            .env("ZOOM_OAUTH_TOKEN_URL", self.sim.token_url())
            .env("PHONE_ROSTER_CONFIG_DIR", &self.config_dir)
            // Never the keychain entries of whoever runs the tests, even outside the throwaway
            // Secret Service of `cargo xtask test`.
            .env(ProfileStore::TEST_SERVICE_VARIABLE, TEST_KEYCHAIN_SERVICE)
            .envs(envs)
            .envs(self.env)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let stdin = self.stdin;
        // The simulator runs on this runtime's other worker: block a separate thread, not it.
        tokio::task::spawn_blocking(move || {
            let mut child = command.spawn().expect("phone-roster starts");
            let mut pipe = child.stdin.take().expect("stdin is piped");
            if let Some(text) = stdin {
                pipe.write_all(text.as_bytes()).expect("stdin is writable");
            }
            drop(pipe);
            child.wait_with_output().expect("phone-roster finishes")
        })
        .await
        .expect("the blocking task completes")
    }
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr: {}",
        stderr(output)
    );
}

/// The CSV's rows, header first, with the BOM checked and removed.
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("the CSV exists");
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("the CSV starts with a UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

pub fn sim_ids(sim: &SimHandle) -> HashSet<String> {
    sim.users()
        .iter()
        .map(|u| u["id"].as_str().expect("an id").to_string())
        .collect()
}

/// The two cost centers with the most users (ties by name), for filters that select something.
pub fn two_largest_cost_centers(users: &[Value]) -> (String, String) {
    let mut counts = std::collections::HashMap::<&str, usize>::new();
    for cc in users
        .iter()
        .filter_map(|u| u["cost_center"].as_str())
        .filter(|c| !c.is_empty())
    {
        *counts.entry(cc).or_default() += 1;
    }
    let mut ranked: Vec<_> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    (ranked[0].0.to_string(), ranked[1].0.to_string())
}

/// A proxy on loopback that keeps the first line of every connection, then closes it.
pub async fn recording_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy binds");
    let address = format!("http://{}", listener.local_addr().expect("proxy address"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let mut head = vec![0u8; 1024];
            let read = client.read(&mut head).await.unwrap_or(0);
            let line = String::from_utf8_lossy(&head[..read]);
            let first = line.lines().next().unwrap_or_default().to_owned();
            record.lock().expect("proxy log").push(first);
        }
    });
    (address, seen)
}
