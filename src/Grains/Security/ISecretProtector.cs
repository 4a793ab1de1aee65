namespace SoSucKhoe.Grains.Security;

/// <summary>
/// Encrypts secrets the hub must keep but never show (a facility's gateway password) before they enter grain state, so that state
/// rows, backups and logs never hold them in clear.
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/>; every call gives a different ciphertext (random nonce). Base64 text.</summary>
    string Protect(string plaintext);

    /// <summary>Decrypts what <see cref="Protect"/> returned.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Tampered data, or another key.</exception>
    string Unprotect(string protectedText);
}
