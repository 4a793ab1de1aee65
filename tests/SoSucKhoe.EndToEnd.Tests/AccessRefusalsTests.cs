using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Security;
using SoSucKhoe.Silo.Security.Audit;
using SoSucKhoe.Silo.Storage;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// <see cref="AccessRefusals"/> on a fake clock with the real SQLite audit trail: every refusal is counted, a source gets at most
/// one log line a minute with the count since its last one and its key ids (never a secret), and a source refused more than once
/// gets at most one audit entry a minute.
/// </summary>
public sealed class AccessRefusalsTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _log = new();
    private string _folder = null!;
    private SqliteAuditTrail _trail = null!;
    private AccessRefusals _refusals = null!;

    public Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("sosuckhoe-refusals-").FullName;
        _trail = new SqliteAuditTrail(EmbeddedStorage.Prepare(_folder), new AuditSubjectProtector(new string('k', 32)), _time);
        _refusals = new AccessRefusals(Minute, _trail, _time, _log);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _refusals.Dispose();
        await _trail.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Each_refusal_is_counted_with_its_reason_and_method()
    {
        var method = "/test.Refusals/" + Guid.NewGuid().ToString("N");
        var counted = new ConcurrentQueue<(long Value, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AccessRefusals.MeterName && instrument.Name == AccessRefusals.CounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (map.GetValueOrDefault("method") == method)
            {
                counted.Enqueue((value, map.GetValueOrDefault("reason")));
            }
        });
        listener.Start();

        _refusals.Record("10.0.0.1", method, AccessRefusalReasons.UnknownKey, "k1");
        _refusals.Record("10.0.0.1", method, AccessRefusalReasons.UnknownKey, "k1");
        _refusals.Record("10.0.0.2", method, AccessRefusalReasons.RoleNotAllowed, "k2");

        Assert.Equal(3, counted.Sum(c => c.Value));
        Assert.Equal(2, counted.Count(c => c.Reason == AccessRefusalReasons.UnknownKey));
        Assert.Equal(1, counted.Count(c => c.Reason == AccessRefusalReasons.RoleNotAllowed));
    }

    [Fact]
    public void A_source_gets_one_line_a_minute_with_the_count_since_its_last_line_and_its_key_ids_never_a_secret()
    {
        var (key, keyId, secret) = Key();

        _refusals.Record("10.0.0.1", "/m", AccessRefusalReasons.MissingCredentials, null);
        _time.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 4; i++)
        {
            _refusals.Record("10.0.0.1", "/m", AccessRefusalReasons.UnknownKey, keyId);
        }

        _refusals.Record("10.0.0.2", "/m", AccessRefusalReasons.MalformedKey, null);
        var afterBurst = _log.Lines.ToList();
        _time.Advance(TimeSpan.FromSeconds(50));
        var beforeMinute = _log.Lines.ToList();
        _time.Advance(TimeSpan.FromSeconds(15));
        var afterMinute = _log.Lines.ToList();
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(2, afterBurst.Count);
        Assert.StartsWith("Refused 1 call(s) from 10.0.0.1 since", afterBurst[0], StringComparison.Ordinal);
        Assert.StartsWith("Refused 1 call(s) from 10.0.0.2 since", afterBurst[1], StringComparison.Ordinal);
        Assert.Equal(afterBurst, beforeMinute);
        Assert.Equal(3, afterMinute.Count);
        Assert.StartsWith("Refused 4 call(s) from 10.0.0.1 since", afterMinute[2], StringComparison.Ordinal);
        Assert.Contains("unknown_key 4", afterMinute[2], StringComparison.Ordinal);
        Assert.Contains("key ids: " + keyId, afterMinute[2], StringComparison.Ordinal);
        Assert.Equal(3, _log.Lines.Count);
        Assert.All(_log.Lines, line => Assert.DoesNotContain(secret, line, StringComparison.Ordinal));
        Assert.All(_log.Lines, line => Assert.DoesNotContain(key, line, StringComparison.Ordinal));
        Assert.All(_log.Levels, level => Assert.Equal(LogLevel.Warning, level));
    }

    [Fact]
    public async Task A_source_refused_again_gets_one_audit_entry_a_minute_with_the_count_and_a_single_refusal_none()
    {
        var (_, keyId, secret) = Key();

        _refusals.Record("10.0.0.1", "/sosuckhoe.v1.Intake/SubmitDossier", AccessRefusalReasons.RevokedKey, keyId);
        _refusals.Record("10.0.0.9", "/sosuckhoe.v1.Intake/SubmitDossier", AccessRefusalReasons.UnknownKey, null);
        for (var i = 0; i < 3; i++)
        {
            _refusals.Record("10.0.0.1", "/sosuckhoe.v1.Intake/SubmitDossier", AccessRefusalReasons.RevokedKey, keyId);
        }

        var first = await EntriesAsync(expected: 0);
        _time.Advance(Minute);
        var second = await EntriesAsync(expected: 1);
        for (var i = 0; i < 100; i++)
        {
            _refusals.Record("10.0.0.1", "/sosuckhoe.v1.Intake/SubmitDossier", AccessRefusalReasons.RevokedKey, keyId);
        }

        var third = await EntriesAsync(expected: 1);
        _time.Advance(Minute);
        var fourth = await EntriesAsync(expected: 2);

        Assert.Empty(first);
        var entry = Assert.Single(second);
        Assert.Equal((AuditActions.AuthenticationRefused, AuditActorRoles.System, "10.0.0.1", AuditOutcomes.Denied),
            (entry.Action, entry.ActorRole, entry.ActorId, entry.Outcome));
        Assert.StartsWith("3 call(s) refused since", entry.Details, StringComparison.Ordinal);
        Assert.Contains("4 since", entry.Details, StringComparison.Ordinal);
        Assert.Contains("revoked_key 3", entry.Details, StringComparison.Ordinal);
        Assert.Contains("/sosuckhoe.v1.Intake/SubmitDossier", entry.Details, StringComparison.Ordinal);
        Assert.Single(third);
        Assert.Equal(2, fourth.Count);
        Assert.StartsWith("100 call(s) refused since", fourth[0].Details, StringComparison.Ordinal);
        Assert.All(fourth, e => Assert.Equal("10.0.0.1", e.ActorId));
        Assert.All(fourth, e => Assert.DoesNotContain(secret, e.Details, StringComparison.Ordinal));
    }

    /// <summary>The refusal entries once <paramref name="expected"/> of them are there (appends run in the background).</summary>
    private async Task<List<AuditRecord>> EntriesAsync(int expected)
    {
        List<AuditRecord> entries = [];
        await Eventually.Until(async () =>
        {
            var page = await _trail.QueryAsync(new AuditQuery { Actions = [AuditActions.AuthenticationRefused] });
            entries = [.. page.Entries];
            return entries.Count >= expected;
        }, TimeSpan.FromSeconds(10));
        // Long enough for an append that should not happen to show.
        await Task.Delay(200);
        var settled = await _trail.QueryAsync(new AuditQuery { Actions = [AuditActions.AuthenticationRefused] });
        return [.. settled.Entries];
    }

    private static (string Key, string KeyId, string Secret) Key()
    {
        var key = ApiKeys.Create(CallerRole.Facility, "70001", "test", DateTimeOffset.UtcNow).Key;
        Assert.True(ApiKeys.TryParse(key, out var keyId, out var secret));
        return (key, keyId, secret);
    }

    /// <summary>Keeps the rendered messages and levels of what is logged.</summary>
    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

        public IReadOnlyList<string> Lines => _entries.Select(e => e.Message).ToList();

        public IReadOnlyList<LogLevel> Levels => _entries.Select(e => e.Level).ToList();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
