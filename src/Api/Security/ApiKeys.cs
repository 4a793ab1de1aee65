using System.Security.Cryptography;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// The API key format and its hashing. A key reads <c>ssk1.&lt;key id&gt;.&lt;secret&gt;</c>: the key id (20 hex characters) finds the
/// stored record, the secret (32 random bytes, base64url) is checked against a salted PBKDF2-SHA256 hash. Only the hash is stored.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "ssk1";
    public const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int SecretBytes = 32;
    private const int HashBytes = 32;

    /// <summary>Makes a new key and the record to store for it.</summary>
    public static (string Key, CredentialRecord Record) Create(CallerRole role, string scope, string label, DateTimeOffset now)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var record = new CredentialRecord(keyId, role, scope, salt, Hash(secret, salt, Iterations), Iterations, now, null, null, label);
        return ($"{Prefix}.{keyId}.{secret}", record);
    }

    /// <summary>Makes the record for a key given from outside (the bootstrap admin key from configuration).</summary>
    public static CredentialRecord RecordFor(string key, CallerRole role, string scope, string label, DateTimeOffset now)
    {
        if (!TryParse(key, out var keyId, out var secret))
        {
            throw new InvalidOperationException($"A key must read {Prefix}.<20 hex characters>.<secret of at least 32 characters>.");
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new CredentialRecord(keyId, role, scope, salt, Hash(secret, salt, Iterations), Iterations, now, null, null, label);
    }

    /// <summary>Splits a key into its id and secret; false for anything that is not a well-formed key.</summary>
    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = string.Empty;
        secret = string.Empty;
        if (key is null || key.Length > 200)
        {
            return false;
        }

        var parts = key.Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || parts[1].Length != 20 || !parts[1].All(char.IsAsciiHexDigitLower)
            || parts[2].Length < 32 || !parts[2].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        keyId = parts[1];
        secret = parts[2];
        return true;
    }

    /// <summary>Checks a secret against a stored record in constant time.</summary>
    public static bool Verify(CredentialRecord record, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret, record.Salt, record.Iterations), record.Hash);

    private static byte[] Hash(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
