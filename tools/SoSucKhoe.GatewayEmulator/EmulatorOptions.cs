namespace SoSucKhoe.GatewayEmulator;

/// <summary>Settings of the gateway emulator (standalone: configuration section <c>Emulator</c>).</summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// Gateway accounts: user name → clear password. When empty the emulator runs in open mode: any user name with any non-empty
    /// password gets a token, and the data calls must then carry the hash of the password that user presented for the token.
    /// </summary>
    public Dictionary<string, string> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long an issued token stays valid (its expires_in).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The token service path below the prefix.</summary>
    public string TokenPath { get; set; } = "api/token/take";

    /// <summary>
    /// The endpoint families by data standard (e.g. <c>Emulator:Standards:3176:DossierPath</c>), each with the episodes it takes:
    /// QĐ 4750 (letter 1245/BHXH-CNTT) for episodes before 01/01/2025, QĐ 3176 from then on. A document sent to the family of
    /// another standard than its episode's is refused.
    /// </summary>
    public Dictionary<string, EmulatorStandard> Standards { get; set; } = new(StringComparer.Ordinal)
    {
        ["4750"] = new()
        {
            CheckInPath = "api/qd130/checkInKcbQd4750",
            DossierPath = "api/qd130/guiHoSoXmlQD4750",
            EpisodesUntil = new DateOnly(2025, 1, 1),
        },
        ["3176"] = new()
        {
            CheckInPath = "api/qd130/checkInKcbQd3176",
            DossierPath = "api/qd130/guiHoSoXmlQD3176",
            EpisodesFrom = new DateOnly(2025, 1, 1),
        },
    };

    /// <summary>The loaiHoSo value a check-in must carry.</summary>
    public string CheckInLoaiHoSo { get; set; } = "0";

    /// <summary>The loaiHoSo value a dossier must carry.</summary>
    public string DossierLoaiHoSo { get; set; } = "130";

    /// <summary>How many received items the emulator keeps for <c>GET emulator/received</c>; the counters stay exact beyond it.</summary>
    public int ReceivedCapacity { get; set; } = 100_000;

    /// <summary>The largest fileHSBase64 accepted, in characters.</summary>
    public int MaxDocumentBase64Length { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// The salt of the per-person hash kept with each received item (so items can be grouped by person without storing the ID).
    /// Empty: a random salt per process.
    /// </summary>
    public string PersonHashSalt { get; set; } = string.Empty;

    /// <summary>
    /// The key the control endpoints (<c>emulator/stats</c>, <c>received</c>, <c>faults</c>, <c>reset</c>) require as
    /// <c>Authorization: Bearer &lt;key&gt;</c>. Null or empty: the emulator does not check (a host that guards the controls itself,
    /// as the hub does with its admin keys, or a test). The standalone emulator always sets one (see <see cref="AdminKeyFile"/>).
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Standalone only: where the control key is read from when <see cref="AdminKey"/> is not given, and written to (readable by
    /// its owner only) when the file does not exist yet.
    /// </summary>
    public string AdminKeyFile { get; set; } = "emulator-admin.key";

    /// <summary>The faults in force from the start (and after a reset).</summary>
    public EmulatorFaultSettings Faults { get; set; } = new();
}
