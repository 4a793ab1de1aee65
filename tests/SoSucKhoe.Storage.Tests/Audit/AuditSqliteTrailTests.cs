using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Silo.Security.Audit;
using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Audit;

/// <summary>The audit trail contract on the embedded profile's SQLite file (a new file per test), plus SQLite's own rules.</summary>
public sealed class AuditSqliteTrailTests : AuditTrailContract
{
    private readonly TempFolder _folder = new("audit");
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _connectionString = EmbeddedStorage.Prepare(_folder.Path);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    protected override Task<IAuditTrail> OpenTrailAsync() => Task.FromResult<IAuditTrail>(
        new SqliteAuditTrail(_connectionString, new AuditSubjectProtector(AuditSamples.SubjectHashKey), new AuditFixedClock(ClockNow)));

    protected override async Task ReopenAsync()
    {
        await ((IAsyncDisposable)Trail).DisposeAsync();
        SqliteConnection.ClearAllPools();
        var again = EmbeddedStorage.Prepare(_folder.Path);
        Assert.Equal(_connectionString, again);
        await base.ReopenAsync();
    }

    protected override async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    protected override async Task<IReadOnlyList<string>> StoredRowsAsync(string province)
    {
        var unpooled = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(unpooled);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM AuditEntry WHERE ProvinceCode = @Province ORDER BY Id";
        command.Parameters.AddWithValue("@Province", province);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private async Task<long> FirstIdAsync() => (await Trail.QueryAsync(new AuditQuery { ProvinceCode = Scope, Order = AuditOrder.OldestFirst, Limit = 1 })).Entries[0].Id;

    [Fact]
    public async Task Prepare_creates_the_audit_table_beside_the_grain_state_in_the_same_file()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type IN ('table', 'trigger') AND name LIKE 'AuditEntry%' OR name = 'GrainRecord' ORDER BY name);";

        Assert.Equal(
            "AuditEntry,AuditEntry_RefuseDelete,AuditEntry_RefuseReplace,AuditEntry_RefuseUpdate,GrainRecord",
            await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task INSERT_OR_REPLACE_over_an_existing_id_is_refused()
    {
        await Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0));
        var id = await FirstIdAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => ExecuteSqlAsync(
            "INSERT OR REPLACE INTO AuditEntry (Id, OccurredAt, Action, ActorRole, ActorId, ProvinceCode, Outcome, Details) " +
            $"VALUES ({id}, '2020-01-01T00:00:00.000000Z', 'healthbook.read', 'admin', 'forger', '{Scope}', 'ok', 'forged');"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single((await Trail.QueryAsync(new AuditQuery { ProvinceCode = Scope })).Entries);
        Assert.Equal("key-70001", entry.ActorId);
    }

    [Fact]
    public async Task An_upsert_over_an_existing_id_is_refused()
    {
        await Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0));
        var id = await FirstIdAsync();

        await Assert.ThrowsAsync<SqliteException>(() => ExecuteSqlAsync(
            "INSERT INTO AuditEntry (Id, OccurredAt, Action, ActorRole, ActorId, ProvinceCode, Outcome, Details) " +
            $"VALUES ({id}, '2020-01-01T00:00:00.000000Z', 'healthbook.read', 'admin', 'forger', '{Scope}', 'ok', 'forged') " +
            "ON CONFLICT (Id) DO UPDATE SET Details = excluded.Details;"));

        Assert.Equal("book read at the desk", Assert.Single((await Trail.QueryAsync(new AuditQuery { ProvinceCode = Scope })).Entries).Details);
    }

    [Fact]
    public async Task The_raw_person_key_is_nowhere_in_the_database_files()
    {
        for (var i = 0; i < 20; i++)
        {
            await Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0.AddSeconds(i)));
        }

        await ((IAsyncDisposable)Trail).DisposeAsync();
        var raw = Encoding.ASCII.GetBytes(AuditSamples.PersonA);
        var masked = Encoding.ASCII.GetBytes(AuditSamples.PersonAMasked);
        var files = Directory.GetFiles(_folder.Path, EmbeddedStorage.DatabaseFileName + "*");
        var contents = files.Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }).ToList();

        Assert.Contains(contents, bytes => bytes.AsSpan().IndexOf(masked) >= 0);
        Assert.All(contents, bytes => Assert.True(bytes.AsSpan().IndexOf(raw) < 0, "the raw person key was found in a database file"));
        await base.ReopenAsync();
    }

    [Fact]
    public async Task Disposing_the_trail_writes_every_append_already_accepted()
    {
        var appends = Enumerable.Range(0, 200)
            .Select(i => Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0.AddSeconds(i))))
            .ToList();

        await ((IAsyncDisposable)Trail).DisposeAsync();
        var ids = await Task.WhenAll(appends);

        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(200, (await StoredRowsAsync(Scope)).Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0)));
        await base.ReopenAsync();
    }
}
