//! A simulator on loopback and a small HTTP client speaking to it as a Zoom client would.

#![allow(dead_code)] // each test binary uses its own subset

use std::collections::HashSet;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;
use zoom_sim::{SimConfig, SimHandle};

#[allow(unused_imports)] // as the rest: each test binary uses its own subset
pub use zoom_sim::sim;

pub fn http() -> reqwest::Client {
    // The workspace's reqwest brings no TLS crypto of its own; plain HTTP still wants one installed.
    // An error only means another test installed it first.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().build().expect("HTTP client")
}

/// An answer, read whole: status, headers and the body (as JSON when it parses).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Answer {
    async fn read(response: reqwest::Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        Self {
            status,
            headers,
            text,
        }
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII header"))
    }
}

/// `POST /oauth/token` with the given client secret and account id.
pub async fn request_token(sim: &SimHandle, secret: &str, account_id: &str) -> Answer {
    let config = SimConfig::default();
    let query = [
        ("grant_type", "account_credentials"),
        ("account_id", account_id),
    ];
    let request = http()
        .post(sim.token_url())
        .query(&query)
        .basic_auth(config.client_id, Some(secret));
    Answer::read(request.send().await.expect("token request")).await
}

pub async fn token(sim: &SimHandle) -> String {
    let config = SimConfig::default();
    let answer = request_token(sim, &config.client_secret, &config.account_id).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    answer.json()["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

/// `GET {api_base}/{path}` with a bearer token and query parameters.
pub async fn get(sim: &SimHandle, path: &str, token: &str, params: &[(&str, &str)]) -> Answer {
    let url = format!("{}/{path}", sim.api_base());
    let request = http().get(url).bearer_auth(token).query(params);
    Answer::read(request.send().await.expect("API request")).await
}

/// Every page of a listing (`list_key` = "users" or "sites"), checking each page agrees on the total.
pub async fn walk(sim: &SimHandle, path: &str, list_key: &str, params: &[(&str, &str)]) -> Walk {
    let token = token(sim).await;
    let mut walk = Walk::default();
    let mut next = String::new();
    loop {
        let mut query = params.to_vec();
        if !next.is_empty() {
            query.push(("next_page_token", &next));
        }
        let answer = get(sim, path, &token, &query).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        let page = answer.json();
        let total = page["total_records"].as_u64().expect("total_records") as usize;
        assert!(
            walk.total.is_none_or(|t| t == total),
            "total_records changed mid-chain"
        );
        walk.total = Some(total);
        walk.pages += 1;
        walk.items
            .extend(page[list_key].as_array().expect("list").iter().cloned());
        next = page["next_page_token"]
            .as_str()
            .expect("next_page_token is a string")
            .to_string();
        if next.is_empty() {
            return walk;
        }
    }
}

#[derive(Debug, Default)]
pub struct Walk {
    pub items: Vec<Value>,
    pub pages: usize,
    pub total: Option<usize>,
}

impl Walk {
    /// The ids, asserting none came twice.
    pub fn unique_ids(&self) -> HashSet<String> {
        let ids = ids(&self.items);
        assert_eq!(ids.len(), self.items.len(), "an item came twice");
        ids
    }
}

pub fn ids<'a>(items: impl IntoIterator<Item = &'a Value>) -> HashSet<String> {
    items
        .into_iter()
        .map(|u| u["id"].as_str().expect("id").to_string())
        .collect()
}

pub fn status_of(user: &Value) -> Option<&str> {
    user.get("status").and_then(Value::as_str)
}
