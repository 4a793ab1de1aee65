namespace SoSucKhoe.Api.Security.Audit;

/// <summary>The order of a query's entries (by <see cref="AuditRecord.Id"/>, i.e. commit order).</summary>
public enum AuditOrder
{
    /// <summary>Newest first (the default).</summary>
    NewestFirst = 0,

    /// <summary>Oldest first.</summary>
    OldestFirst = 1,
}
