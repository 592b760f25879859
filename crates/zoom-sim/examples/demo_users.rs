//! Prints the first users of the demo account one line each, to eyeball what a new admin sees:
//! `cargo run -p zoom-sim --example demo_users -- [count] [roster size] [seed]`.

use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>().ok());
    let count = args.next().flatten().unwrap_or(30) as usize;
    let size = args.next().flatten().unwrap_or(10_000) as usize;
    let seed = args.next().flatten().unwrap_or(42);
    for user in zoom_sim::generate_demo_users(size, seed).iter().take(count) {
        println!("{}", line(user));
    }
}

fn line(user: &Value) -> String {
    let text = |key: &str| user[key].as_str().unwrap_or("-").to_owned();
    let list = |key: &str, field: &str| {
        let items: Vec<&str> = user[key]
            .as_array()
            .map(|items| items.iter().filter_map(|i| i[field].as_str()).collect())
            .unwrap_or_default();
        items.join(" + ")
    };
    format!(
        "{} | {} | {} | {} | {} | {} | {} | {} | {}",
        text("name"),
        text("email"),
        text("department"),
        text("cost_center"),
        user["site"]["name"].as_str().unwrap_or("-"),
        list("phone_numbers", "number"),
        user["extension_number"],
        text("status"),
        list("calling_plans", "name"),
    )
}
