namespace SoSucKhoe.LoadTest.Workload;

/// <summary>Hands out the pre-signed dossier of each request index.</summary>
public interface IDossierSource
{
    /// <summary>How many dossiers the source has.</summary>
    int Count { get; }

    /// <summary>How many times a request had to wait for its dossier to be signed (always 0 for a fully prepared source).</summary>
    long Stalls { get; }

    /// <summary>The dossier of request <paramref name="index"/>; each index is taken once.</summary>
    ValueTask<PreparedDossier> TakeAsync(int index, CancellationToken cancellationToken);
}
