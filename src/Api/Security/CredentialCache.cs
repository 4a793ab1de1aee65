using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// Remembers keys that verified recently, so that the slow hash runs once per key and minute rather than once per request.
/// The cache is keyed by a SHA-256 of the whole key (never the key itself); revocation through this node removes the entry at
/// once, and the short lifetime bounds how long another node may still accept a key revoked elsewhere.
/// </summary>
public sealed class CredentialCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out CallerPrincipal principal)
    {
        if (_entries.TryGetValue(Fingerprint(key), out var entry) && entry.Until > time.GetUtcNow())
        {
            principal = entry.Principal;
            return true;
        }

        principal = null!;
        return false;
    }

    public void Add(string key, CallerPrincipal principal, DateTimeOffset? notAfter)
    {
        var until = time.GetUtcNow() + Lifetime;
        if (notAfter is { } end && end < until)
        {
            until = end;
        }

        if (_entries.Count > 100_000)
        {
            _entries.Clear();
        }

        _entries[Fingerprint(key)] = new Entry(principal, until);
    }

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

    private static string Fingerprint(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed record Entry(CallerPrincipal Principal, DateTimeOffset Until);
}
