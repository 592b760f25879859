//! For tests' stand-ins of servers that are not Zoom (an endless body, an update server): one HTTP
//! request read up to the end of its head, so a stand-in can answer by the request line without
//! an HTTP library between the test and the bytes it sends.

use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

/// The request's head (request line and headers, and whatever of its body came with them), or
/// `None` when the client hung up first.
pub async fn read_request_head(socket: &mut TcpStream) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match socket.read(&mut buffer).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => head.extend_from_slice(&buffer[..n]),
        }
    }
    Some(head)
}
