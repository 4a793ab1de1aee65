using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Verification;

/// <summary>A dossier's identity: the facility, the episode (MA_LK) and SHA-256 of its exact bytes.</summary>
public readonly record struct DossierKey(string Facility, string MaLk, ContentHash Sha256)
{
    /// <summary>The hub's dossier id, <c>MA_CSKCB:MA_LK</c>.</summary>
    public string DossierId => Facility + ":" + MaLk;

    /// <summary><c>MA_CSKCB:MA_LK</c> and the first 12 hex characters of the hash.</summary>
    public override string ToString()
    {
        var hash = Sha256.ToString();
        return $"{DossierId} sha256:{(hash.Length > 12 ? hash[..12] : hash)}";
    }
}
