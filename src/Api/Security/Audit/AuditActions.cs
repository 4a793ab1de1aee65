namespace SoSucKhoe.Api.Security.Audit;

/// <summary>
/// The action codes of the audit trail (<see cref="AuditRecord.Action"/>): lower-case, dot-separated "subject.verb". The store accepts
/// any code of that shape, so a new kind of event needs no schema change; the ones below are those the hub records.
/// </summary>
public static class AuditActions
{
    /// <summary>A facility was added to the registry (interconnection code, gateway account, certificate).</summary>
    public const string FacilityRegistered = "facility.registered";

    /// <summary>A facility's registry data changed after its registration.</summary>
    public const string FacilityUpdated = "facility.updated";

    /// <summary>A readiness condition of a facility was met or lost.</summary>
    public const string FacilityReadinessChanged = "facility.readiness_changed";

    /// <summary>A readiness condition of a facility was declared (state, evidence, share) by the province.</summary>
    public const string FacilityConditionUpdated = "facility.condition_updated";

    /// <summary>A facility's interconnection code was issued or re-issued (with a new facility key).</summary>
    public const string FacilityConnectionCodeIssued = "facility.connection_code_issued";

    /// <summary>A facility's gateway account was set (the secret is never recorded).</summary>
    public const string FacilityGatewayAccountSet = "facility.gateway_account_set";

    /// <summary>A facility's traffic was suspended.</summary>
    public const string FacilitySuspended = "facility.suspended";

    /// <summary>A suspended facility's traffic was resumed.</summary>
    public const string FacilityResumed = "facility.resumed";

    /// <summary>An API key was issued.</summary>
    public const string CredentialIssued = "credential.issued";

    /// <summary>An API key was rotated (a new key issued, the old one given a grace period).</summary>
    public const string CredentialRotated = "credential.rotated";

    /// <summary>An API key was revoked.</summary>
    public const string CredentialRevoked = "credential.revoked";

    /// <summary>A person's health book was read.</summary>
    public const string HealthBookRead = "healthbook.read";

    /// <summary>A read of a person's health book was refused.</summary>
    public const string HealthBookRefused = "healthbook.refused";

    /// <summary>
    /// Calls from one source were refused more than once at the door (no, unknown, revoked or expired key, unknown certificate,
    /// role or scope): at most one entry per source per report interval, with the count, the reasons and the key ids.
    /// </summary>
    public const string AuthenticationRefused = "authentication.refused";

    /// <summary>A dead-lettered outbound document was replayed to the gateway.</summary>
    public const string DeadLetterReplayed = "deadletter.replayed";
}
