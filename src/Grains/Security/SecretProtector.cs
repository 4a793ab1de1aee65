using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SoSucKhoe.Grains.Security;

/// <summary>
/// AES-256-GCM: the protected text is base64 of nonce (12 bytes) | tag (16 bytes) | ciphertext. A fixed context string is bound as
/// associated data, so a ciphertext made for another purpose with the same key does not decrypt here.
/// </summary>
public sealed class SecretProtector : ISecretProtector
{
    /// <summary>Key size in bytes (256 bits).</summary>
    public const int KeySize = 32;

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] s_context = "sosuckhoe.secret.v1"u8.ToArray();

    private readonly byte[] _key;

    /// <summary>Uses a 256-bit key.</summary>
    public SecretProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"The key must be {KeySize} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>Takes the key from <see cref="SecretsOptions"/> (inline key, else key file).</summary>
    public SecretProtector(IOptions<SecretsOptions> options)
        : this(LoadKey(options.Value))
    {
    }

    /// <inheritdoc />
    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + clear.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), s_context);
        CryptographicOperations.ZeroMemory(clear);
        return Convert.ToBase64String(output);
    }

    /// <inheritdoc />
    public string Unprotect(string protectedText)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        byte[] input;
        try
        {
            input = Convert.FromBase64String(protectedText);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("The protected secret is not base64.", exception);
        }

        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected secret is too short.");
        }

        var clear = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), clear, s_context);
        var text = Encoding.UTF8.GetString(clear);
        CryptographicOperations.ZeroMemory(clear);
        return text;
    }

    /// <summary>Decodes a base64 256-bit key; <paramref name="source"/> names where it came from in the error.</summary>
    public static byte[] DecodeKey(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The key in {source} is not base64.");
        }

        return key.Length == KeySize
            ? key
            : throw new InvalidOperationException($"The key in {source} must be {KeySize} bytes (base64 of 256 bits), not {key.Length}.");
    }

    private static byte[] LoadKey(SecretsOptions options)
    {
        if (options.Key is { Length: > 0 } inline)
        {
            return DecodeKey(inline, "Secrets:Key");
        }

        if (options.KeyFile is { Length: > 0 } file)
        {
            return SecretKeyFile.Load(file, options.CreateKeyFileIfMissing);
        }

        throw new InvalidOperationException("No key protects stored secrets: set Secrets:KeyFile (or Secrets:Key).");
    }
}
