using Npgsql;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Silo.Security.Audit;
using SoSucKhoe.Storage.Tests.Postgres;

namespace SoSucKhoe.Storage.Tests.Audit;

/// <summary>
/// The audit trail contract on the cluster profile's PostgreSQL schema (the real server of the PostgreSQL collection, shared
/// by every test: each test keeps to its own province code), plus PostgreSQL's own rules.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditPostgresTrailTests(PostgresServer server) : AuditTrailContract
{
    protected override Task<IAuditTrail> OpenTrailAsync() => Task.FromResult<IAuditTrail>(
        new PostgresAuditTrail(server.ConnectionString, new AuditSubjectProtector(AuditSamples.SubjectHashKey), new AuditFixedClock(ClockNow)));

    protected override async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    protected override async Task<IReadOnlyList<string>> StoredRowsAsync(string province)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT a::text FROM AuditEntry a WHERE ProvinceCode = @Province ORDER BY Id", connection);
        command.Parameters.AddWithValue("Province", province);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task<long> AppendOneAsync() => await Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0));

    [Fact]
    public async Task TRUNCATE_is_refused()
    {
        await AppendOneAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync("TRUNCATE AuditEntry"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Single(await StoredRowsAsync(Scope));
    }

    [Fact]
    public async Task An_upsert_over_an_existing_id_is_refused()
    {
        var id = await AppendOneAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync(
            "INSERT INTO AuditEntry (Id, OccurredAt, Action, ActorRole, ActorId, ProvinceCode, Outcome, Details) OVERRIDING SYSTEM VALUE " +
            $"VALUES ({id}, now(), 'healthbook.read', 'admin', 'forger', '{Scope}', 'ok', 'forged') " +
            "ON CONFLICT (Id) DO UPDATE SET Details = excluded.Details"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal("book read at the desk", Assert.Single((await Trail.QueryAsync(new AuditQuery { ProvinceCode = Scope })).Entries).Details);
    }

    [Fact]
    public async Task An_explicit_id_cannot_be_inserted()
    {
        var id = await AppendOneAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync(
            "INSERT INTO AuditEntry (Id, OccurredAt, Action, ActorRole, ActorId, ProvinceCode, Outcome, Details) " +
            $"VALUES ({id + 1_000_000}, now(), 'healthbook.read', 'admin', 'forger', '{Scope}', 'ok', 'forged')"));

        Assert.Equal("428C9", error.SqlState); // generated_always
    }

    [Fact]
    public async Task Applying_the_schema_again_keeps_the_entries_and_the_protection()
    {
        await AppendOneAsync();

        await PostgresStorage.ApplySchemaAsync(server.ConnectionString);

        Assert.Single(await StoredRowsAsync(Scope));
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteSqlAsync($"DELETE FROM AuditEntry WHERE ProvinceCode = '{Scope}'"));
    }
}
