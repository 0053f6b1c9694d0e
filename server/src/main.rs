use anyhow::Context;
use clap::Parser;
use leptos::prelude::*;
use std::time::Duration;
use telegent_app::ssr::caller::AuthSettings;
use telegent_app::ssr::demo::{DEMO_PASSWORD, DEMO_USERS};
use telegent_portal::config::{Cli, Command, LogFormat, SandboxArgs, ServeArgs, Upstream};
use telegent_portal::{build_portal, open_database, shutdown_signal, PortalConfig};
use telegent_sandbox::{seed, Sandbox, SandboxConfig};
use tracing_subscriber::EnvFilter;

// See server/Cargo.toml: the page-rendering profile was allocation-bound.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // A missing .env is normal; a broken one is worth saying.
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            eprintln!("warning: .env not read: {e}");
        }
    }
    if std::env::args().nth(1).as_deref() == Some("conformance") {
        return conformance(ConformanceArgs::parse_from(std::env::args().skip(1))).await;
    }
    let cli = Cli::parse();
    init_logging(&cli.common.log_level, cli.common.log_format);
    let command = match cli.command {
        Some(command) => command,
        // No subcommand: `serve`, with the same flags and environment.
        None => {
            let mut args: Vec<String> = std::env::args().collect();
            args.insert(1, "serve".into());
            Cli::parse_from(args).command.expect("serve was inserted")
        }
    };
    match command {
        Command::Serve(args) => serve(&cli.common, *args).await,
        Command::Migrate => {
            let url = cli.common.database_url();
            open_database(&url).await?;
            println!("Database ready: {url}");
            Ok(())
        }
        Command::Sandbox(args) => run_sandbox(&cli.common, args).await,
        Command::RemoveDemoUsers => {
            let pool = open_database(&cli.common.database_url()).await?;
            let removed = telegent_portal::remove_demo_users(&pool).await?;
            println!("Removed {removed} demo user(s).");
            Ok(())
        }
        Command::CreateAdmin(args) => {
            let pool = open_database(&cli.common.database_url()).await?;
            let temporary = telegent_portal::create_platform_admin(&pool, &args.email, &args.name).await?;
            println!("Platform admin {} created.", args.email.trim().to_lowercase());
            println!("Temporary password (shown once; to be changed at first sign-in): {temporary}");
            Ok(())
        }
    }
}

/// `telegent-portal conformance`: the conformance suite generated from the
/// API reference, run against any Telegent API (the real one, or a sandbox
/// started with `telegent-portal sandbox`). Exits non-zero on a difference
/// the reference does not explain.
#[derive(clap::Parser, Debug)]
#[command(name = "telegent-portal conformance")]
struct ConformanceArgs {
    /// Base URL without `/v1.0`, e.g. https://api.telegent.com or http://127.0.0.1:4010.
    #[arg(long, env = "TELEGENT_CONFORMANCE_URL")]
    url: String,
    /// A Distributor credential's AccountKey (DID-…).
    #[arg(long, env = "TELEGENT_CONFORMANCE_KEY")]
    key: String,
    #[arg(long, env = "TELEGENT_CONFORMANCE_SECRET", hide_env_values = true)]
    secret: String,
    /// The platform (Aggregator) credential, for Distributor creation.
    #[arg(long, env = "TELEGENT_CONFORMANCE_PLATFORM_KEY", requires = "platform_secret")]
    platform_key: Option<String>,
    #[arg(long, env = "TELEGENT_CONFORMANCE_PLATFORM_SECRET", hide_env_values = true)]
    platform_secret: Option<String>,
}

async fn conformance(args: ConformanceArgs) -> anyhow::Result<()> {
    eprintln!(
        "Running the conformance suite against {} (it creates, changes and deletes data there).",
        args.url
    );
    let report = telegent_sandbox::conformance::run_target(telegent_sandbox::conformance::Target {
        base_url: args.url,
        key: args.key,
        secret: args.secret,
        platform: args.platform_key.zip(args.platform_secret),
    })
    .await;
    println!("{}", report.markdown());
    if report.passed() {
        Ok(())
    } else {
        anyhow::bail!("{}", report.summary())
    }
}

fn init_logging(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Pretty => builder.init(),
    }
}

async fn serve(common: &telegent_portal::config::CommonArgs, args: ServeArgs) -> anyhow::Result<()> {
    let upstream = args.upstream().map_err(anyhow::Error::msg)?;
    let mail = args.mail().map_err(anyhow::Error::msg)?;
    if let Some(warning) = args.mail_warning() {
        tracing::warn!("{warning}");
        eprintln!("warning: {warning}");
    }
    if let Some(warning) = args.transport_check().map_err(anyhow::Error::msg)? {
        tracing::warn!("{warning}");
        eprintln!("warning: {warning}");
    }
    std::fs::create_dir_all(&common.data_dir).with_context(|| format!("creating {}", common.data_dir.display()))?;
    let mut leptos_options = get_configuration(None)
        .context("reading the Leptos configuration")?
        .leptos_options;
    leptos_options.site_addr = args.bind;
    // A release build names its assets by content hash and leaves hash.txt
    // beside the binary; serve those names whether or not cargo-leptos runs us.
    let hash_file = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(leptos_options.hash_file.as_ref())));
    if hash_file.is_some_and(|f| f.exists()) {
        leptos_options.hash_files = true;
    }
    let portal = build_portal(
        PortalConfig {
            database_url: common.database_url(),
            upstream: upstream.clone(),
            sandbox_state_file: Some(common.sandbox_state_file()),
            sandbox_bind: args.sandbox_bind,
            sandbox_rate_limit_per_minute: (args.sandbox_rate_limit > 0).then_some(args.sandbox_rate_limit),
            sandbox_scale: (args.scale > 0).then_some(args.scale),
            rate_limit_per_minute: args.telegent_rate_limit,
            user_share_per_minute: args.telegent_share_per_user,
            sweep_every: (args.read_model_sweep_minutes > 0)
                .then(|| Duration::from_secs(args.read_model_sweep_minutes * 60)),
            credential_key_file: Some(common.credential_key_file()),
            auth: AuthSettings {
                idle_timeout: Duration::from_secs(args.session_idle_minutes * 60),
                absolute_lifetime: Duration::from_secs(args.session_max_hours * 3600),
                trust_forwarded_for: args.trust_forwarded_for,
                ..AuthSettings::default()
            },
            https: args.https(),
            mail,
        },
        leptos_options,
    )
    .await?;
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("listening on {} (is another portal running?)", args.bind))?;
    println!();
    println!("  Telegent Portal is running at http://{}", args.bind);
    match (&upstream, &portal.sandbox) {
        (Upstream::Sandbox, Some((_, addr))) => {
            println!(
                "  Telegent API: built-in sandbox at http://{addr} (state in {})",
                common.sandbox_state_file().display()
            );
            println!("  Demo sign-ins (password “{DEMO_PASSWORD}”):");
            for user in DEMO_USERS {
                let account = user.account.map(|a| format!(", {a}")).unwrap_or_default();
                println!("    {:<28} {}{account}", user.email, user.role.label());
            }
        }
        (Upstream::Real { base_url, .. }, _) => println!("  Telegent API: {base_url}"),
        _ => {}
    }
    println!("  Health: /healthz   Readiness: /readyz   Stop: Ctrl+C");
    println!();
    axum::serve(
        listener,
        portal
            .router
            .into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn run_sandbox(common: &telegent_portal::config::CommonArgs, args: SandboxArgs) -> anyhow::Result<()> {
    std::fs::create_dir_all(&common.data_dir)?;
    let state_file = common.sandbox_state_file();
    let sandbox = Sandbox::open(SandboxConfig {
        seed: args.seed,
        token_lifetime: std::time::Duration::from_secs(args.token_lifetime),
        rate_limit_per_minute: (args.rate_limit > 0).then_some(args.rate_limit),
        state_file: Some(state_file.clone()),
        admin_endpoints: args.admin_endpoints,
    })?;
    if args.reset {
        sandbox.reset()?;
    }
    let listener = tokio::net::TcpListener::bind(args.bind).await?;
    println!(
        "Telegent sandbox at http://{} (state in {})",
        args.bind,
        state_file.display()
    );
    if args.admin_endpoints {
        println!("Admin endpoints /_sandbox/* are on (reset, restore, faults): keep this port private.");
    }
    println!(
        "Demo credential: AccountKey {} / AccountSecret {}",
        seed::ACME_KEY,
        seed::ACME_SECRET
    );
    axum::serve(listener, sandbox.router())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}
