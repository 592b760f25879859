//! `phone-roster export` end to end: the real binary, real HTTP on loopback, the simulator.

mod support;

use std::collections::HashSet;
use std::time::Duration;

use serde_json::Value;
use support::{
    Run, assert_exit, read_csv, recording_proxy, sim, sim_ids, stderr, two_largest_cost_centers,
};
use zoom_sim::{Faults, RetryAfter};

const DEFAULT_HEADER: &str =
    "Name,Email,Extension,Phone Numbers,Site,Department,Cost Center,Status,Calling Plans,User ID";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_user_exactly_once_with_every_fault_on() {
    let sim = sim(
        6_000,
        Faults {
            latency: Duration::from_millis(5),
            qps_limit: Some(15),
            retry_after: RetryAfter::HttpDate,
            server_error_rate: 0.1,
            malformed_json_rate: 0.05,
            token_lifetime: Duration::from_secs(2),
            single_token: true,
            page_token_ttl: Duration::from_secs(5),
            ..Faults::default()
        },
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.csv");
    let output = Run::new(&sim, dir.path())
        .env_credentials(&[
            "export",
            "--output",
            out.to_str().unwrap(),
            "--rate-limit",
            "20",
        ])
        .await;
    assert_exit(&output, 0);

    let rows = read_csv(&out);
    assert_eq!(rows[0].join(","), DEFAULT_HEADER);
    let ids: Vec<&String> = rows[1..].iter().map(|r| r.last().unwrap()).collect();
    let unique: HashSet<String> = ids.iter().map(|s| s.to_string()).collect();
    assert_eq!(ids.len(), unique.len(), "no user is written twice");
    assert_eq!(unique, sim_ids(&sim), "every user is written");
    let stats = sim.stats();
    // The dice are seeded but request timing is not; each fault alone is tested in crates/zoom.
    let faults = stats.rate_limited + stats.server_errors + stats.malformed_responses;
    assert!(faults > 0, "the faults fired: {stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_sort_and_columns_follow_the_command_line() {
    let sim = sim(1_500, Faults::default()).await;
    let (first, second) = two_largest_cost_centers(sim.users());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("two.csv");
    let args = [
        "export",
        "--output",
        out.to_str().unwrap(),
        "--cost-center",
        &first,
        "--cost-center",
        &second,
        "--status",
        "activate",
        "--sort",
        "extension:desc",
        "--columns",
        "extension,cost_center,user_id",
    ];
    let output = Run::new(&sim, dir.path()).env_credentials(&args).await;
    assert_exit(&output, 0);

    let rows = read_csv(&out);
    assert_eq!(rows[0], ["Extension", "Cost Center", "User ID"]);
    let expected: HashSet<String> = sim
        .users()
        .iter()
        .filter(|u| u["status"] == "activate")
        .filter(|u| {
            [&first, &second]
                .iter()
                .any(|cc| u["cost_center"] == cc.as_str())
        })
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect();
    let written: HashSet<String> = rows[1..].iter().map(|r| r[2].clone()).collect();
    assert!(!expected.is_empty());
    assert_eq!(written, expected);
    assert_eq!(rows.len() - 1, expected.len());

    let extensions: Vec<Option<u64>> = rows[1..].iter().map(|r| r[0].parse().ok()).collect();
    let numbered = extensions.iter().take_while(|e| e.is_some()).count();
    assert!(
        extensions[numbered..].iter().all(Option::is_none),
        "blanks sort last"
    );
    assert!(
        extensions[..numbered].windows(2).all(|w| w[0] >= w[1]),
        "numeric, descending"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_holds_the_full_records() {
    let sim = sim(400, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.json");
    let args = [
        "export",
        "--output",
        out.to_str().unwrap(),
        "--format",
        "json",
    ];
    assert_exit(&Run::new(&sim, dir.path()).env_credentials(&args).await, 0);
    let records: Vec<Value> = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let ids: HashSet<String> = records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, sim_ids(&sim));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_credentials_exit_3_and_keep_the_existing_file() {
    let sim = sim(100, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("roster.csv");
    std::fs::write(&out, "last week's export").unwrap();
    let output = Run::new(&sim, dir.path())
        .secret("not-the-secret")
        .env_credentials(&["export", "--output", out.to_str().unwrap()])
        .await;
    assert_exit(&output, 3);
    assert!(
        stderr(&output).to_lowercase().contains("client secret"),
        "{}",
        stderr(&output)
    );
    assert!(
        !stderr(&output).contains("not-the-secret"),
        "the secret is never printed"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "last week's export");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_scope_is_named() {
    let sim = sim(
        100,
        Faults {
            missing_scope: true,
            ..Faults::default()
        },
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("roster.csv");
    let output = Run::new(&sim, dir.path())
        .env_credentials(&["export", "--output", out.to_str().unwrap()])
        .await;
    assert_exit(&output, 3);
    assert!(
        stderr(&output).contains("phone:read:list_users:admin"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists(), "no file on failure");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_folder_fails_with_exit_5_before_loading() {
    let sim = sim(100, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder/roster.csv");
    let output = Run::new(&sim, dir.path())
        .env_credentials(&["export", "--output", out.to_str().unwrap()])
        .await;
    assert_exit(&output, 5);
    assert!(
        stderr(&output).contains("does not exist"),
        "{}",
        stderr(&output)
    );
    assert_eq!(sim.stats().requests, 0, "nothing was loaded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_column_is_a_usage_error() {
    let sim = sim(10, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("roster.csv");
    let args = [
        "export",
        "--output",
        out.to_str().unwrap(),
        "--columns",
        "name,salary",
    ];
    let output = Run::new(&sim, dir.path()).env_credentials(&args).await;
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("salary"), "{}", stderr(&output));
}

/// A token address that is not Zoom's (a typo, or a planted setting that would collect the secret)
/// is refused before anything is sent. The way out is watched: Zoom's own API address and the
/// rogue token address are both reached through a recording proxy, which must see nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_address_other_than_zoom_is_refused_before_anything_is_sent() {
    let sim = sim(10, Faults::default()).await;
    let (proxy, seen) = recording_proxy().await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never.csv");
    let output = Run::new(&sim, dir.path())
        .env("HTTPS_PROXY", &proxy)
        .env("ZOOM_API_BASE_URL", "https://api.zoom.us/v2")
        .env(
            "ZOOM_OAUTH_TOKEN_URL",
            "https://collector.example/oauth/token",
        )
        .env_credentials(&["export", "--output", out.to_str().unwrap()])
        .await;
    assert_exit(&output, 3);
    let said = stderr(&output);
    assert!(
        said.contains("sends the client secret and access tokens only to Zoom")
            && said.contains("https://collector.example/oauth/token"),
        "{said}"
    );
    assert!(!out.exists(), "no file is written");
    assert_eq!(*seen.lock().unwrap(), Vec::<String>::new(), "nothing left");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeout_ends_a_scheduled_export_that_zoom_never_answers() {
    let sim = sim(
        100,
        Faults {
            stall_rate: 1.0,
            ..Faults::default()
        },
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("roster.csv");
    let started = std::time::Instant::now();
    let output = Run::new(&sim, dir.path())
        .env_credentials(&[
            "export",
            "--timeout",
            "2s",
            "--output",
            out.to_str().unwrap(),
        ])
        .await;
    assert_exit(&output, 4);
    assert!(
        stderr(&output).contains("did not finish within 2 s"),
        "{}",
        stderr(&output)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
    assert!(!out.exists(), "no file on failure");
    assert!(sim.stats().stalls > 0, "the simulator held the request");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timeout_that_is_not_a_duration_is_a_usage_error() {
    let sim = sim(10, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("roster.csv");
    let output = Run::new(&sim, dir.path())
        .env_credentials(&[
            "export",
            "--timeout",
            "soon",
            "--output",
            out.to_str().unwrap(),
        ])
        .await;
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("e.g. 90s"), "{}", stderr(&output));
    assert_eq!(sim.stats().requests, 0, "nothing was loaded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn for_people_writes_what_a_spreadsheet_shows_as_the_app_does() {
    let sim = sim(200, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.csv");
    let people = dir.path().join("people.csv");
    let columns = "phone_numbers,status,user_id";
    for (out, extra) in [(&plain, None), (&people, Some("--for-people"))] {
        let mut args = vec!["export", "--columns", columns, "--output"];
        args.push(out.to_str().unwrap());
        args.extend(extra);
        assert_exit(&Run::new(&sim, dir.path()).env_credentials(&args).await, 0);
    }
    let (plain, people) = (read_csv(&plain), read_csv(&people));
    assert_eq!(plain.len(), people.len());
    // A spreadsheet shows a text formula ="…" as its text (ids with digits are written so too).
    let shown = |cell: &str| -> String {
        match cell.strip_prefix("=\"").and_then(|c| c.strip_suffix('"')) {
            Some(text) => text.replace("\"\"", "\""),
            None => cell.to_owned(),
        }
    };
    let by_id = |rows: &[Vec<String>]| -> std::collections::HashMap<String, Vec<String>> {
        rows[1..]
            .iter()
            .map(|r| (shown(&r[2]), r.clone()))
            .collect()
    };
    let (plain, people) = (by_id(&plain), by_id(&people));
    let mut formatted = 0;
    for (id, plain_row) in &plain {
        let people_row = &people[id];
        // Scripts get Zoom's digits and words; people get the app's, kept text by ="…".
        if let Some(digits) = plain_row[0]
            .split("; ")
            .next()
            .filter(|n| n.starts_with('1'))
        {
            assert!(
                people_row[0].starts_with("=\"+1 ") && !digits.contains(' '),
                "{plain_row:?} / {people_row:?}"
            );
            formatted += 1;
        }
        let words = [
            ("activate", "Active"),
            ("deactivate", "Inactive"),
            ("pending", "Pending"),
        ];
        let word = words
            .iter()
            .find(|(sent, _)| *sent == plain_row[1])
            .map(|w| w.1);
        assert_eq!(Some(people_row[1].as_str()), word, "{plain_row:?}");
    }
    assert!(
        formatted > 10,
        "{formatted} North American numbers formatted"
    );
}
