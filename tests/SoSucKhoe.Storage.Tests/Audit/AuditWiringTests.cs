using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Silo.Security.Audit;
using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Audit;

/// <summary>How the host wires the audit trail: DI registration and the embedded profile's key file.</summary>
public sealed class AuditWiringTests
{
    [Fact]
    public async Task AddSqliteAuditTrail_registers_one_trail_that_the_container_flushes_and_closes()
    {
        using var folder = new TempFolder("audit-di");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        var services = new ServiceCollection().AddLogging().AddSqliteAuditTrail(connectionString, AuditSamples.SubjectHashKey);
        long id;
        await using (var provider = services.BuildServiceProvider())
        {
            var trail = provider.GetRequiredService<IAuditTrail>();
            Assert.Same(trail, provider.GetRequiredService<IAuditTrail>());
            Assert.IsType<SqliteAuditTrail>(trail);
            id = await trail.AppendAsync(AuditSamples.Read("70", AuditSamples.T0));
        }

        await using var reopened = new SqliteAuditTrail(connectionString, new AuditSubjectProtector(AuditSamples.SubjectHashKey));
        var page = await reopened.QueryAsync(new AuditQuery { SubjectKey = AuditSamples.PersonA });

        Assert.Equal(id, Assert.Single(page.Entries).Id);
    }

    [Fact]
    public void The_registrations_refuse_a_missing_connection_or_a_weak_subject_secret()
    {
        var services = new ServiceCollection();

        Assert.ThrowsAny<ArgumentException>(() => services.AddSqliteAuditTrail("", AuditSamples.SubjectHashKey));
        Assert.Throws<ArgumentException>(() => services.AddSqliteAuditTrail("Data Source=x.db", "weak"));
        Assert.Throws<ArgumentException>(() => services.AddPostgresAuditTrail("Host=127.0.0.1", "weak"));
        Assert.Empty(services);
    }

    [Fact]
    public void The_subject_key_file_is_created_once_for_its_owner_only_and_read_back_unchanged()
    {
        using var folder = new TempFolder("audit-key");
        var path = Path.Combine(folder.Path, "nested", AuditSubjectKeyFile.DefaultFileName);

        var created = AuditSubjectKeyFile.LoadOrCreate(path);
        var again = AuditSubjectKeyFile.LoadOrCreate(path);

        Assert.Equal(created, again);
        Assert.Equal(32, Convert.FromBase64String(created).Length);
        Assert.NotEqual(created, AuditSubjectKeyFile.LoadOrCreate(Path.Combine(folder.Path, "other.key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_key_file_holding_too_short_a_key_is_an_error_not_a_silent_default()
    {
        using var folder = new TempFolder("audit-key-short");
        var path = Path.Combine(folder.Path, AuditSubjectKeyFile.DefaultFileName);
        File.WriteAllText(path, "abc\n");

        Assert.Throws<InvalidOperationException>(() => AuditSubjectKeyFile.LoadOrCreate(path));
    }

    [Fact]
    public void Entries_queries_and_pages_cross_grain_calls_unchanged()
    {
        using var provider = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = provider.GetRequiredService<Serializer>();
        var entry = AuditSamples.Read("70", AuditSamples.T0) with { Id = 12 };
        var query = new AuditQuery { Actions = [AuditActions.HealthBookRead], SubjectKey = AuditSamples.PersonA, Limit = 50, Order = AuditOrder.OldestFirst };
        var page = new AuditPage([entry], 12);

        var entryCopy = serializer.Deserialize<AuditRecord>(serializer.SerializeToArray(entry));
        var queryCopy = serializer.Deserialize<AuditQuery>(serializer.SerializeToArray(query));
        var pageCopy = serializer.Deserialize<AuditPage>(serializer.SerializeToArray(page));

        Assert.NotNull(queryCopy);
        Assert.NotNull(pageCopy);
        Assert.Equal(entry, entryCopy);
        Assert.Equal(query with { Actions = null }, queryCopy with { Actions = null });
        Assert.Equal(query.Actions, queryCopy.Actions);
        Assert.Equal(entry, Assert.Single(pageCopy.Entries));
        Assert.Equal(12, pageCopy.NextAfterId);
    }
}
