//! Distributor API secrets at rest: sealed with XChaCha20-Poly1305 under a
//! key from configuration (a key file, generated on first run for the
//! embedded default). The Distributor ID is the associated data, so a sealed
//! secret copied onto another Distributor's row does not open.

use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const NONCE_LEN: usize = 24;

#[derive(Clone)]
pub struct SecretBox {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(..)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("the credential key file {0} is not 64 hexadecimal characters")]
    BadKeyFile(String),
    #[error("reading or writing the credential key file: {0}")]
    Io(#[from] std::io::Error),
    #[error("a stored API secret does not open with this key (was the key file replaced?)")]
    DoesNotOpen,
}

impl SecretBox {
    /// A key that lives only as long as the process (tests, in-memory databases).
    pub fn ephemeral() -> Self {
        Self {
            cipher: XChaCha20Poly1305::new(&XChaCha20Poly1305::generate_key(&mut OsRng)),
        }
    }

    /// Reads the key file, creating it (readable by the owner only) when missing.
    pub fn from_key_file(path: &Path) -> Result<Self, SecretError> {
        if !path.exists() {
            let key = XChaCha20Poly1305::generate_key(&mut OsRng);
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            write_private(path, &hex(&key))?;
        }
        let text = std::fs::read_to_string(path)?;
        let bytes = unhex(text.trim()).ok_or_else(|| SecretError::BadKeyFile(path.display().to_string()))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| SecretError::BadKeyFile(path.display().to_string()))?;
        Ok(Self {
            cipher: XChaCha20Poly1305::new(&key.into()),
        })
    }

    /// `base64(nonce ‖ ciphertext)`, bound to `distributor_id`.
    pub fn seal(&self, distributor_id: &str, secret: &str) -> String {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: secret.as_bytes(),
                    aad: distributor_id.as_bytes(),
                },
            )
            .expect("encryption with a valid key cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        BASE64.encode(out)
    }

    pub fn open(&self, distributor_id: &str, sealed: &str) -> Result<String, SecretError> {
        let bytes = BASE64.decode(sealed).map_err(|_| SecretError::DoesNotOpen)?;
        if bytes.len() <= NONCE_LEN {
            return Err(SecretError::DoesNotOpen);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let plain = self
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: distributor_id.as_bytes(),
                },
            )
            .map_err(|_| SecretError::DoesNotOpen)?;
        String::from_utf8(plain).map_err(|_| SecretError::DoesNotOpen)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_for_its_distributor_and_key() {
        let secrets = SecretBox::ephemeral();
        let sealed = secrets.seal("DID-1", "acme-sandbox-secret");
        assert!(!sealed.contains("acme"), "stored text must not show the secret");
        assert_eq!(secrets.open("DID-1", &sealed).unwrap(), "acme-sandbox-secret");
        assert!(secrets.open("DID-2", &sealed).is_err());
        assert!(SecretBox::ephemeral().open("DID-1", &sealed).is_err());
        assert_ne!(
            sealed,
            secrets.seal("DID-1", "acme-sandbox-secret"),
            "fresh nonce each time"
        );
    }

    #[test]
    fn the_key_file_is_created_once_and_reused() {
        let dir = std::env::temp_dir().join(format!("portal-key-{}", std::process::id()));
        let path = dir.join("credential.key");
        let _ = std::fs::remove_dir_all(&dir);
        let first = SecretBox::from_key_file(&path).unwrap();
        let sealed = first.seal("DID-1", "s3cret");
        let second = SecretBox::from_key_file(&path).unwrap();
        assert_eq!(second.open("DID-1", &sealed).unwrap(), "s3cret");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        std::fs::write(&path, "not a key").unwrap();
        assert!(SecretBox::from_key_file(&path).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
