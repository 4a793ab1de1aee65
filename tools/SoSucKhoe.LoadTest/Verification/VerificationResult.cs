using System.Text.Json.Serialization;

namespace SoSucKhoe.LoadTest.Verification;

/// <summary>
/// Every dossier of a run checked by identity against the hub and the gateway: how many calls were answered OK, how many of those
/// dossiers reached the gateway (and how many late), which were lost, duplicated at the gateway, stored although their call
/// failed, or recorded differently by the hub. Lists name each dossier by facility, MA_LK and SHA-256 of the bytes sent.
/// </summary>
public sealed record VerificationResult
{
    /// <summary>Calls recorded (every phase).</summary>
    public required int Calls { get; init; }

    /// <summary>Calls that failed before their dossier was taken, so without identity (0 expected).</summary>
    public int CallsWithoutIdentity { get; init; }

    /// <summary>Calls answered OK (new or duplicate).</summary>
    public required int OkdCalls { get; init; }

    /// <summary>Calls that failed.</summary>
    public required int FailedCalls { get; init; }

    /// <summary>Distinct dossiers answered OK at least once: what the hub promised to deliver.</summary>
    public required int Okd { get; init; }

    /// <summary>OK'd dossiers at the gateway and acknowledged by the hub with the gateway's receipt and the same bytes (late ones included).</summary>
    public required int Acknowledged { get; init; }

    /// <summary>The lateness bound: a dossier is late when the forwarding kept it longer than this (outages and downtime excluded).</summary>
    public required double LateAfterSeconds { get; init; }

    /// <summary>True when the emulator's record of what it received was read (else only the hub's word counts).</summary>
    public required bool GatewayChecked { get; init; }

    /// <summary>False when the emulator no longer listed every item of the run (its received list is bounded).</summary>
    public bool GatewayComplete { get; init; } = true;

    /// <summary>Dossiers the gateway received whose identity no call of the run had (bytes changed on the way, or someone else's).</summary>
    public int AtGatewayNotSent { get; init; }

    /// <summary>Seconds from the end of the load until every OK'd dossier was acknowledged, or null when the deadline passed first.</summary>
    public double? DrainSeconds { get; init; }

    /// <summary>The drain deadline, in seconds after the end of the load.</summary>
    public double DeadlineSeconds { get; init; }

    /// <summary>Effective delay (see <see cref="DossierVerdict.EffectiveDelaySeconds"/>) of the delivered OK'd dossiers: p50, p99, max.</summary>
    public double? EffectiveDelayP50Seconds { get; init; }

    public double? EffectiveDelayP99Seconds { get; init; }

    public double? EffectiveDelayMaxSeconds { get; init; }

    public required IReadOnlyList<DossierVerdict> Late { get; init; }

    public required IReadOnlyList<DossierVerdict> Lost { get; init; }

    /// <summary>Dossiers the gateway received more than once, each counted once.</summary>
    public required IReadOnlyList<DossierVerdict> Duplicated { get; init; }

    /// <summary>Dossiers whose every call failed but that the hub stored (the HIS would resend them and be answered duplicate).</summary>
    public required IReadOnlyList<DossierVerdict> FailedYetStored { get; init; }

    /// <summary>Failed-yet-stored dossiers that had not reached the gateway when the drain ended.</summary>
    public required IReadOnlyList<DossierVerdict> StoredNotDelivered { get; init; }

    public required IReadOnlyList<DossierVerdict> Mismatched { get; init; }

    /// <summary>Every OK'd or stored dossier (written to dossiers.csv, not to report.json).</summary>
    [JsonIgnore]
    public IReadOnlyList<DossierVerdict> Dossiers { get; init; } = [];

    /// <summary>Duplicates whose every extra copy came in a later life of the hub than the copy before it (at least once across a restart).</summary>
    public int DuplicatedAcrossRestart => Duplicated.Count(static d => d.CopiesAcrossRestart);

    /// <summary>Duplicates with an extra copy sent within one life of the hub.</summary>
    public int DuplicatedWithinLife => Duplicated.Count - DuplicatedAcrossRestart;

    /// <summary>
    /// What breaks the promise: lost, mismatched, stored but undelivered, late, duplicated within one life of the hub (and, with
    /// <paramref name="strictDuplicates"/>, across a restart), or bytes at the gateway that no call sent. Empty when all holds.
    /// </summary>
    public IReadOnlyList<string> Failures(bool strictDuplicates = false)
    {
        var failures = new List<string>();
        Add(failures, Lost.Count, "lost (OK'd, not at the gateway when the drain ended)");
        Add(failures, Mismatched.Count, "recorded differently by the hub and the gateway");
        Add(failures, StoredNotDelivered.Count, "stored although their call failed, and not delivered");
        Add(failures, Late.Count, $"late (kept waiting more than {LateAfterSeconds} s)");
        Add(failures, DuplicatedWithinLife, "duplicated at the gateway within one life of the hub");
        if (strictDuplicates)
        {
            Add(failures, DuplicatedAcrossRestart, "duplicated at the gateway across a restart");
        }

        Add(failures, AtGatewayNotSent, "at the gateway with bytes no call sent");
        return failures;
    }

    private static void Add(List<string> failures, int count, string what)
    {
        if (count > 0)
        {
            failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {what}"));
        }
    }
}
