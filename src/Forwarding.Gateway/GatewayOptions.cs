namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// Settings of the national gateway client (configuration section <c>Gateway</c>). The paths and the loaiHoSo values are
/// configuration because the standard moves (QĐ 130 → 4750 → 3176) and the endpoint names move with it: each document goes to
/// the endpoints of the standard it was validated against (<see cref="Endpoints"/>), so corrections of 2024 episodes still reach
/// the QĐ 4750 endpoints while current episodes reach the QĐ 3176 ones.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>The gateway root, ending with a slash, e.g. <c>http://127.0.0.1:5081/gateway/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The token service, relative to <see cref="BaseAddress"/>.</summary>
    public string TokenPath { get; set; } = "api/token/take";

    /// <summary>
    /// The check-in and dossier services of each data standard, relative to <see cref="BaseAddress"/>, keyed by the standard's key
    /// in the standards catalogue (e.g. <c>Gateway:Endpoints:3176:DossierPath</c>). Defaults: QĐ 4750 (letter 1245/BHXH-CNTT) and
    /// QĐ 3176. Every standard of the catalogue needs an entry; the hub checks it at start.
    /// </summary>
    public Dictionary<string, GatewayEndpoints> Endpoints { get; set; } = new(StringComparer.Ordinal)
    {
        ["4750"] = new() { CheckInPath = "api/qd130/checkInKcbQd4750", DossierPath = "api/qd130/guiHoSoXmlQD4750" },
        ["3176"] = new() { CheckInPath = "api/qd130/checkInKcbQd3176", DossierPath = "api/qd130/guiHoSoXmlQD3176" },
    };

    /// <summary>The loaiHoSo form value sent with a dossier.</summary>
    public string LoaiHoSoDossier { get; set; } = "130";

    /// <summary>The loaiHoSo form value sent with a check-in.</summary>
    public string LoaiHoSoCheckIn { get; set; } = "0";

    /// <summary>
    /// The standard of a document that names none: documents queued before the hub recorded the standard of each were all
    /// validated against QĐ 4750, so they keep its endpoints.
    /// </summary>
    public string StandardVersion { get; set; } = "4750";

    /// <summary>The endpoints of a standard (null or empty: <see cref="StandardVersion"/>), or null when none is configured.</summary>
    public GatewayEndpoints? EndpointsOf(string? standard) =>
        Endpoints.TryGetValue(string.IsNullOrEmpty(standard) ? StandardVersion : standard, out var endpoints) ? endpoints : null;

    /// <summary>Time allowed for one attempt (token request included).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt for transient failures.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>Base delay of the exponential back-off (jitter is added).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one back-off delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit (0..1].</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the circuit may open (at least 2).</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The window over which the failure ratio is measured (at least 0.5 s).</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the circuit stays open before its first trial call (at least 0.5 s). Each failed trial doubles the next break,
    /// up to <see cref="CircuitBreakerMaxBreakDuration"/>; a successful trial closes the circuit and starts over. A short first
    /// break notices a brief outage's end within seconds; the doubling spares a gateway that stays down.
    /// </summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest break between trial calls while the gateway keeps failing them: the end of a long outage is noticed within
    /// this time (plus the forwarders' recovery probe interval).
    /// </summary>
    public TimeSpan CircuitBreakerMaxBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gateway calls in flight at once from this process (bulkhead).</summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Calls allowed to wait for a free slot; beyond that an attempt fails fast as transient.</summary>
    public int MaxQueuedRequests { get; set; } = 10_000;

    /// <summary>A cached token is renewed this long before its announced expiry.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lifetime assumed when the gateway's expires_in cannot be read.</summary>
    public TimeSpan FallbackTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
