namespace SoSucKhoe.Api.Security.Audit;

/// <summary>One page of audit entries.</summary>
/// <param name="Entries">The entries, in the query's order.</param>
/// <param name="NextAfterId">The <see cref="AuditQuery.AfterId"/> of the next page, or null when this page is the last.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditRecord> Entries,
    [property: Id(1)] long? NextAfterId);
