using SoSucKhoe.TestData;

namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// Builds the synthetic province and signs every dossier before the run (signing is not what is measured). Deterministic for a
/// seed except for the signatures (test keys are random per process).
/// </summary>
public sealed class WorkloadGenerator(int seed, int facilityCount, int citizenCount)
{
    private static readonly DateTimeOffset LatestArrival = DateTimeOffset.UtcNow.AddDays(-20);

    public SyntheticProvince Province { get; } =
        new ProvinceGenerator(seed, new ProvinceOptions { FacilityCount = facilityCount, CitizenCount = citizenCount }).Generate();

    public IReadOnlyList<PreparedDossier> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var facilities = Province.Facilities;
        // Certificate keys are slow to make: one per facility, before the parallel part.
        foreach (var facility in facilities)
        {
            _ = FacilityCertificates.For(facility);
        }

        var factory = new DossierFactory(seed);
        var result = new PreparedDossier[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + i));
            var visitType = VisitMix.Pick(random.NextDouble());
            var offering = facilities.Where(f => f.Offers(visitType)).ToList();
            if (offering.Count == 0)
            {
                visitType = VisitTypes.OutpatientExam;
                offering = [.. facilities];
            }

            var facility = offering[random.Next(offering.Count)];
            var citizen = Province.Citizens[random.Next(Province.Citizens.Count)];
            var arrival = LatestArrival.AddMinutes(-random.Next(0, 60 * 24 * 60));
            var dossier = factory.Create(citizen, facility, visitType, arrival, new DossierOptions { Sequence = i + 1L });
            result[i] = new PreparedDossier(facility.Code, visitType, dossier.Payload);
        });
        return result;
    }
}
