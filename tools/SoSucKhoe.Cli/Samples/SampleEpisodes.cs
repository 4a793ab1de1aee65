using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.TestData;

namespace SoSucKhoe.Cli.Samples;

/// <summary>
/// Picks the synthetic patient and episode of a sample from the seed, so that <c>sample-dossier</c> and <c>sample-check-in</c>
/// with the same options describe the same episode (same MA_LK, patient and arrival).
/// </summary>
public static class SampleEpisodes
{
    private const int MaxIndex = 1000;

    /// <summary>
    /// The builder of the <paramref name="index"/>-th (1-based) episode of <paramref name="seed"/> at the facility: a distinct
    /// insured patient each, with a complete birth date before the arrival's year and a determined sex (what the validator needs
    /// to check the personal ID against NGAY_SINH and GIOI_TINH).
    /// </summary>
    public static DossierBuilder Builder(string facilityCode, int seed, int index, string visitType, DateTimeOffset arrival, string? maLk,
        X509Certificate2? signer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, MaxIndex);
        var province = facilityCode[..2];
        var generator = new ProvinceGenerator(seed, new ProvinceOptions
        {
            ProvinceCode = province,
            BirthProvinceCode = "0" + province,
            FacilityCount = 1,
            CitizenCount = 10 * MaxIndex,
        });
        var facility = generator.Facilities()[0] with { Code = facilityCode };
        var citizen = Patient(generator, index, arrival);
        var options = new DossierOptions
        {
            // Distinct per seed and index, so that samples of different seeds get different MA_LKs.
            Sequence = (seed % 1000 * (long)MaxIndex) + index,
            MaLk = maLk,
            Sign = signer is not null,
            SigningCertificate = signer,
        };
        return new DossierFactory(seed).NewEpisode(citizen, facility, visitType, arrival, options);
    }

    private static SyntheticCitizen Patient(ProvinceGenerator generator, int index, DateTimeOffset arrival)
    {
        var found = 0;
        for (long i = 0; i < generator.Options.CitizenCount; i++)
        {
            var citizen = generator.CitizenAt(i);
            if (citizen.IsInsured && citizen.BirthDate.IsComplete && citizen.BirthDate.Year < arrival.Year && citizen.Sex != Sex.Undetermined
                && ++found == index)
            {
                return citizen;
            }
        }

        throw new CliFailureException("no suitable synthetic patient was found for this seed; try another --seed.");
    }
}
