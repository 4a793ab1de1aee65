namespace SoSucKhoe.Silo.Hosting;

/// <summary>Host settings (configuration section "Hub").</summary>
public sealed class HubOptions
{
    public const string SectionName = "Hub";

    /// <summary>The embedded profile's name.</summary>
    public const string EmbeddedProfile = "embedded";

    /// <summary>The cluster profile's name.</summary>
    public const string ClusterProfile = "cluster";

    /// <summary>"embedded" (default: one node, SQLite file storage) or "cluster" (PostgreSQL); nothing else is accepted.</summary>
    public string Profile { get; set; } = EmbeddedProfile;

    /// <summary>True for the cluster profile.</summary>
    public bool IsCluster => string.Equals(Profile, ClusterProfile, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where gRPC (h2c) is served.</summary>
    public string GrpcUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where plain HTTP (health, the gateway emulator, later the dashboard) is served.</summary>
    public string HttpUrl { get; set; } = "http://127.0.0.1:5081";

    /// <summary>The embedded profile's data folder (relative paths are relative to the working directory).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The silo-to-silo port (loopback in the embedded profile).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The Orleans client gateway port (how external Orleans clients reach the silo; not the national gateway); 0 (the default)
    /// opens none, so nothing but the co-hosted API reaches the grains.
    /// </summary>
    public int ClientGatewayPort { get; set; }

    /// <summary>
    /// Serve the national gateway's emulator under /gateway on <see cref="HttpUrl"/>, for the embedded default to forward to.
    /// Unset: on in the embedded profile, off in the cluster profile, which refuses it.
    /// </summary>
    public bool? HostGatewayEmulator { get; set; }

    /// <summary>Whether this run hosts the gateway emulator.</summary>
    public bool HostsGatewayEmulator => HostGatewayEmulator ?? !IsCluster;

    /// <summary>Largest gRPC message accepted, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Cluster profile: the PostgreSQL connection string.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Cluster profile: the cluster id shared by every silo.</summary>
    public string ClusterId { get; set; } = "sosuckhoe";

    /// <summary>
    /// TLS for the gRPC endpoint: a PFX file with the server certificate and key. Required by the cluster profile; when set,
    /// <see cref="GrpcUrl"/> must be an https:// URL.
    /// </summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>Password of <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>
    /// Ask TLS clients for a certificate: a HIS whose certificate is registered for its facility is authenticated without an API
    /// key (mutual TLS). Clients without a certificate can still use a key.
    /// </summary>
    public bool AllowClientCertificates { get; set; } = true;

    /// <summary>Write logs as compact JSON (the cluster profile's default) instead of text.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>
    /// How long a citizen's grains (patient, episode, identity link) stay in memory after their last call. A province has about
    /// a million citizens and a person is seen a few times a year, so these grains are deactivated quickly (Orleans' default is
    /// 15 minutes); a person with a failing outbox entry stays active through its retry timer.
    /// </summary>
    public TimeSpan PersonIdleDeactivation { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When the memory in use passes this share (percent) of what the runtime may use (the managed heap's limit), the silo
    /// deactivates the longest-idle grains before their idle time is up, down to <see cref="ShedIdleGrainsToPercent"/>. Their
    /// state is durable, so a later call only reads it again. At a thousand dossiers a second with a hundred thousand citizens,
    /// a minute of idle patients fills a 1 GiB heap; without this the intake's admission control would refuse HIS calls
    /// (Intake:MemoryRefusalRatio, 85 %) instead. Zero turns it off.
    /// </summary>
    public int ShedIdleGrainsAbovePercent { get; set; } = 70;

    /// <summary>The memory share (percent) that deactivating idle grains under memory pressure aims for.</summary>
    public int ShedIdleGrainsToPercent { get; set; } = 55;

    /// <summary>
    /// How long the forwarding stream's in-memory cache keeps an outbox entry after the stream took it. The stream is only the
    /// doorbell of the forwarders (they take each entry at once; the patient grain's durable outbox is what re-drives a lost
    /// one), so the cache needs seconds. Orleans' defaults keep every entry until it is 30 minutes older than the newest one:
    /// under steady traffic 30 minutes of dossiers stay in memory (gigabytes at a hundred dossiers a second).
    /// </summary>
    public TimeSpan ForwardStreamRetention { get; set; } = TimeSpan.FromSeconds(15);
}
