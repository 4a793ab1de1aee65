using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// Remembers keys that verified, so that the slow hash runs once per key rather than once per request. An entry answers for a
/// minute; after that the key's stored record is read again (revoked, expired or re-issued keys stop within that minute on every
/// node), but the slow hash is not repeated as long as the record still holds the hash the key was verified against.
/// </summary>
/// <remarks>
/// Entries are keyed by a SHA-256 of the whole key, never the key itself. Revocation through this node removes the key's entries
/// at once, so the key is hashed again (and refused) on its next use.
/// </remarks>
public sealed class CredentialCache(TimeProvider time)
{
    /// <summary>How long a verified key is accepted before its record is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The cache's key for an API key: the hex SHA-256 of the whole key.</summary>
    public static string Fingerprint(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The principal of a key verified less than <see cref="Lifetime"/> ago (and not past its end).</summary>
    public bool TryGet(string fingerprint, out CallerPrincipal principal)
    {
        if (_entries.TryGetValue(fingerprint, out var entry) && entry.Until > time.GetUtcNow())
        {
            principal = entry.Principal;
            return true;
        }

        principal = null!;
        return false;
    }

    /// <summary>
    /// True when this key was verified earlier, however long ago, against the very hash and salt that <paramref name="record"/>
    /// holds now: the secret is known to match, so the slow hash need not run again.
    /// </summary>
    public bool WasVerifiedAgainst(string fingerprint, CredentialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _entries.TryGetValue(fingerprint, out var entry)
            && entry.Principal.KeyId == record.KeyId
            && CryptographicOperations.FixedTimeEquals(entry.Hash, record.Hash)
            && CryptographicOperations.FixedTimeEquals(entry.Salt, record.Salt);
    }

    /// <summary>Remembers a key that verified against <paramref name="record"/>, for <see cref="Lifetime"/> or until it ends.</summary>
    public void Add(string fingerprint, CredentialRecord record, CallerPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(record);
        var until = time.GetUtcNow() + Lifetime;
        if (record.NotAfter is { } end && end < until)
        {
            until = end;
        }

        if (_entries.Count >= Capacity && !_entries.ContainsKey(fingerprint))
        {
            _entries.Clear();
        }

        _entries[fingerprint] = new Entry(principal, record.Hash, record.Salt, until);
    }

    /// <summary>Forgets every key with this key id (revoked or ended through this node).</summary>
    public void Invalidate(string keyId)
    {
        foreach (var pair in _entries)
        {
            if (pair.Value.Principal.KeyId == keyId)
            {
                _entries.TryRemove(pair.Key, out _);
            }
        }
    }

    private sealed record Entry(CallerPrincipal Principal, byte[] Hash, byte[] Salt, DateTimeOffset Until);
}
