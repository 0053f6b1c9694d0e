//! Command line and environment. Every flag has an environment variable; a
//! `.env` file in the working directory is read first when present.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use telegent_app::outbox::service::MailSettings;

#[derive(Debug, Parser)]
#[command(
    name = "telegent-portal",
    version,
    about = "Telegent Portal: the multi-tenant admin portal for the Telegent mobile platform."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default). Without TELEGENT_API_URL, an in-process
    /// sandbox of the Telegent API is started on loopback and used.
    /// (Boxed: its many flags would make every other command as large.)
    Serve(Box<ServeArgs>),
    /// Create the database if needed and apply migrations, then exit.
    Migrate,
    /// Run the Telegent sandbox alone (for API exploration or another portal).
    Sandbox(SandboxArgs),
    /// Create a Platform admin (for a portal on the real API, which has no
    /// demo users) and print a temporary password to change at first sign-in.
    CreateAdmin(CreateAdminArgs),
    /// Delete the demo users (they share a published password and exist only
    /// for the sandbox), before serving a database on the real API.
    RemoveDemoUsers,
}

#[derive(Debug, Clone, Args)]
pub struct CreateAdminArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Where the embedded database and the sandbox's state live.
    #[arg(long, env = "PORTAL_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// The portal database; defaults to an SQLite file in the data directory.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Log filter, e.g. `info` or `telegent=debug,info`.
    #[arg(long, env = "PORTAL_LOG", default_value = "info", global = true)]
    pub log_level: String,
    #[arg(long, env = "PORTAL_LOG_FORMAT", value_enum, default_value = "pretty", global = true)]
    pub log_format: LogFormat,
    /// File holding the 256-bit key that seals Distributor API secrets at rest
    /// (64 hex characters; generated on first run). Default: DATA_DIR/credential.key.
    #[arg(long, env = "PORTAL_CREDENTIAL_KEY_FILE", global = true)]
    pub credential_key_file: Option<PathBuf>,
}

impl CommonArgs {
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("portal.db").display()))
    }

    pub fn sandbox_state_file(&self) -> PathBuf {
        self.data_dir.join("sandbox.json")
    }

    /// The key that seals Distributor API secrets (created on first run).
    pub fn credential_key_file(&self) -> PathBuf {
        self.credential_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("credential.key"))
    }
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address the portal listens on.
    #[arg(long, env = "PORTAL_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,
    /// Base URL of the real Telegent API (e.g. https://api.telegent.com). When
    /// unset, the built-in sandbox is used.
    #[arg(long, env = "TELEGENT_API_URL")]
    pub telegent_api_url: Option<String>,
    /// The Distributor's AccountKey (`DID-…`). Required with TELEGENT_API_URL.
    #[arg(long, env = "TELEGENT_ACCOUNT_KEY")]
    pub telegent_account_key: Option<String>,
    /// The Distributor's AccountSecret. Required with TELEGENT_API_URL.
    #[arg(long, env = "TELEGENT_ACCOUNT_SECRET", hide_env_values = true)]
    pub telegent_account_secret: Option<String>,
    /// The DistributorId, when it differs from the AccountKey.
    #[arg(long, env = "TELEGENT_DISTRIBUTOR_ID")]
    pub telegent_distributor_id: Option<String>,
    /// The platform (Aggregator) AccountKey: with it, Platform admins create
    /// Distributors from the portal. Optional; the sandbox has its own.
    #[arg(long, env = "TELEGENT_PLATFORM_KEY")]
    pub telegent_platform_key: Option<String>,
    /// The platform (Aggregator) AccountSecret, with TELEGENT_PLATFORM_KEY.
    #[arg(long, env = "TELEGENT_PLATFORM_SECRET", hide_env_values = true)]
    pub telegent_platform_secret: Option<String>,
    /// Upstream calls allowed per minute for the credential (the platform allows about 50).
    #[arg(long, env = "TELEGENT_RATE_LIMIT", default_value_t = 50)]
    pub telegent_rate_limit: u32,
    /// Upstream calls one signed-in person may make per minute out of their
    /// Distributor's budget, so one busy tab cannot leave the others "busy".
    #[arg(long, env = "TELEGENT_SHARE_PER_USER", default_value_t = 25)]
    pub telegent_share_per_user: u32,
    /// Minutes between read-model sweeps of each Distributor (usage every
    /// time, everything hourly); 0 turns the schedule off (pages then fill
    /// an empty copy once and "Refresh now" updates it).
    #[arg(long, env = "READ_MODEL_SWEEP_MINUTES", default_value_t = 5)]
    pub read_model_sweep_minutes: u64,
    /// Where the in-process sandbox listens (port 0: any free port).
    #[arg(long, env = "SANDBOX_BIND", default_value = "127.0.0.1:0")]
    pub sandbox_bind: SocketAddr,
    /// The in-process sandbox's requests per minute per credential (like the platform's ~50).
    #[arg(long, env = "SANDBOX_RATE_LIMIT", default_value_t = 50)]
    pub sandbox_rate_limit: u32,
    /// Grow the sandbox's Acme Mobile to this many Accounts (~4 subscribers
    /// and ~6 lines each) for benchmarks and demos; 0: the small demo.
    #[arg(long, env = "SANDBOX_SCALE", default_value_t = 0)]
    pub scale: usize,
    /// The address people use to reach the portal. `https://…` turns on
    /// Secure `__Host-` session cookies and HSTS (put TLS in front of the portal).
    #[arg(long, env = "PORTAL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Behind a reverse proxy: take client addresses (sign-in throttling, audit)
    /// from the last X-Forwarded-For entry. Only with a proxy that sets it.
    #[arg(long, env = "PORTAL_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Serve plain HTTP on an address other than loopback anyway (session
    /// cookies without Secure, no HSTS): only for a closed test network.
    #[arg(long, env = "PORTAL_INSECURE_HTTP")]
    pub insecure_http: bool,
    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "PORTAL_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u64,
    /// Hours after sign-in after which a session ends, used or not.
    #[arg(long, env = "PORTAL_SESSION_MAX_HOURS", default_value_t = 12)]
    pub session_max_hours: u64,
    /// The mail server for the portal's mail (password-reset links), e.g.
    /// `smtps://user:password@smtp.example.com:465` or
    /// `smtp://smtp.example.com:587?tls=required`. Unset: nothing is sent,
    /// and admins read what would have been on the Outbox page.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of the portal's mail, e.g. `Telegent Portal <portal@example.com>`.
    /// Required with SMTP_URL.
    #[arg(long, env = "MAIL_FROM")]
    pub mail_from: Option<String>,
}

impl ServeArgs {
    /// How mail leaves: with SMTP, a sender and the public URL (links in mail
    /// must lead where people reach the portal) are required too.
    pub fn mail(&self) -> Result<MailSettings, String> {
        let smtp_url = self.smtp_url.clone().filter(|u| !u.trim().is_empty());
        let from = self.mail_from.clone().filter(|f| !f.trim().is_empty());
        let public_url = self
            .public_url
            .clone()
            .filter(|u| !u.trim().is_empty())
            .map(|u| u.trim().trim_end_matches('/').to_string());
        if smtp_url.is_some() {
            if from.is_none() {
                return Err("SMTP_URL is set, so MAIL_FROM is required too, e.g. MAIL_FROM=\"Telegent Portal <portal@example.com>\".".into());
            }
            if public_url.is_none() {
                return Err(
                    "SMTP_URL is set, so PORTAL_PUBLIC_URL is required too: links in mail must lead to the address people use."
                        .into(),
                );
            }
        }
        let defaults = MailSettings::default();
        Ok(MailSettings {
            smtp_url,
            from: from.unwrap_or(defaults.from),
            public_url: public_url.unwrap_or_else(|| format!("http://{}", self.bind)),
        })
    }

    /// A warning for SMTP without TLS to another machine: reset links would
    /// cross the network readable by anyone on the way.
    pub fn mail_warning(&self) -> Option<String> {
        let url = self.smtp_url.as_deref()?.trim();
        let rest = url.strip_prefix("smtp://")?;
        let host = rest.rsplit('@').next().unwrap_or(rest);
        let local = ["localhost", "127.", "[::1]"].iter().any(|l| host.starts_with(l));
        (!url.contains("tls=") && !local).then(|| {
            "SMTP_URL uses smtp:// without TLS to another machine: mail (reset links) crosses the network unencrypted. \
             Use smtps://… or add ?tls=required."
                .to_string()
        })
    }
}

#[derive(Debug, Clone, Args)]
pub struct SandboxArgs {
    #[arg(long, env = "SANDBOX_BIND", default_value = "127.0.0.1:4010")]
    pub bind: SocketAddr,
    /// Requests per minute per credential; 0 turns the limit off.
    #[arg(long, env = "SANDBOX_RATE_LIMIT", default_value_t = 50)]
    pub rate_limit: u32,
    /// Token lifetime in seconds.
    #[arg(long, env = "SANDBOX_TOKEN_LIFETIME", default_value_t = 3600)]
    pub token_lifetime: u64,
    /// Seed for generated IDs.
    #[arg(long, env = "SANDBOX_SEED", default_value_t = 42)]
    pub seed: u64,
    /// Start from the demo platform, discarding saved state.
    #[arg(long)]
    pub reset: bool,
    /// Serve the `/_sandbox/*` admin endpoints (reset, restore, faults, the
    /// state dump). Off by default: anyone who reaches the port could use them.
    #[arg(long, env = "SANDBOX_ADMIN_ENDPOINTS")]
    pub admin_endpoints: bool,
}

/// Which Telegent API the portal talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Upstream {
    /// The built-in sandbox, started in-process with the demo credentials.
    Sandbox,
    Real {
        base_url: String,
        account_key: String,
        account_secret: String,
        distributor_id: String,
        /// The platform (Aggregator) credential: key and secret.
        platform: Option<(String, String)>,
    },
}

impl ServeArgs {
    /// Served over HTTPS (TLS in front of the portal), as the public URL says.
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.trim().starts_with("https://"))
    }

    /// Fails closed: a portal reachable from other machines runs behind HTTPS
    /// (Secure cookies, HSTS) unless `--insecure-http` says otherwise; then
    /// the answer is the warning to print on every start.
    pub fn transport_check(&self) -> Result<Option<String>, String> {
        if self.bind.ip().is_loopback() || self.https() {
            return Ok(None);
        }
        if self.insecure_http {
            return Ok(Some(format!(
                "serving plain HTTP on {}: session cookies are not Secure and HSTS is off. \
                 Use this only on a closed test network; put TLS in front and set PORTAL_PUBLIC_URL=https://… for anything else.",
                self.bind
            )));
        }
        Err(format!(
            "The portal would listen on {} without HTTPS. Put TLS in front of it and set \
             PORTAL_PUBLIC_URL=https://… (session cookies become Secure, HSTS turns on), \
             bind to 127.0.0.1, or pass --insecure-http for a closed test network.",
            self.bind
        ))
    }

    /// A real API needs its URL and both credential halves; the sandbox needs none.
    pub fn upstream(&self) -> Result<Upstream, String> {
        let Some(url) = self
            .telegent_api_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        else {
            return Ok(Upstream::Sandbox);
        };
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(format!("TELEGENT_API_URL must start with https:// (got “{url}”)."));
        }
        let key = self.telegent_account_key.clone().filter(|k| !k.trim().is_empty());
        let secret = self.telegent_account_secret.clone().filter(|s| !s.is_empty());
        let platform_key = self.telegent_platform_key.clone().filter(|k| !k.trim().is_empty());
        let platform_secret = self.telegent_platform_secret.clone().filter(|s| !s.is_empty());
        let platform = match (platform_key, platform_secret) {
            (Some(key), Some(secret)) => Some((key.trim().to_string(), secret)),
            (None, None) => None,
            _ => {
                return Err(
                    "TELEGENT_PLATFORM_KEY and TELEGENT_PLATFORM_SECRET go together: set both or neither.".into(),
                )
            }
        };
        match (key, secret) {
            (Some(account_key), Some(account_secret)) => Ok(Upstream::Real {
                platform,
                base_url: url.trim_end_matches('/').to_string(),
                distributor_id: self
                    .telegent_distributor_id
                    .clone()
                    .unwrap_or_else(|| account_key.clone()),
                account_key,
                account_secret,
            }),
            _ => Err(
                "TELEGENT_API_URL is set, so TELEGENT_ACCOUNT_KEY and TELEGENT_ACCOUNT_SECRET are required too.".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("telegent-portal").chain(args.iter().copied())).unwrap()
    }

    fn serve_args(cli: Cli) -> ServeArgs {
        match cli.command {
            Some(Command::Serve(s)) => *s,
            other => panic!("expected serve, got {other:?}"),
        }
    }

    #[test]
    fn no_api_url_means_the_sandbox() {
        let args = serve_args(parse(&["serve"]));
        assert_eq!(args.upstream(), Ok(Upstream::Sandbox));
        assert_eq!(args.bind.to_string(), "127.0.0.1:3000");
    }

    #[test]
    fn a_real_api_needs_both_credential_halves() {
        let args = serve_args(parse(&[
            "serve",
            "--telegent-api-url",
            "https://api.telegent.com/",
            "--telegent-account-key",
            "DID-1",
        ]));
        assert!(args.upstream().unwrap_err().contains("TELEGENT_ACCOUNT_SECRET"));
        let args = serve_args(parse(&[
            "serve",
            "--telegent-api-url",
            "https://api.telegent.com/",
            "--telegent-account-key",
            "DID-1",
            "--telegent-account-secret",
            "s3cret",
        ]));
        assert_eq!(
            args.upstream(),
            Ok(Upstream::Real {
                base_url: "https://api.telegent.com".into(),
                account_key: "DID-1".into(),
                account_secret: "s3cret".into(),
                distributor_id: "DID-1".into(),
                platform: None,
            })
        );
        let half = serve_args(parse(&[
            "serve",
            "--telegent-api-url",
            "https://api.telegent.com/",
            "--telegent-account-key",
            "DID-1",
            "--telegent-account-secret",
            "s3cret",
            "--telegent-platform-key",
            "AGID-1",
        ]));
        assert!(half.upstream().unwrap_err().contains("TELEGENT_PLATFORM_SECRET"));
    }

    #[test]
    fn a_url_without_scheme_is_refused_with_a_message() {
        let args = serve_args(parse(&["serve", "--telegent-api-url", "api.telegent.com"]));
        assert!(args.upstream().unwrap_err().contains("https://"));
    }

    #[test]
    fn database_defaults_to_sqlite_in_the_data_dir() {
        let cli = parse(&["migrate", "--data-dir", "/tmp/x"]);
        assert!(matches!(cli.command, Some(Command::Migrate)));
        assert_eq!(cli.common.database_url(), "sqlite:///tmp/x/portal.db");
        let cli = parse(&["--database-url", "sqlite::memory:", "migrate"]);
        assert_eq!(cli.common.database_url(), "sqlite::memory:");
    }

    #[test]
    fn bad_values_are_refused() {
        assert!(Cli::try_parse_from(["telegent-portal", "serve", "--bind", "not-an-address"]).is_err());
        assert!(Cli::try_parse_from(["telegent-portal", "sandbox", "--rate-limit", "-3"]).is_err());
        assert!(Cli::try_parse_from(["telegent-portal", "--log-format", "xml"]).is_err());
    }

    fn serve_with(args: &[&str]) -> ServeArgs {
        match parse(&[&["serve"], args].concat()).command {
            Some(Command::Serve(serve)) => *serve,
            other => panic!("not serve: {other:?}"),
        }
    }

    #[test]
    fn mail_stays_in_the_outbox_unless_smtp_is_configured_completely() {
        let outbox = serve_with(&["--bind", "127.0.0.1:3000"]).mail().unwrap();
        assert_eq!(outbox.smtp_url, None);
        assert_eq!(outbox.public_url, "http://127.0.0.1:3000");
        let no_sender = serve_with(&["--smtp-url", "smtps://u:p@smtp.example.com"]).mail();
        assert!(no_sender.unwrap_err().contains("MAIL_FROM"));
        let no_public_url = serve_with(&[
            "--smtp-url",
            "smtps://smtp.example.com",
            "--mail-from",
            "P <p@example.com>",
        ])
        .mail();
        assert!(no_public_url.unwrap_err().contains("PORTAL_PUBLIC_URL"));
        let smtp = serve_with(&[
            "--smtp-url",
            "smtps://smtp.example.com",
            "--mail-from",
            "Portal <p@example.com>",
            "--public-url",
            "https://portal.example/",
        ]);
        let settings = smtp.mail().unwrap();
        assert_eq!(settings.smtp_url.as_deref(), Some("smtps://smtp.example.com"));
        assert_eq!(settings.public_url, "https://portal.example");
        assert_eq!(smtp.mail_warning(), None);
        let plain = serve_with(&["--smtp-url", "smtp://user@mail.example.com:25"]);
        assert!(plain.mail_warning().unwrap().contains("without TLS"));
        assert_eq!(
            serve_with(&["--smtp-url", "smtp://127.0.0.1:2525"]).mail_warning(),
            None
        );
    }

    #[test]
    fn plain_http_beyond_loopback_is_refused_unless_asked_for() {
        assert_eq!(serve_with(&["--bind", "127.0.0.1:3000"]).transport_check(), Ok(None));
        assert_eq!(
            serve_with(&["--bind", "0.0.0.0:3000", "--public-url", "https://portal.example"]).transport_check(),
            Ok(None)
        );
        let refused = serve_with(&["--bind", "0.0.0.0:3000"]).transport_check().unwrap_err();
        assert!(refused.contains("--insecure-http"), "{refused}");
        let http_url = serve_with(&["--bind", "10.0.0.5:3000", "--public-url", "http://portal.example"]);
        assert!(http_url.transport_check().is_err());
        let warned = serve_with(&["--bind", "0.0.0.0:3000", "--insecure-http"]).transport_check();
        assert!(warned.unwrap().unwrap().contains("not Secure"));
    }
}
