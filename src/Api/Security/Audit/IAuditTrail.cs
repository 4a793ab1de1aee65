namespace SoSucKhoe.Api.Security.Audit;

/// <summary>
/// The durable, append-only audit trail. There is deliberately no way to change or remove an entry: the only writes are
/// appends, and the database tables themselves refuse UPDATE and DELETE.
/// </summary>
public interface IAuditTrail
{
    /// <summary>
    /// Appends an entry and returns its id once the row is committed to durable storage. An entry that breaks the rules of
    /// <see cref="AuditRecord"/> (unknown role or outcome, malformed action, over-long text, non-zero id) is an
    /// <see cref="ArgumentException"/>. A cancelled call may still have recorded the entry.
    /// </summary>
    Task<long> AppendAsync(AuditRecord entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the entries matching <paramref name="query"/>, newest or oldest first. An invalid query (limit out of
    /// range, unknown order) is an <see cref="ArgumentException"/>.
    /// </summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
