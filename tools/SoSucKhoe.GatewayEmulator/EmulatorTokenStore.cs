using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>The tokens the emulator issued: access token → owner, id token, password hash and expiry.</summary>
internal sealed class EmulatorTokenStore(TimeProvider timeProvider)
{
    private const int PurgeThreshold = 10_000;
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public IssuedToken Issue(string username, string passwordHash, TimeSpan lifetime)
    {
        var now = timeProvider.GetUtcNow();
        if (_tokens.Count > PurgeThreshold)
        {
            foreach (var (key, value) in _tokens)
            {
                if (value.ExpiresAt <= now)
                {
                    _tokens.TryRemove(key, out _);
                }
            }
        }

        var token = new IssuedToken(
            username,
            Base64Url(RandomNumberGenerator.GetBytes(32)),
            Base64Url(RandomNumberGenerator.GetBytes(24)),
            passwordHash,
            now + lifetime);
        _tokens[token.AccessToken] = token;
        return token;
    }

    /// <summary>The live token with this access token, or null when unknown or expired.</summary>
    public IssuedToken? Find(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken) || !_tokens.TryGetValue(accessToken, out var token))
        {
            return null;
        }

        if (token.ExpiresAt <= timeProvider.GetUtcNow())
        {
            _tokens.TryRemove(accessToken, out _);
            return null;
        }

        return token;
    }

    /// <summary>Invalidates every token issued so far.</summary>
    public void ExpireAll() => _tokens.Clear();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A token the emulator issued.</summary>
internal sealed record IssuedToken(string Username, string AccessToken, string IdToken, string PasswordHash, DateTimeOffset ExpiresAt);
