namespace SoSucKhoe.Grains.Security;

/// <summary>
/// Where the key that protects stored secrets comes from (configuration section "Secrets"). One of <see cref="Key"/> or
/// <see cref="KeyFile"/> must be set; every silo of a cluster needs the same key.
/// </summary>
public sealed class SecretsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Secrets";

    /// <summary>The 256-bit key, base64 (for tests and secret stores that inject it); wins over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the base64 key. The embedded profile defaults it to <c>&lt;Hub:DataDirectory&gt;/secrets.key</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// When true and <see cref="KeyFile"/> does not exist, a new random key is written there (owner read/write only). The embedded
    /// profile sets it; a cluster must distribute one key file to every node instead.
    /// </summary>
    public bool CreateKeyFileIfMissing { get; set; }
}
