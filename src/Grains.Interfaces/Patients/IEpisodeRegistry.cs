namespace SoSucKhoe.Patients;

/// <summary>
/// Which person each episode of care (<c>MA_CSKCB:MA_LK</c>, see <see cref="EpisodeKey"/>) is filed under, so that a status query
/// by dossier id finds the patient grain, and so that the same MA_LK cannot be filed under two people. The first claim wins and
/// never changes.
/// </summary>
public interface IEpisodeRegistry
{
    /// <summary>
    /// Files the episode under the person unless it is already filed, durably before it returns; returns the person it is filed
    /// under (another person's key means the claim was refused).
    /// </summary>
    Task<string> ClaimAsync(string facilityCode, string maLk, string personKey);

    /// <summary>The person the episode is filed under, or null.</summary>
    Task<string?> FindAsync(string facilityCode, string maLk);
}

/// <summary>Keys of episodes and the public dossier ids derived from them.</summary>
public static class EpisodeKey
{
    /// <summary>The episode key and dossier id: the 5-character facility code, a colon, then MA_LK as the facility wrote it.</summary>
    public static string Create(string facilityCode, string maLk) => facilityCode + ":" + maLk;

    /// <summary>Splits a dossier id into facility code and MA_LK.</summary>
    public static bool TryParse(string? dossierId, out string facilityCode, out string maLk)
    {
        facilityCode = string.Empty;
        maLk = string.Empty;
        if (dossierId is null)
        {
            return false;
        }

        var colon = dossierId.IndexOf(':');
        if (colon <= 0 || colon == dossierId.Length - 1)
        {
            return false;
        }

        facilityCode = dossierId[..colon];
        maLk = dossierId[(colon + 1)..];
        return true;
    }
}
