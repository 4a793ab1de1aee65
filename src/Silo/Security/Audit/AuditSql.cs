using System.Data.Common;
using System.Globalization;
using System.Text;
using SoSucKhoe.Api.Security.Audit;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>
/// The statements of the audit table (deploy/sql/&lt;dialect&gt;/audit.sql), identical on SQLite and PostgreSQL apart from how a
/// time is passed; only the time conversion differs per store.
/// </summary>
internal static class AuditSql
{
    public const string Insert = """
        INSERT INTO AuditEntry
            (OccurredAt, Action, ActorRole, ActorId, FacilityCode, ProvinceCode, SubjectMasked, SubjectHash, Purpose, Outcome, Details)
        VALUES
            (@OccurredAt, @Action, @ActorRole, @ActorId, @FacilityCode, @ProvinceCode, @SubjectMasked, @SubjectHash, @Purpose, @Outcome, @Details)
        RETURNING Id
        """;

    /// <summary>The parameter names of <see cref="Insert"/>, in the order of <see cref="InsertValues"/>.</summary>
    public static readonly string[] InsertParameters =
        ["OccurredAt", "Action", "ActorRole", "ActorId", "FacilityCode", "ProvinceCode", "SubjectMasked", "SubjectHash", "Purpose", "Outcome", "Details"];

    private const string Columns =
        "Id, OccurredAt, Action, ActorRole, ActorId, FacilityCode, ProvinceCode, SubjectMasked, Purpose, Outcome, Details";

    /// <summary>The values of <see cref="Insert"/> for <paramref name="row"/>; <paramref name="time"/> converts the time.</summary>
    public static object[] InsertValues(AuditRow row, Func<DateTimeOffset, object> time) =>
    [
        time(row.OccurredAt), row.Action, row.ActorRole, row.ActorId, Db(row.FacilityCode), Db(row.ProvinceCode),
        Db(row.SubjectMasked), Db(row.SubjectHash), Db(row.Purpose), row.Outcome, row.Details,
    ];

    /// <summary>
    /// Fills <paramref name="command"/> with the SELECT for <paramref name="query"/>: one row more than the limit, to tell
    /// whether another page follows.
    /// </summary>
    public static void BuildQuery(
        DbCommand command, AuditQuery query, AuditSubjectProtector protector, Func<DateTimeOffset, object> time)
    {
        var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM AuditEntry WHERE 1 = 1");

        void Where(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            Add(command, name, value);
        }

        if (query.From is { } from)
        {
            Where("OccurredAt >= @From", "From", time(AuditRules.CeilingToMicroseconds(from)));
        }

        if (query.To is { } to)
        {
            Where("OccurredAt < @To", "To", time(AuditRules.CeilingToMicroseconds(to)));
        }

        if (query.Actions is { Count: > 0 } actions)
        {
            var names = new List<string>(actions.Count);
            foreach (var action in actions.Distinct(StringComparer.Ordinal))
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"Action{names.Count}");
                names.Add("@" + name);
                Add(command, name, action.Trim());
            }

            sql.Append(" AND Action IN (").AppendJoin(", ", names).Append(')');
        }

        if (Filter(query.FacilityCode) is { } facility)
        {
            Where("FacilityCode = @FacilityCode", "FacilityCode", facility);
        }

        if (Filter(query.ProvinceCode) is { } province)
        {
            Where("ProvinceCode = @ProvinceCode", "ProvinceCode", province);
        }

        if (Filter(query.ActorId) is { } actor)
        {
            Where("ActorId = @ActorId", "ActorId", actor);
        }

        if (Filter(query.SubjectKey) is { } subject)
        {
            Where("SubjectHash = @SubjectHash", "SubjectHash", protector.Hash(subject));
        }

        if (Filter(query.Outcome) is { } outcome)
        {
            Where("Outcome = @Outcome", "Outcome", outcome);
        }

        var newestFirst = query.Order == AuditOrder.NewestFirst;
        if (query.AfterId is { } afterId)
        {
            Where(newestFirst ? "Id < @AfterId" : "Id > @AfterId", "AfterId", afterId);
        }

        sql.Append(newestFirst ? " ORDER BY Id DESC" : " ORDER BY Id").Append(" LIMIT @Limit;");
        Add(command, "Limit", query.Limit + 1);
        command.CommandText = sql.ToString();
    }

    /// <summary>Reads the rows of <see cref="BuildQuery"/> into a page.</summary>
    public static async Task<AuditPage> ReadPageAsync(
        DbDataReader reader, int limit, Func<DbDataReader, int, DateTimeOffset> time, CancellationToken cancellationToken)
    {
        var entries = new List<AuditRecord>(Math.Min(limit, 256));
        var more = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (entries.Count == limit)
            {
                more = true;
                break;
            }

            entries.Add(new AuditRecord
            {
                Id = reader.GetInt64(0),
                OccurredAt = time(reader, 1),
                Action = reader.GetString(2),
                ActorRole = reader.GetString(3),
                ActorId = reader.GetString(4),
                FacilityCode = NullableString(reader, 5),
                ProvinceCode = NullableString(reader, 6),
                SubjectKey = NullableString(reader, 7),
                Purpose = NullableString(reader, 8),
                Outcome = reader.GetString(9),
                Details = reader.GetString(10),
            });
        }

        return new AuditPage(entries, more ? entries[^1].Id : null);
    }

    private static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
