namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>An entry as stored: checked, in UTC to the microsecond, the subject masked and hashed.</summary>
internal sealed record AuditRow(
    DateTimeOffset OccurredAt,
    string Action,
    string ActorRole,
    string ActorId,
    string? FacilityCode,
    string? ProvinceCode,
    string? SubjectMasked,
    string? SubjectHash,
    string? Purpose,
    string Outcome,
    string Details);
