using System.Data.Common;
using SoSucKhoe.Api.Security.Audit;

namespace SoSucKhoe.Storage.Tests.Audit;

/// <summary>
/// What every audit trail store guarantees, on SQLite and on PostgreSQL alike. A database may be shared with other tests and
/// keeps every entry, so each test writes under its own province code (<see cref="Scope"/>) and queries within it.
/// </summary>
public abstract class AuditTrailContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset ClockNow = new(2025, 6, 30, 23, 59, 59, TimeSpan.Zero);

    protected string Scope { get; } = AuditSamples.NewScope();

    protected IAuditTrail Trail { get; private set; } = null!;

    /// <summary>A new trail instance on the test database (the clock set to <see cref="ClockNow"/>).</summary>
    protected abstract Task<IAuditTrail> OpenTrailAsync();

    /// <summary>Runs one statement directly on the database, outside the trail.</summary>
    protected abstract Task<int> ExecuteSqlAsync(string sql);

    /// <summary>Every column of every stored row of <paramref name="province"/>, as text, read on a new unpooled connection.</summary>
    protected abstract Task<IReadOnlyList<string>> StoredRowsAsync(string province);

    /// <summary>Closes the trail and everything it holds, and opens the database again.</summary>
    protected virtual async Task ReopenAsync()
    {
        await ((IAsyncDisposable)Trail).DisposeAsync();
        Trail = await OpenTrailAsync();
    }

    public virtual async Task InitializeAsync() => Trail = await OpenTrailAsync();

    public virtual async Task DisposeAsync()
    {
        if (Trail is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private Task<AuditPage> QueryAsync(AuditQuery query) =>
        Trail.QueryAsync(query.ProvinceCode is null ? query with { ProvinceCode = Scope } : query);

    private async Task<long[]> AppendAllAsync(params AuditRecord[] entries)
    {
        var ids = new long[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            ids[i] = await Trail.AppendAsync(entries[i]);
        }

        return ids;
    }

    private static long[] Ids(AuditPage page) => [.. page.Entries.Select(e => e.Id)];

    [Fact]
    public async Task An_appended_entry_reads_back_with_its_fields_its_time_in_utc_and_its_subject_masked()
    {
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(7)).AddTicks(1_234_567);
        var id = await Trail.AppendAsync(AuditSamples.Read(Scope, at));

        var entry = Assert.Single((await QueryAsync(new AuditQuery())).Entries);

        Assert.True(id > 0);
        Assert.Equal(id, entry.Id);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), entry.OccurredAt);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
        Assert.Equal(AuditActions.HealthBookRead, entry.Action);
        Assert.Equal(AuditActorRoles.Facility, entry.ActorRole);
        Assert.Equal("key-70001", entry.ActorId);
        Assert.Equal("70001", entry.FacilityCode);
        Assert.Equal(Scope, entry.ProvinceCode);
        Assert.Equal(AuditSamples.PersonAMasked, entry.SubjectKey);
        Assert.Equal("treatment", entry.Purpose);
        Assert.Equal(AuditOutcomes.Allowed, entry.Outcome);
        Assert.Equal("book read at the desk", entry.Details);
    }

    [Fact]
    public async Task An_entry_without_a_time_takes_the_store_clock_and_optional_fields_stay_empty()
    {
        await Trail.AppendAsync(new AuditRecord
        {
            Action = AuditActions.DeadLetterReplayed,
            ActorRole = AuditActorRoles.System,
            ActorId = "hub",
            ProvinceCode = Scope,
            Outcome = AuditOutcomes.Ok,
        });

        var entry = Assert.Single((await QueryAsync(new AuditQuery())).Entries);

        Assert.Equal(ClockNow, entry.OccurredAt);
        Assert.Null(entry.FacilityCode);
        Assert.Null(entry.SubjectKey);
        Assert.Null(entry.Purpose);
        Assert.Equal("", entry.Details);
    }

    [Fact]
    public async Task An_append_is_visible_to_a_new_connection_as_soon_as_it_returns()
    {
        for (var i = 0; i < 5; i++)
        {
            await Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0.AddMinutes(i)));

            Assert.Equal(i + 1, (await StoredRowsAsync(Scope)).Count);
        }
    }

    [Fact]
    public async Task Ids_increase_in_append_order()
    {
        var ids = await AppendAllAsync(
            AuditSamples.Read(Scope, AuditSamples.T0.AddHours(2)),
            AuditSamples.Read(Scope, AuditSamples.T0),
            AuditSamples.Read(Scope, AuditSamples.T0.AddHours(1)));

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task From_is_inclusive_and_To_exclusive_to_the_microsecond()
    {
        var ids = await AppendAllAsync(
            AuditSamples.Read(Scope, AuditSamples.T0),
            AuditSamples.Read(Scope, AuditSamples.T0.AddSeconds(1)),
            AuditSamples.Read(Scope, AuditSamples.T0.AddSeconds(2)));

        var middle = await QueryAsync(new AuditQuery { From = AuditSamples.T0.AddSeconds(1), To = AuditSamples.T0.AddSeconds(2) });
        var afterFirst = await QueryAsync(new AuditQuery { From = AuditSamples.T0.AddTicks(1), Order = AuditOrder.OldestFirst });
        var beforeLast = await QueryAsync(new AuditQuery { To = AuditSamples.T0.AddSeconds(2).AddTicks(1), Order = AuditOrder.OldestFirst });
        var inUtc = await QueryAsync(new AuditQuery { From = AuditSamples.T0.ToUniversalTime().AddSeconds(2) });

        Assert.Equal([ids[1]], Ids(middle));
        Assert.Equal([ids[1], ids[2]], Ids(afterFirst));
        Assert.Equal(ids, Ids(beforeLast));
        Assert.Equal([ids[2]], Ids(inUtc));
    }

    [Fact]
    public async Task Actions_filter_matches_any_of_the_codes_given()
    {
        var ids = await AppendAllAsync(
            AuditSamples.Change(Scope, AuditSamples.T0, AuditActions.CredentialIssued),
            AuditSamples.Change(Scope, AuditSamples.T0, AuditActions.CredentialRevoked),
            AuditSamples.Change(Scope, AuditSamples.T0, AuditActions.FacilitySuspended),
            AuditSamples.Read(Scope, AuditSamples.T0));

        var credentials = await QueryAsync(new AuditQuery
        {
            Actions = [AuditActions.CredentialIssued, AuditActions.CredentialRevoked, AuditActions.CredentialRotated],
            Order = AuditOrder.OldestFirst,
        });
        var reads = await QueryAsync(new AuditQuery { Actions = [AuditActions.HealthBookRead] });

        Assert.Equal([ids[0], ids[1]], Ids(credentials));
        Assert.Equal([ids[3]], Ids(reads));
    }

    [Fact]
    public async Task FacilityCode_filter_returns_only_that_facility()
    {
        var ids = await AppendAllAsync(
            AuditSamples.Read(Scope, AuditSamples.T0, facility: "70001"),
            AuditSamples.Read(Scope, AuditSamples.T0, facility: "70099"),
            AuditSamples.Read(Scope, AuditSamples.T0, facility: "70001"));

        var page = await QueryAsync(new AuditQuery { FacilityCode = "70001", Order = AuditOrder.OldestFirst });

        Assert.Equal([ids[0], ids[2]], Ids(page));
    }

    [Fact]
    public async Task ProvinceCode_filter_returns_only_that_province()
    {
        var otherProvince = Scope + "x";
        var ids = await AppendAllAsync(
            AuditSamples.Read(Scope, AuditSamples.T0),
            AuditSamples.Read(otherProvince, AuditSamples.T0));

        Assert.Equal([ids[0]], Ids(await Trail.QueryAsync(new AuditQuery { ProvinceCode = Scope })));
        Assert.Equal([ids[1]], Ids(await Trail.QueryAsync(new AuditQuery { ProvinceCode = otherProvince })));
    }

    [Fact]
    public async Task ActorId_filter_returns_only_that_actor()
    {
        var ids = await AppendAllAsync(
            AuditSamples.Change(Scope, AuditSamples.T0, AuditActions.FacilityRegistered, actorId: "operator-a"),
            AuditSamples.Change(Scope, AuditSamples.T0, AuditActions.FacilityRegistered, actorId: "operator-b"));

        Assert.Equal([ids[1]], Ids(await QueryAsync(new AuditQuery { ActorId = "operator-b" })));
    }

    [Fact]
    public async Task Outcome_filter_returns_only_that_outcome()
    {
        var refused = AuditSamples.Read(Scope, AuditSamples.T0) with
        {
            Action = AuditActions.HealthBookRefused,
            Outcome = AuditOutcomes.Denied,
        };
        var ids = await AppendAllAsync(AuditSamples.Read(Scope, AuditSamples.T0), refused);

        Assert.Equal([ids[1]], Ids(await QueryAsync(new AuditQuery { Outcome = AuditOutcomes.Denied })));
        Assert.Equal([ids[0]], Ids(await QueryAsync(new AuditQuery { Outcome = AuditOutcomes.Allowed })));
    }

    [Fact]
    public async Task Subject_filter_finds_a_persons_entries_by_the_exact_key_only()
    {
        var ids = await AppendAllAsync(
            AuditSamples.Read(Scope, AuditSamples.T0, subject: AuditSamples.PersonA),
            AuditSamples.Read(Scope, AuditSamples.T0, subject: AuditSamples.PersonB),
            AuditSamples.Read(Scope, AuditSamples.T0, subject: AuditSamples.PersonA),
            AuditSamples.Change(Scope, AuditSamples.T0, AuditActions.FacilityResumed));

        var personA = await QueryAsync(new AuditQuery { SubjectKey = AuditSamples.PersonA, Order = AuditOrder.OldestFirst });
        var byMaskedKey = await QueryAsync(new AuditQuery { SubjectKey = AuditSamples.PersonAMasked });
        var nearMiss = await QueryAsync(new AuditQuery { SubjectKey = AuditSamples.PersonA[..11] + "5" });

        Assert.Equal([ids[0], ids[2]], Ids(personA));
        Assert.All(personA.Entries, e => Assert.Equal(AuditSamples.PersonAMasked, e.SubjectKey));
        Assert.Empty(byMaskedKey.Entries);
        Assert.Empty(nearMiss.Entries);
    }

    [Fact]
    public async Task The_raw_person_key_is_stored_nowhere_in_the_table()
    {
        await AppendAllAsync(
            AuditSamples.Read(Scope, AuditSamples.T0),
            AuditSamples.Read(Scope, AuditSamples.T0) with { Details = $"asked for {AuditSamples.PersonA} twice" });

        var rows = await StoredRowsAsync(Scope);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain(AuditSamples.PersonA, row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Contains(AuditSamples.PersonAMasked, row, StringComparison.Ordinal));
        Assert.Equal(2, (await QueryAsync(new AuditQuery { SubjectKey = AuditSamples.PersonA })).Entries.Count);
    }

    [Fact]
    public async Task Pages_cover_every_entry_once_in_both_orders()
    {
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0.AddMinutes(i))));
        }

        async Task<List<long>> WalkAsync(AuditOrder order)
        {
            var seen = new List<long>();
            long? after = null;
            var pages = 0;
            do
            {
                var page = await QueryAsync(new AuditQuery { Limit = 3, Order = order, AfterId = after });
                Assert.True(page.Entries.Count <= 3);
                seen.AddRange(Ids(page));
                after = page.NextAfterId;
                pages++;
            }
            while (after is not null && pages < 10);

            Assert.Equal(3, pages);
            return seen;
        }

        Assert.Equal(ids, await WalkAsync(AuditOrder.OldestFirst));
        Assert.Equal(Enumerable.Reverse(ids), await WalkAsync(AuditOrder.NewestFirst));
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_last_entry_says_there_is_no_next_page()
    {
        await AppendAllAsync(AuditSamples.Read(Scope, AuditSamples.T0), AuditSamples.Read(Scope, AuditSamples.T0));

        var page = await QueryAsync(new AuditQuery { Limit = 2 });

        Assert.Equal(2, page.Entries.Count);
        Assert.Null(page.NextAfterId);
    }

    [Fact]
    public async Task Concurrent_appends_from_many_tasks_all_land_with_unique_ids_on_their_own_rows()
    {
        const int Tasks = 40;
        const int PerTask = 25;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appenders = Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            await start.Task;
            var mine = new List<(long Id, string Details)>(PerTask);
            for (var i = 0; i < PerTask; i++)
            {
                var details = $"task {t} item {i}";
                var id = await Trail.AppendAsync(AuditSamples.Change(Scope, AuditSamples.T0, AuditActions.FacilityReadinessChanged) with { Details = details });
                mine.Add((id, details));
            }

            return mine;
        })).ToArray();
        start.SetResult();
        var appended = (await Task.WhenAll(appenders)).SelectMany(x => x).ToList();

        var stored = await QueryAsync(new AuditQuery { Limit = AuditQuery.MaxLimit, Order = AuditOrder.OldestFirst });

        Assert.Equal(Tasks * PerTask, appended.Select(a => a.Id).Distinct().Count());
        Assert.Equal(Tasks * PerTask, stored.Entries.Count);
        Assert.Null(stored.NextAfterId);
        var detailsById = stored.Entries.ToDictionary(e => e.Id, e => e.Details);
        Assert.All(appended, a => Assert.Equal(a.Details, detailsById[a.Id]));
    }

    [Fact]
    public async Task An_UPDATE_issued_directly_in_SQL_fails_and_changes_nothing()
    {
        await AppendAllAsync(AuditSamples.Read(Scope, AuditSamples.T0));

        var error = await Assert.ThrowsAnyAsync<DbException>(
            () => ExecuteSqlAsync($"UPDATE AuditEntry SET Details = 'tampered', Outcome = 'denied' WHERE ProvinceCode = '{Scope}'"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single((await QueryAsync(new AuditQuery())).Entries);
        Assert.Equal("book read at the desk", entry.Details);
        Assert.Equal(AuditOutcomes.Allowed, entry.Outcome);
    }

    [Fact]
    public async Task A_DELETE_issued_directly_in_SQL_fails_and_removes_nothing()
    {
        await AppendAllAsync(AuditSamples.Read(Scope, AuditSamples.T0), AuditSamples.Read(Scope, AuditSamples.T0));

        var scoped = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteSqlAsync($"DELETE FROM AuditEntry WHERE ProvinceCode = '{Scope}'"));
        var everything = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteSqlAsync("DELETE FROM AuditEntry"));

        Assert.Contains("append-only", scoped.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", everything.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await StoredRowsAsync(Scope)).Count);
    }

    [Fact]
    public async Task Entries_survive_reopening_the_database()
    {
        var ids = await AppendAllAsync(
            AuditSamples.Read(Scope, AuditSamples.T0),
            AuditSamples.Change(Scope, AuditSamples.T0.AddMinutes(1), AuditActions.CredentialRotated));

        await ReopenAsync();
        var page = await QueryAsync(new AuditQuery { Order = AuditOrder.OldestFirst });
        var next = await Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0.AddMinutes(2)));

        Assert.Equal(ids, Ids(page));
        Assert.Equal(AuditActions.CredentialRotated, page.Entries[1].Action);
        Assert.Single((await QueryAsync(new AuditQuery { SubjectKey = AuditSamples.PersonA, Actions = [AuditActions.HealthBookRead], To = AuditSamples.T0.AddMinutes(1) })).Entries);
        Assert.True(next > ids.Max());
    }

    [Fact]
    public async Task An_invalid_entry_is_refused_and_nothing_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0) with { Outcome = "maybe" }));
        await Assert.ThrowsAsync<ArgumentException>(
            () => Trail.AppendAsync(AuditSamples.Read(Scope, AuditSamples.T0) with { Id = 42 }));

        Assert.Empty(await StoredRowsAsync(Scope));
    }

    [Fact]
    public async Task A_query_asking_for_more_than_the_largest_page_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => QueryAsync(new AuditQuery { Limit = AuditQuery.MaxLimit + 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => QueryAsync(new AuditQuery { Limit = 0 }));
    }
}
