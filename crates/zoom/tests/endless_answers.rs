//! A server that never stops answering can neither fill memory nor hold a fetch forever. An endless
//! chunked body has no Content-Length to refuse it by, so the cap must hold while it streams, on
//! the API and on the token answer alike; a body that drips a byte every 200 ms is never silent
//! long enough for the read timeout, so only the whole-request timeout ends it. An answer that
//! announces more than the cap is refused by its head, before any of its body is awaited.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use common::*;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use zoom::{ClientOptions, Endpoints, Error};

/// What the stand-in answers.
#[derive(Clone, Copy)]
enum Answer {
    /// A token, as Zoom's token endpoint gives it.
    Token,
    /// 64 KB chunks for as long as the client reads them.
    Endless,
    /// One byte every 200 ms for as long as the client waits.
    Drip,
    /// A head announcing 2 MB, then silence: the body never comes.
    Announced,
    /// The last (empty) page of users, padded with spaces to `bytes`, its length announced or
    /// streamed in chunks.
    Page { bytes: usize, chunked: bool },
}

/// Counts of what a stand-in was asked.
#[derive(Default)]
struct Asked {
    token: AtomicU32,
    api: AtomicU32,
}

/// A server on loopback answering token requests with `token` and every other with `api`; its
/// endpoints, and what it was asked.
async fn stand_in(token: Answer, api: Answer) -> (Endpoints, Arc<Asked>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let asked = Arc::new(Asked::default());
    let counts = asked.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let counts = counts.clone();
            tokio::spawn(async move { serve(socket, token, api, &counts).await });
        }
    });
    let endpoints = Endpoints::custom(format!("{base}/v2"), format!("{base}/oauth/token"));
    (endpoints, asked)
}

/// One connection: one request read to the end of its head, one answer; an error ends it (the
/// client hung up).
async fn serve(mut socket: TcpStream, token: Answer, api: Answer, asked: &Asked) {
    let Some(head) = zoom_sim::read_request_head(&mut socket).await else {
        return;
    };
    let answer = if head.starts_with(b"POST /oauth/token") {
        asked.token.fetch_add(1, Ordering::Relaxed);
        token
    } else {
        asked.api.fetch_add(1, Ordering::Relaxed);
        api
    };
    let _ = answer_with(&mut socket, answer).await;
}

async fn answer_with(socket: &mut TcpStream, answer: Answer) -> std::io::Result<()> {
    const CHUNKED: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                             transfer-encoding: chunked\r\n\r\n";
    match answer {
        Answer::Token => {
            let body =
                r#"{"access_token":"stand-in-token","token_type":"bearer","expires_in":3600}"#;
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                body.len()
            );
            socket.write_all(head.as_bytes()).await?;
            socket.write_all(body.as_bytes()).await
        }
        Answer::Endless => {
            socket.write_all(CHUNKED).await?;
            let chunk = [b"10000\r\n".as_slice(), &[b' '; 0x10000], b"\r\n"].concat();
            loop {
                socket.write_all(&chunk).await?;
            }
        }
        Answer::Drip => {
            socket.write_all(CHUNKED).await?;
            loop {
                socket.write_all(b"1\r\n \r\n").await?;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
        Answer::Announced => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                        content-length: 2097152\r\n\r\n";
            socket.write_all(head.as_bytes()).await?;
            std::future::pending().await
        }
        Answer::Page { bytes, chunked } => {
            let page = r#"{"next_page_token":"","total_records":0,"users":[]}"#;
            let body = format!("{page:<bytes$}");
            if chunked {
                socket.write_all(CHUNKED).await?;
                let half = body.len() / 2;
                for part in [&body[..half], &body[half..], ""] {
                    let chunk = format!("{:x}\r\n{part}\r\n", part.len());
                    socket.write_all(chunk.as_bytes()).await?;
                }
                Ok(())
            } else {
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                    body.len()
                );
                socket.write_all(head.as_bytes()).await?;
                socket.write_all(body.as_bytes()).await
            }
        }
    }
}

/// What every cap here (a megabyte, or less) is refused with.
const TOO_LARGE: Error = Error::ResponseTooLarge {
    limit_mb: 1,
    tracking_id: None,
};

/// The error one chain of the list ends in (one chain, so each request is counted once).
async fn fetch_error(endpoints: Endpoints, options: ClientOptions) -> Error {
    let client = zoom::Client::new(credentials("secret"), endpoints, options).unwrap();
    drain(client.users(zoom::UserFilter::default()))
        .await
        .error
        .expect("the fetch ends in an error")
}

#[tokio::test]
async fn an_endless_api_answer_is_cut_at_the_cap_while_it_streams() {
    let (endpoints, asked) = stand_in(Answer::Token, Answer::Endless).await;
    let options = ClientOptions {
        max_response_bytes: 1 << 20,
        ..fast_options()
    };
    let error = fetch_error(endpoints, options).await;
    assert_eq!(error, TOO_LARGE);
    assert_eq!(
        asked.api.load(Ordering::Relaxed),
        1,
        "an answer too large is not asked for again"
    );
}

/// How a fetch whose one page is `bytes` long ends under a cap of 4 KiB: `None` when it completes.
async fn with_a_page_of(bytes: usize, chunked: bool) -> Option<Error> {
    let (endpoints, _) = stand_in(Answer::Token, Answer::Page { bytes, chunked }).await;
    let options = ClientOptions {
        max_response_bytes: 4096,
        ..fast_options()
    };
    let client = zoom::Client::new(credentials("secret"), endpoints, options).unwrap();
    drain(client.users(zoom::UserFilter::default())).await.error
}

#[tokio::test]
async fn an_answer_of_exactly_the_cap_is_read_and_one_byte_more_is_refused() {
    for chunked in [false, true] {
        assert_eq!(
            with_a_page_of(4096, chunked).await,
            None,
            "chunked: {chunked}"
        );
        assert_eq!(
            with_a_page_of(4097, chunked).await,
            Some(TOO_LARGE),
            "chunked: {chunked}"
        );
    }
}

#[tokio::test]
async fn an_answer_announced_larger_than_the_cap_is_refused_before_its_body() {
    let (endpoints, asked) = stand_in(Answer::Token, Answer::Announced).await;
    // Were the body awaited, the silence would end in a timeout instead.
    let options = ClientOptions {
        max_response_bytes: 1 << 20,
        read_timeout: Duration::from_secs(5),
        ..fast_options()
    };
    let error = fetch_error(endpoints, options).await;
    assert_eq!(error, TOO_LARGE);
    assert_eq!(asked.api.load(Ordering::Relaxed), 1);
}

#[tokio::test]
async fn an_endless_token_answer_is_cut_at_a_megabyte() {
    let (endpoints, asked) = stand_in(Answer::Endless, Answer::Token).await;
    let error = fetch_error(endpoints, fast_options()).await;
    assert_eq!(error, TOO_LARGE);
    assert_eq!(asked.token.load(Ordering::Relaxed), 1);
    assert_eq!(asked.api.load(Ordering::Relaxed), 0);
}

#[tokio::test]
async fn a_body_that_never_ends_meets_the_whole_request_timeout() {
    let (endpoints, asked) = stand_in(Answer::Token, Answer::Drip).await;
    // Each byte comes within the read timeout; only the whole-request timeout can end the wait.
    let options = ClientOptions {
        request_timeout: Duration::from_millis(800),
        read_timeout: Duration::from_millis(600),
        max_retries: 1,
        ..fast_options()
    };
    let error = fetch_error(endpoints, options).await;
    assert_eq!(error, Error::Timeout { tracking_id: None });
    assert_eq!(
        asked.api.load(Ordering::Relaxed),
        2,
        "a timeout is retried, once here"
    );
}
