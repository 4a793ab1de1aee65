using SoSucKhoe.TestData;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Clean, signed test dossiers for a facility's conformance run: each one a different episode (its own MA_LK), so each has its
/// own content hash, signed with the facility's default test certificate (<see cref="FacilityCertificates.For(string)"/>).
/// </summary>
public static class ConformanceDossiers
{
    private static readonly DateTimeOffset Arrival = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly ProvinceGenerator s_province = new(seed: 3303, new ProvinceOptions { FacilityCount = 2, CitizenCount = 2_000 });
    private static readonly DossierFactory s_dossiers = new(seed: 3303);
    private static long s_sequence = 1_000_000;
    private static long s_citizen;

    /// <summary>A new clean dossier of <paramref name="facilityCode"/> (visit type 01), signed unless told otherwise.</summary>
    public static GeneratedDossier Next(string facilityCode, DossierOptions? options = null) =>
        s_dossiers.Create(NextCitizen(), Facility(facilityCode), "01", Arrival,
            (options ?? DossierOptions.Default) with { Sequence = Interlocked.Increment(ref s_sequence) });

    /// <summary>A synthetic facility carrying <paramref name="facilityCode"/>.</summary>
    public static SyntheticFacility Facility(string facilityCode) => s_province.Facilities()[0] with { Code = facilityCode };

    /// <summary>The next insured citizen born before the episodes' year, with a complete birth date and a determined sex.</summary>
    private static SyntheticCitizen NextCitizen()
    {
        while (true)
        {
            var citizen = s_province.CitizenAt(Interlocked.Increment(ref s_citizen) % s_province.Options.CitizenCount);
            if (citizen.IsInsured && citizen.BirthDate.IsComplete && citizen.BirthDate.Year < Arrival.Year && citizen.Sex != Sex.Undetermined)
            {
                return citizen;
            }
        }
    }
}
