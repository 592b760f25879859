//! Asking for login details: on a terminal with prompts (the secret without echo), otherwise one
//! line each from standard input so `login` can be scripted without putting the secret in argv.

use std::io::{BufRead, IsTerminal, Write};

use secrecy::SecretString;

use crate::failure::Failure;

pub fn ask(label: &str) -> Result<String, Failure> {
    if std::io::stdin().is_terminal() {
        eprint!("{label}: ");
        std::io::stderr().flush().ok();
    }
    read_line(label)
}

/// A yes/no question on a terminal; `None` when there is no one to ask (stdin is not a terminal).
pub fn confirm(question: &str) -> Result<Option<bool>, Failure> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    eprint!("{question} [y/N] ");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::Usage(format!("Could not read the answer: {e}.")))?;
    Ok(Some(matches!(
        line.trim().to_lowercase().as_str(),
        "y" | "yes"
    )))
}

pub fn ask_secret(label: &str) -> Result<SecretString, Failure> {
    let secret = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("{label} (not shown): "))
            .map_err(|e| Failure::Usage(format!("Could not read the {label}: {e}.")))?
    } else {
        read_line(label)?
    };
    Ok(SecretString::from(secret.trim().to_string()))
}

fn read_line(label: &str) -> Result<String, Failure> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::Usage(format!("Could not read the {label}: {e}.")))?;
    let value = line.trim().to_string();
    if value.is_empty() {
        return Err(Failure::Usage(format!("The {label} is required.")));
    }
    Ok(value)
}
