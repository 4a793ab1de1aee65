using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// Everything the emulator knows: counters, duplicate and order tracking, the bounded list of received items, the tokens and the
/// faults. Thread-safe; counters are exact (lock-free increments), the received list keeps the last
/// <see cref="EmulatorOptions.ReceivedCapacity"/> items. The same operations are exposed over HTTP under
/// <c>{prefix}/emulator/…</c>; in-process hosts and tests may call them directly.
/// </summary>
public sealed class GatewayEmulatorState : IDisposable
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private readonly EmulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly PersonProtector _persons;
    private readonly string _instance = Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
    /// <summary>One SHA-256 per thread for the content hash and the ledger keys (see <see cref="Sha256"/>).</summary>
    [ThreadStatic]
    private static IncrementalHash? ThreadSha256;

    private long _transactions;
    private Ledger _ledger;

    public GatewayEmulatorState(IOptions<EmulatorOptions> options, TimeProvider timeProvider)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _persons = new PersonProtector(_options.PersonHashSalt);
        _ledger = new Ledger(_options.ReceivedCapacity);
        Tokens = new EmulatorTokenStore(timeProvider);
        Faults = new EmulatorFaultInjector(_options.Faults, timeProvider);
    }

    /// <summary>Releases the per-thread hashes of personal IDs.</summary>
    public void Dispose() => _persons.Dispose();

    internal EmulatorTokenStore Tokens { get; }

    internal EmulatorFaultInjector Faults { get; }

    /// <summary>The counters since start or the last reset.</summary>
    public EmulatorStats GetStats()
    {
        var ledger = Volatile.Read(ref _ledger);
        return new EmulatorStats(
            Interlocked.Read(ref ledger.Received),
            Interlocked.Read(ref ledger.CheckIns),
            Interlocked.Read(ref ledger.Dossiers),
            Interlocked.Read(ref ledger.DistinctDossiers),
            Interlocked.Read(ref ledger.DistinctEpisodes),
            Interlocked.Read(ref ledger.Duplicates),
            Interlocked.Read(ref ledger.OrderViolations),
            Interlocked.Read(ref ledger.Rejected),
            Interlocked.Read(ref ledger.Unauthorized),
            Interlocked.Read(ref ledger.FaultsInjected),
            Interlocked.Read(ref ledger.TokensIssued),
            ledger.Ring.Count);
    }

    /// <summary>Retained items numbered above <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ReceivedItem> GetReceived(long after = 0, int limit = 1000) =>
        Volatile.Read(ref _ledger).Ring.After(after, Math.Max(0, limit));

    /// <summary>The faults in force.</summary>
    public EmulatorFaultState GetFaults() => Faults.Describe();

    /// <summary>Changes the faults (and expires every token when asked); returns the faults in force after the change.</summary>
    public EmulatorFaultState ApplyFaults(EmulatorFaultUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.ExpireTokens == true)
        {
            ExpireAllTokens();
        }

        return Faults.Apply(update);
    }

    /// <summary>Invalidates every token issued so far: the next data call with one is answered 401.</summary>
    public void ExpireAllTokens() => Tokens.ExpireAll();

    /// <summary>Clears counters and received items and puts the faults back to the configured ones. Tokens stay valid.</summary>
    public void Reset()
    {
        Volatile.Write(ref _ledger, new Ledger(_options.ReceivedCapacity));
        Faults.Reset(_options.Faults);
    }

    /// <summary>The salted hash under which a person's items are grouped (see <see cref="ReceivedItem.PersonHash"/>).</summary>
    public string PersonHashOf(string personId) => _persons.Hash(personId);

    internal void CountRejected() => Interlocked.Increment(ref Volatile.Read(ref _ledger).Rejected);

    internal void CountUnauthorized() => Interlocked.Increment(ref Volatile.Read(ref _ledger).Unauthorized);

    internal void CountFault() => Interlocked.Increment(ref Volatile.Read(ref _ledger).FaultsInjected);

    internal void CountTokenIssued() => Interlocked.Increment(ref Volatile.Read(ref _ledger).TokensIssued);

    /// <summary>Records an acknowledged document and hands out its receipt.</summary>
    internal ReceivedItem Record(ReceivedKind kind, string username, string maTinh, string maCskcb, DocumentFacts facts, ReadOnlySpan<byte> content,
        string standard)
    {
        var ledger = Volatile.Read(ref _ledger);
        var now = _timeProvider.GetUtcNow();
        Span<byte> contentHash = stackalloc byte[SHA256.HashSizeInBytes];
        var sha = Sha256();
        sha.AppendData(content);
        sha.GetHashAndReset(contentHash);
        var episodes = string.Join(';', facts.MaLks);

        var duplicate = !ledger.Contents.TryAdd(Key(maCskcb, episodes, contentHash), 0);
        var orderViolation = false;
        foreach (var maLk in facts.MaLks)
        {
            var episode = ledger.Episodes.GetOrAdd(Key(maCskcb, maLk, []), static _ => new Episode());
            lock (episode)
            {
                if (kind == ReceivedKind.Dossier)
                {
                    if (episode.Dossiers++ == 0)
                    {
                        Interlocked.Increment(ref ledger.DistinctEpisodes);
                    }
                }
                else
                {
                    episode.CheckIns++;
                    orderViolation |= episode.Dossiers > 0;
                }
            }
        }

        string? personMasked = null;
        string? personHash = null;
        long personSequence = 0;
        if (facts.PersonId is { } personId)
        {
            personMasked = PersonProtector.Mask(personId);
            personHash = _persons.Hash(personId);
            personSequence = Interlocked.Increment(ref ledger.Persons.GetOrAdd(personHash, static _ => new StrongBox<long>()).Value);
        }

        Interlocked.Increment(ref ledger.Received);
        if (kind == ReceivedKind.Dossier)
        {
            Interlocked.Increment(ref ledger.Dossiers);
        }
        else
        {
            Interlocked.Increment(ref ledger.CheckIns);
        }

        if (duplicate)
        {
            Interlocked.Increment(ref ledger.Duplicates);
        }
        else if (kind == ReceivedKind.Dossier)
        {
            Interlocked.Increment(ref ledger.DistinctDossiers);
        }

        if (orderViolation)
        {
            Interlocked.Increment(ref ledger.OrderViolations);
        }

        var transaction = Interlocked.Increment(ref _transactions);
        var draft = new ReceivedItem(
            0,
            kind,
            username,
            maTinh,
            maCskcb,
            facts.MaLks[0],
            personMasked,
            personHash,
            personSequence,
            Convert.ToHexStringLower(contentHash),
            content.Length,
            $"GD{_instance}{transaction.ToString("D10", CultureInfo.InvariantCulture)}",
            now.ToOffset(VietnamOffset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            now,
            duplicate,
            orderViolation,
            standard);
        return ledger.Ring.Add(static (sequence, item) => item with { Sequence = sequence }, draft);
    }

    /// <summary>
    /// The first 128 bits of SHA-256 over "maCSKCB\nkey\n" (UTF-8) followed by <paramref name="contentHash"/>: the same keys as
    /// ever, computed without allocating, with a per-thread hash object.
    /// </summary>
    private static UInt128 Key(string maCskcb, string key, ReadOnlySpan<byte> contentHash)
    {
        var length = Encoding.UTF8.GetMaxByteCount(maCskcb.Length + key.Length + 2) + contentHash.Length;
        Span<byte> input = length <= 512 ? stackalloc byte[512] : new byte[length];
        var at = Encoding.UTF8.GetBytes(maCskcb, input);
        input[at++] = (byte)'\n';
        at += Encoding.UTF8.GetBytes(key, input[at..]);
        input[at++] = (byte)'\n';
        contentHash.CopyTo(input[at..]);
        at += contentHash.Length;

        var sha = Sha256();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        sha.AppendData(input[..at]);
        sha.GetHashAndReset(digest);
        return MemoryMarshal.Read<UInt128>(digest);
    }

    /// <summary>This thread's SHA-256 (reused: a one-shot hash sets a native context up on every call).</summary>
    private static IncrementalHash Sha256() => ThreadSha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private sealed class Episode
    {
        public int CheckIns;
        public int Dossiers;
    }

    /// <summary>All counters and sets of one period (start or last reset); a reset swaps in a fresh ledger.</summary>
    private sealed class Ledger(int capacity)
    {
        public long Received;
        public long CheckIns;
        public long Dossiers;
        public long DistinctDossiers;
        public long DistinctEpisodes;
        public long Duplicates;
        public long OrderViolations;
        public long Rejected;
        public long Unauthorized;
        public long FaultsInjected;
        public long TokensIssued;

        public ConcurrentDictionary<UInt128, byte> Contents { get; } = new();

        public ConcurrentDictionary<UInt128, Episode> Episodes { get; } = new();

        public ConcurrentDictionary<string, StrongBox<long>> Persons { get; } = new(StringComparer.Ordinal);

        public ReceivedRing Ring { get; } = new(capacity);
    }
}
