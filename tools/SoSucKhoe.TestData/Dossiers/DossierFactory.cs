namespace SoSucKhoe.TestData;

/// <summary>
/// Seeded source of episodes. Each episode's content depends only on (factory seed, sequence number,
/// citizen, facility, visit type, arrival, options); the sequence comes from
/// <see cref="DossierOptions.Sequence"/> or from the factory's counter (1, 2, 3, …, thread-safe).
/// Same seed and same calls in the same order give byte-identical unsigned documents.
/// </summary>
public sealed class DossierFactory(int seed)
{
    private const long EpisodeStream = 3;
    private long _counter;

    public int Seed => seed;

    /// <summary>A builder for one episode (use it to get both the dossier and the check-in).</summary>
    public DossierBuilder NewEpisode(
        SyntheticCitizen citizen,
        SyntheticFacility facility,
        string visitType,
        DateTimeOffset arrival,
        DossierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        ArgumentNullException.ThrowIfNull(facility);
        options ??= DossierOptions.Default;
        var sequence = options.Sequence ?? Interlocked.Increment(ref _counter);
        return new DossierBuilder(SeedMixer.Mix(seed, EpisodeStream, sequence), sequence, citizen, facility, visitType, arrival, options);
    }

    /// <summary>Builds the dossier of one episode.</summary>
    public GeneratedDossier Create(
        SyntheticCitizen citizen,
        SyntheticFacility facility,
        string visitType,
        DateTimeOffset arrival,
        DossierOptions? options = null) =>
        NewEpisode(citizen, facility, visitType, arrival, options).BuildDossier();

    /// <summary>Builds the dossier and the check-in of one episode.</summary>
    public GeneratedEpisode CreateEpisode(
        SyntheticCitizen citizen,
        SyntheticFacility facility,
        string visitType,
        DateTimeOffset arrival,
        DossierOptions? options = null) =>
        NewEpisode(citizen, facility, visitType, arrival, options).Build();
}
