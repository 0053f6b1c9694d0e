//! Passwords: Argon2id at the OWASP baseline (m = 19 456 KiB, t = 2, p = 1),
//! re-hashed at login when the parameters change; the rules for new
//! passwords (at least 12 characters, at most 128, no composition rules, not a
//! common password).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub const MEMORY_KIB: u32 = 19_456;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;
pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 128;

fn hasher() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("hashing cannot fail with valid parameters")
        .to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    No,
    Yes,
    /// Correct, but hashed with other parameters: store a new hash.
    YesRehash,
}

pub fn verify(password: &str, stored: &str) -> Verified {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verified::No;
    };
    if hasher().verify_password(password.as_bytes(), &parsed).is_err()
        && Argon2::default().verify_password(password.as_bytes(), &parsed).is_err()
    {
        return Verified::No;
    }
    let current = parsed.algorithm.as_str() == "argon2id"
        && parsed.params.get_decimal("m") == Some(MEMORY_KIB)
        && parsed.params.get_decimal("t") == Some(ITERATIONS)
        && parsed.params.get_decimal("p") == Some(PARALLELISM);
    if current {
        Verified::Yes
    } else {
        Verified::YesRehash
    }
}

/// Spends the same time as a real verification, for unknown e-mail addresses,
/// so a login answers alike whether or not the account exists.
pub fn verify_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("not a real password, only for timing"));
    let _ = verify(password, dummy);
}

/// Passwords people pick first; refused whatever their length.
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "qwertyuiopas",
    "password1234",
    "passwordpassword",
    "iloveyou1234",
    "111111111111",
    "000000000000",
    "123123123123",
    "abcdefghijkl",
    "qwerty123456",
    "letmein12345",
    "welcome12345",
    "administrator",
    "trustno1trustno1",
    "changeme1234",
    "password12345",
    "qwertyqwerty",
    "1q2w3e4r5t6y",
    "football1234",
    "baseball1234",
    "monkey123456",
    "dragon123456",
    "sunshine1234",
    "telegent1234",
    "telegentportal",
];

/// Checks a new password; the message is shown at the field.
pub fn check_new(password: &str, email: &str) -> Result<(), String> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(format!(
            "Use at least {MIN_LENGTH} characters (a short sentence works well)."
        ));
    }
    if length > MAX_LENGTH {
        return Err(format!("Use at most {MAX_LENGTH} characters."));
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str()) || lower.chars().all(|c| c == lower.chars().next().unwrap_or(' ')) {
        return Err("This password is too common. Choose something only you would think of.".into());
    }
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    if !local.is_empty() && (lower == email.to_lowercase() || lower == local) {
        return Err("Don't use your e-mail address as your password.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_at_the_owasp_baseline_and_verify() {
        let h = hash("correct horse battery staple");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert_eq!(verify("correct horse battery staple", &h), Verified::Yes);
        assert_eq!(verify("wrong horse battery staple", &h), Verified::No);
        assert_eq!(verify("anything", "not a hash"), Verified::No);
    }

    #[test]
    fn weaker_stored_parameters_ask_for_a_rehash() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8192, 1, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut OsRng);
        let old = weak
            .hash_password(b"correct horse battery staple", &salt)
            .unwrap()
            .to_string();
        assert_eq!(verify("correct horse battery staple", &old), Verified::YesRehash);
    }

    #[test]
    fn new_password_rules() {
        assert!(check_new("short", "a@b.c").unwrap_err().contains("12"));
        assert!(check_new(&"x".repeat(129), "a@b.c").is_err());
        let greek: String = (0..64u32).map(|i| char::from_u32(0x3b1 + i % 24).unwrap()).collect();
        assert!(
            check_new(&greek, "a@b.c").is_ok(),
            "64 characters are allowed, in any script"
        );
        assert!(check_new("Password1234", "a@b.c").unwrap_err().contains("common"));
        assert!(check_new("aaaaaaaaaaaaaaaa", "a@b.c").is_err());
        assert!(check_new("jane.doe.example", "jane.doe.example@x.com").is_err());
        assert!(
            check_new("my dog eats blue socks", "jane@example.com").is_ok(),
            "no composition rules"
        );
    }
}
