using Google.Protobuf.WellKnownTypes;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;

namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// Builds the synthetic province and signs dossiers before they are sent (signing is not what is measured). Dossier <c>i</c>
/// depends only on (seed, i) except for the signatures (test keys are random per process). Citizens are drawn lazily by index
/// (<see cref="ProvinceGenerator.CitizenAt"/>), so a million citizens cost nothing up front.
/// </summary>
/// <param name="seed">Seed of the province and of the dossiers.</param>
/// <param name="facilityCount">Facilities in the province.</param>
/// <param name="citizenCount">Citizens to draw patients from.</param>
/// <param name="checkInShare">Share of visits in [0, 1] that start with Intake.CheckIn.</param>
/// <param name="sizeMix">Dossier size classes; null keeps the visit-type mix of <see cref="VisitMix"/> with plausible sizes.</param>
/// <param name="citizenOrder">How dossiers pick their citizens: at random, or each of the first N to a different one.</param>
public sealed class WorkloadGenerator(
    int seed, int facilityCount, int citizenCount, double checkInShare = 0, SizeMix? sizeMix = null, CitizenOrder citizenOrder = CitizenOrder.Random)
{
    private static readonly DateTimeOffset LatestArrival = DateTimeOffset.UtcNow.AddDays(-20);
    private static readonly string[] OutpatientTypes = ["01", "01", "01", "01", "01", "01", "01", "02", "05", "07"];
    private static readonly string[] InpatientTypes = ["03", "03", "03", "04", "09"];

    private readonly ProvinceGenerator _province =
        new(seed, new ProvinceOptions { FacilityCount = facilityCount, CitizenCount = citizenCount });

    private readonly DossierFactory _factory = new(seed);
    private readonly CitizenPermutation? _distinct = citizenOrder == CitizenOrder.Distinct ? new CitizenPermutation(citizenCount, seed) : null;
    private bool _certificatesReady;

    /// <summary>The province's facilities.</summary>
    public IReadOnlyList<SyntheticFacility> Facilities => _province.Facilities();

    /// <summary>Signs dossiers <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 in parallel.</summary>
    public IReadOnlyList<PreparedDossier> Generate(int count, int first = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureCertificates();
        var result = new PreparedDossier[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => result[i] = Create(first + i));
        return result;
    }

    /// <summary>Builds and signs dossier <paramref name="index"/> (thread-safe).</summary>
    public PreparedDossier Create(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        EnsureCertificates();
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var size = sizeMix?.Pick(random.NextDouble()) ?? DossierSize.Outpatient;
        var visitType = sizeMix is null
            ? VisitMix.Pick(random.NextDouble())
            : size switch
            {
                DossierSize.Outpatient => OutpatientTypes[random.Next(OutpatientTypes.Length)],
                DossierSize.Inpatient => InpatientTypes[random.Next(InpatientTypes.Length)],
                _ => VisitTypes.Inpatient,
            };
        var facilities = Facilities;
        var offering = facilities.Where(f => f.Offers(visitType)).ToList();
        if (offering.Count == 0)
        {
            visitType = VisitTypes.OutpatientExam;
            offering = [.. facilities];
        }

        var facility = offering[random.Next(offering.Count)];
        var drawn = random.NextInt64(citizenCount);
        var citizen = _province.CitizenAt(_distinct?.CitizenAt(index) ?? drawn);
        var arrival = LatestArrival.AddMinutes(-random.Next(0, 60 * 24 * 60));
        var options = new DossierOptions { Sequence = index + 1L };
        if (size == DossierSize.Long)
        {
            options = options with
            {
                LengthOfStayDays = random.Next(30, 91),
                DrugRows = random.Next(150, 401),
                ServiceRows = random.Next(150, 401),
            };
        }

        var checkIn = random.NextDouble() < checkInShare;
        var builder = _factory.NewEpisode(citizen, facility, visitType, arrival, options);
        if (!checkIn)
        {
            var alone = builder.BuildDossier();
            return new PreparedDossier(facility.Code, visitType, alone.Payload)
            {
                Size = size,
                MaLk = alone.MaLk,
                Sha256 = ContentHash.Of(alone.Payload),
            };
        }

        var episode = builder.Build();
        var request = new CheckInRequest
        {
            FacilityCode = facility.Code,
            MaLk = episode.CheckIn.MaLk,
            Patient = new PatientIdentity { PersonalId = citizen.PersonalId },
            VisitType = visitType,
            ArrivalTime = Timestamp.FromDateTimeOffset(arrival),
            CheckInDocument = Google.Protobuf.ByteString.CopyFrom(episode.CheckIn.Payload),
        };
        if (citizen.Card is { } card)
        {
            request.Patient.InsuranceCard = card.Number;
        }

        return new PreparedDossier(facility.Code, visitType, episode.Dossier.Payload)
        {
            CheckIn = request,
            Size = size,
            MaLk = episode.Dossier.MaLk,
            Sha256 = ContentHash.Of(episode.Dossier.Payload),
        };
    }

    private void EnsureCertificates()
    {
        if (Volatile.Read(ref _certificatesReady))
        {
            return;
        }

        // Certificate keys are slow to make: one per facility, before any parallel part.
        lock (_factory)
        {
            foreach (var facility in Facilities)
            {
                _ = FacilityCertificates.For(facility);
            }

            Volatile.Write(ref _certificatesReady, true);
        }
    }
}
