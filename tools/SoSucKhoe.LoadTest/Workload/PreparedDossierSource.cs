namespace SoSucKhoe.LoadTest.Workload;

/// <summary>Every dossier signed before the run starts.</summary>
public sealed class PreparedDossierSource(IReadOnlyList<PreparedDossier> dossiers) : IDossierSource
{
    public int Count => dossiers.Count;

    public long Stalls => 0;

    public ValueTask<PreparedDossier> TakeAsync(int index, CancellationToken cancellationToken) => ValueTask.FromResult(dossiers[index]);
}
