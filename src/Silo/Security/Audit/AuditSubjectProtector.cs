using System.Security.Cryptography;
using System.Text;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>
/// Keeps person keys out of the audit tables: a key is stored masked (first 4 and last 2 characters, as
/// <see cref="PersonKey.Mask"/> renders it) and as a keyed hash, HMAC-SHA256 under a configured secret. The hash lets a query by
/// the exact key find the person's entries; without the secret, nobody can test guesses of the 12-digit ID against it (a plain
/// hash of a 12-digit number would be reversed by enumeration in minutes).
/// </summary>
/// <remarks>
/// The secret must stay the same for the life of the trail: entries hashed under an older secret are no longer found by
/// subject (they stay readable by every other filter). Keep it in the deployment's secret store, or let the embedded profile
/// keep it in a file beside the database (<see cref="AuditSubjectKeyFile"/>).
/// </remarks>
public sealed class AuditSubjectProtector
{
    /// <summary>The shortest accepted secret, in characters.</summary>
    public const int MinimumSecretLength = 16;

    private readonly byte[] _secret;

    /// <param name="subjectHashKey">The secret of the keyed hash (at least <see cref="MinimumSecretLength"/> characters).</param>
    public AuditSubjectProtector(string subjectHashKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectHashKey);
        if (subjectHashKey.Length < MinimumSecretLength)
        {
            throw new ArgumentException(
                $"The audit subject hash key must have at least {MinimumSecretLength} characters.", nameof(subjectHashKey));
        }

        _secret = Encoding.UTF8.GetBytes(subjectHashKey);
    }

    /// <summary>The rendering stored and shown: never the full key.</summary>
    public static string Mask(string subjectKey) => PersonKey.Mask(subjectKey);

    /// <summary>The keyed hash stored for exact look-ups: 64 lower-case hex characters.</summary>
    public string Hash(string subjectKey)
    {
        ArgumentNullException.ThrowIfNull(subjectKey);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(subjectKey)));
    }
}
