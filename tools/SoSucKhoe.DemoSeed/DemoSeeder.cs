using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.TestData;
using DemoLevel = SoSucKhoe.TestData.FacilityLevel;
using FacilityLevel = SoSucKhoe.Api.V1.FacilityLevel;
using FacilitiesApi = SoSucKhoe.Api.V1.Facilities;
using MonitoringApi = SoSucKhoe.Api.V1.Monitoring;

namespace SoSucKhoe.DemoSeed;

/// <summary>What one run did.</summary>
public sealed record DemoSeedResult(
    IReadOnlyDictionary<DemoStage, int> Planned,
    int Registered,
    int AlreadyThere,
    int ConformanceDossiers,
    int ProductionDossiers,
    int Failed,
    ProvinceReadiness Readiness,
    int Alerts);

/// <summary>
/// The seed would have to change facilities it did not create (a code of its range is taken by another facility): it refused
/// before changing anything.
/// </summary>
public sealed class DemoSeedRefusedException(string message) : Exception(message);

/// <summary>
/// Builds the demo province in a running hub, entirely through its public gRPC API with an admin key: a province of today (the
/// new Đồng Nai by default) whose facilities come from the provinces it was formed from (Bình Phước 70 and Đồng Nai 75), each
/// registered where it was before the 2025 reform (province, district, commune of the 2024 list) and, from 01/07/2025, in
/// today's commune; then issues connection codes, declares conditions, registers signing certificates, proves "HIS configured" with
/// conformance dossiers, sends production dossiers with the facility keys, suspends a few. A facility already at (or past) its
/// planned stage is left alone, so the seed can be run again. The demo keeps to its own codes (<see
/// cref="DemoSeedOptions.FirstFacilityNumber"/> onwards) and recognises its facilities by <see cref="NameMarker"/> at the end of
/// their names: a facility of its range without it belongs to someone else, and the seed then refuses to run.
/// </summary>
public sealed class DemoSeeder(DemoSeedOptions options, TextWriter log)
{
    /// <summary>How every facility the demo registers ends its name, and how the seed recognises its own.</summary>
    public const string NameMarker = "(mô phỏng, demo seed)";

    private const string GeneratorMarker = "(mô phỏng)";

    private static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);
    private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
    private string _ranges = string.Empty;

    /// <summary>Runs the seed and waits (up to <paramref name="settle"/>) for live facilities to be acknowledged by the gateway.</summary>
    public async Task<DemoSeedResult> RunAsync(TimeSpan settle, CancellationToken cancellation)
    {
        var units = ShippedCatalogues.AdministrativeUnits;
        var today = units.Latest is { } latest && latest.FindProvince(options.ProvinceCode) is not null ? latest
            : throw new ArgumentException($"--province {options.ProvinceCode} is not a province of the current administrative-unit list.");

        // One generator per former province, each with its share of the facilities; codes keep the former province's prefix.
        var formers = today.FormerProvinceCodes(options.ProvinceCode);
        var generators = formers.Select((former, i) => new ProvinceGenerator(options.Seed + i, new ProvinceOptions
        {
            ProvinceCode = former,
            BirthProvinceCode = "0" + former,
            FacilityCount = (options.Facilities / formers.Count) + (i < options.Facilities % formers.Count ? 1 : 0),
            FirstFacilityNumber = DemoSeedOptions.FirstFacilityNumber,
            CitizenCount = Math.Max(2_000, options.Facilities * 40 / formers.Count),
        })).Where(g => g.Options.FacilityCount > 0).ToDictionary(g => g.Options.ProvinceCode, StringComparer.Ordinal);
        _ranges = string.Join(", ", generators.Values.Select(g => $"{g.Facilities()[0].Code}-{g.Facilities()[^1].Code}"));
        log.WriteLine($"Demo seed: hub {options.Hub}, admin key from {options.AdminKeySource}, province {options.ProvinceCode}, facilities {_ranges}");
        var adminKey = options.ReadAdminKey();
        var plan = DemoPlan.Deal(generators.Values.SelectMany(g => g.Facilities()).ToList(), options.Seed);
        var name = units.ProvinceName(options.ProvinceCode, DateOnly.FromDateTime(DateTime.UtcNow.Add(LocalOffset)));
        log.WriteLine($"Demo province {options.ProvinceCode} ({name}, formed from {string.Join(" and ", formers)}): {plan.Count} facilities in "
            + $"{plan.Select(p => p.Facility.CurrentCommuneCode).Distinct().Count()} communes of today ({plan.Select(p => p.Facility.DistrictCode).Distinct().Count()} former districts); "
            + string.Join(", ", plan.GroupBy(p => p.Stage).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));

        using var channel = GrpcChannel.ForAddress(options.Hub);
        var admin = With(channel, adminKey);
        var patients = generators.ToDictionary(g => g.Key, g => new Patients(g.Value), StringComparer.Ordinal);
        var dossiers = new DossierFactory(options.Seed);
        using var gate = new SemaphoreSlim(options.Parallelism);
        var existing = await FindAllAsync(new FacilitiesApi.FacilitiesClient(admin), plan, gate, cancellation);
        var failed = 0;
        await Task.WhenAll(plan.Select(async facility =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                await SeedAsync(channel, admin, facility, existing.GetValueOrDefault(facility.Facility.Code), patients[facility.Facility.ProvinceCode],
                    dossiers, today.ProvinceFormedFrom(facility.Facility.ProvinceCode)!, today.ValidFrom, cancellation);
            }
            catch (RpcException exception)
            {
                Interlocked.Increment(ref failed);
                lock (log)
                {
                    log.WriteLine($"  {facility.Facility.Code}: {exception.StatusCode} {exception.Status.Detail}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        var monitoring = new MonitoringApi.MonitoringClient(admin);
        var live = plan.Count(p => p.Stage == DemoStage.Live);
        var readiness = await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest { ProvinceCode = options.ProvinceCode }, cancellationToken: cancellation);
        var deadline = DateTime.UtcNow + settle;
        while (Count(readiness, ReadinessState.Live) < live && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            readiness = await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest { ProvinceCode = options.ProvinceCode }, cancellationToken: cancellation);
        }

        var alerts = await monitoring.ListAlertsAsync(new ListAlertsRequest { ProvinceCode = options.ProvinceCode }, cancellationToken: cancellation);
        return new DemoSeedResult(
            plan.GroupBy(p => p.Stage).ToDictionary(g => g.Key, g => g.Count()),
            _counters.GetValueOrDefault("registered"),
            _counters.GetValueOrDefault("already"),
            _counters.GetValueOrDefault("conformance"),
            _counters.GetValueOrDefault("production"),
            failed,
            readiness,
            alerts.Alerts.Count);
    }

    /// <summary>The number of facilities in a state.</summary>
    public static int Count(ProvinceReadiness readiness, ReadinessState state) =>
        readiness.Total.ByState.SingleOrDefault(s => s.State == state)?.Facilities ?? 0;

    /// <summary>True when the facility was registered by the demo seed (its name ends with <see cref="NameMarker"/>).</summary>
    public static bool IsDemoFacility(Facility facility) => facility.Name.EndsWith(NameMarker, StringComparison.Ordinal);

    /// <summary>The name the demo registers a synthetic facility under: the generator's name, marked as the demo's.</summary>
    public static string DemoName(SyntheticFacility facility)
    {
        var name = facility.Name.EndsWith(GeneratorMarker, StringComparison.Ordinal) ? facility.Name[..^GeneratorMarker.Length].TrimEnd() : facility.Name;
        return $"{name} {NameMarker}";
    }

    /// <summary>
    /// The facilities of the plan that are registered already, by code; refuses (before anything is changed) when one of them
    /// was not created by the seed.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Facility>> FindAllAsync(FacilitiesApi.FacilitiesClient facilities, IReadOnlyList<DemoFacility> plan,
        SemaphoreSlim gate, CancellationToken cancellation)
    {
        var found = await Task.WhenAll(plan.Select(async p =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                return await FindAsync(facilities, p.Facility.Code, cancellation);
            }
            finally
            {
                gate.Release();
            }
        }));
        var existing = found.OfType<Facility>().ToDictionary(f => f.FacilityCode, StringComparer.Ordinal);
        var foreign = existing.Values.Where(f => !IsDemoFacility(f)).OrderBy(f => f.FacilityCode, StringComparer.Ordinal).ToList();
        if (foreign.Count > 0)
        {
            throw new DemoSeedRefusedException(
                $"{foreign.Count} facilit{(foreign.Count == 1 ? "y" : "ies")} of the demo's codes {_ranges} "
                + $"{(foreign.Count == 1 ? "was" : "were")} not created by the demo seed: "
                + string.Join(", ", foreign.Take(5).Select(f => $"{f.FacilityCode} \"{f.Name}\"")) + (foreign.Count > 5 ? ", …" : string.Empty)
                + $". The seed changes only facilities it created (their names end with \"{NameMarker}\"), so it changed nothing. "
                + "Give another --province, or fewer --facilities.");
        }

        return existing;
    }

    private async Task SeedAsync(GrpcChannel channel, CallInvoker admin, DemoFacility plan, Facility? existing, Patients patients,
        DossierFactory dossiers, string province, DateOnly reform, CancellationToken cancellation)
    {
        var facilities = new FacilitiesApi.FacilitiesClient(admin);
        var code = plan.Facility.Code;
        var random = new Random(plan.Seed);
        if (existing is not null && Reached(existing, plan.Stage))
        {
            Count("already");
            return;
        }

        Facility facility;
        if (existing is not null)
        {
            facility = existing;
        }
        else
        {
            await facilities.RegisterFacilityAsync(Registration(plan.Facility), cancellationToken: cancellation);
            // From the reform on, the facility is in today's province and commune (no district level).
            facility = await facilities.ScheduleLocationAsync(new ScheduleLocationRequest
            {
                FacilityCode = code,
                EffectiveFrom = reform.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ProvinceCode = province,
                CommuneCode = plan.Facility.CurrentCommuneCode ?? string.Empty,
            }, cancellationToken: cancellation);
            Count("registered");
        }

        if (plan.Stage == DemoStage.Registered)
        {
            return;
        }

        var signs = plan.Stage != DemoStage.Preparing || random.Next(2) == 0;
        if (signs)
        {
            // Keys are per process: register this run's certificate (idempotent by thumbprint).
            await facilities.AddSigningCertificateAsync(new AddSigningCertificateRequest
            {
                FacilityCode = code,
                CertificatePem = FacilityCertificates.For(code).ExportCertificatePem(),
            }, cancellationToken: cancellation);
        }

        string facilityKey;
        if (facility.ConnectionCode is null || facility.ConnectionCode.Code.Length == 0)
        {
            var issued = await facilities.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = code, KeyLabel = "demo seed" },
                cancellationToken: cancellation);
            facilityKey = issued.FacilityKey.Key;
        }
        else
        {
            var credentials = new Credentials.CredentialsClient(admin);
            facilityKey = (await credentials.IssueFacilityKeyAsync(new IssueFacilityKeyRequest { FacilityCode = code, Label = "demo seed" },
                cancellationToken: cancellation)).Key;
        }

        var intake = new Intake.IntakeClient(With(channel, facilityKey));
        if (plan.Stage == DemoStage.Preparing)
        {
            await DeclareAsync(facilities, code, random, complete: false, cancellation);
            if (signs)
            {
                await ConformanceAsync(intake, plan.Facility, patients, dossiers, random.Next(1, 4), cancellation);
            }

            return;
        }

        await DeclareAsync(facilities, code, random, complete: true, cancellation);
        await ConformanceAsync(intake, plan.Facility, patients, dossiers, int.MaxValue, cancellation);
        if (plan.CertificateExpiresInDays is { } days)
        {
            var now = DateTimeOffset.UtcNow;
            await facilities.AddSigningCertificateAsync(new AddSigningCertificateRequest
            {
                FacilityCode = code,
                CertificatePem = FacilityCertificates.Create(code, now.AddDays(-300), now.AddDays(days)).ExportCertificatePem(),
            }, cancellationToken: cancellation);
        }

        foreach (var capability in plan.Phase2)
        {
            await facilities.UpdateConditionAsync(new UpdateConditionRequest
            {
                FacilityCode = code,
                Condition = capability,
                State = ConditionState.Met,
                Evidence = $"Biên bản kiểm tra số {random.Next(10, 300)}/BB-SYT",
            }, cancellationToken: cancellation);
        }

        if (plan.Stage == DemoStage.Live)
        {
            await ProductionAsync(intake, plan.Facility, patients, dossiers, random, cancellation);
        }
        else if (plan.Stage == DemoStage.Suspended)
        {
            await facilities.SuspendFacilityAsync(new SuspendFacilityRequest
            {
                FacilityCode = code,
                Reason = "Tạm dừng liên thông chờ kiểm tra an toàn thông tin (dữ liệu mô phỏng)",
            }, cancellationToken: cancellation);
        }
    }

    private static RegisterFacilityRequest Registration(SyntheticFacility facility)
    {
        var request = new RegisterFacilityRequest
        {
            FacilityCode = facility.Code,
            Name = DemoName(facility),
            ProvinceCode = facility.ProvinceCode,
            DistrictCode = facility.DistrictCode,
            CommuneCode = facility.CommuneCode ?? string.Empty,
            Level = facility.Level switch
            {
                DemoLevel.ProvincialHospital => FacilityLevel.Province,
                DemoLevel.CommuneHealthStation => FacilityLevel.Commune,
                _ => FacilityLevel.District,
            },
            Ownership = facility.Level is DemoLevel.PrivateClinic or DemoLevel.PrivateHospital ? FacilityOwnership.Private : FacilityOwnership.Public,
            // Private clinics without an insured-care contract exist; every third one here.
            InsuredCareContract = facility.Level != DemoLevel.PrivateClinic || facility.Code[^1] % 3 != 0,
            LocationEffectiveFrom = "2024-06-11",
        };
        request.CareTypes.Add(facility.CareTypes.Select(CareTypeOf).Distinct().Order());
        return request;
    }

    private static CareType CareTypeOf(string visitType) => visitType switch
    {
        "02" or "05" or "08" => CareType.OutpatientTreatment,
        "07" => CareType.DrugRefill,
        "03" or "06" or "09" => CareType.Inpatient,
        "04" => CareType.DayCare,
        "14" => CareType.Telemedicine,
        _ => CareType.OutpatientExam,
    };

    private static async Task DeclareAsync(FacilitiesApi.FacilitiesClient facilities, string code, Random random, bool complete, CancellationToken cancellation)
    {
        ReadinessCondition[] declared =
        [
            ReadinessCondition.PlanApproved, ReadinessCondition.InternalRegulation, ReadinessCondition.StaffTrained, ReadinessCondition.NetworkSecurity,
        ];
        foreach (var condition in declared)
        {
            var state = complete ? ConditionState.Met : (ConditionState)random.Next(0, 3);
            if (state == ConditionState.NotStarted)
            {
                continue;
            }

            var update = new UpdateConditionRequest
            {
                FacilityCode = code,
                Condition = condition,
                State = state,
                Evidence = condition switch
                {
                    ReadinessCondition.PlanApproved => $"Kế hoạch số {random.Next(10, 400)}/KH-{code}",
                    ReadinessCondition.InternalRegulation => $"Quyết định số {random.Next(10, 400)}/QĐ-{code} ban hành quy chế",
                    ReadinessCondition.StaffTrained => "Danh sách tập huấn ngày " + DateTime.UtcNow.AddDays(-random.Next(5, 200)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                    _ => "Phương án bảo đảm an toàn thông tin cấp độ 2",
                },
            };
            if (condition == ReadinessCondition.StaffTrained)
            {
                update.Share = state == ConditionState.Met ? 0.8 + (random.Next(0, 21) / 100.0) : random.Next(10, 70) / 100.0;
            }

            await facilities.UpdateConditionAsync(update, cancellationToken: cancellation);
        }
    }

    private async Task ConformanceAsync(Intake.IntakeClient intake, SyntheticFacility facility, Patients patients, DossierFactory dossiers,
        int most, CancellationToken cancellation)
    {
        var arrival = DateTimeOffset.UtcNow.ToOffset(LocalOffset).Date.AddDays(-40).AddHours(8);
        for (var i = 0; i < Math.Min(most, 30); i++)
        {
            var dossier = dossiers.Create(patients.Next(insured: true), facility, VisitTypes.OutpatientExam, new DateTimeOffset(arrival, LocalOffset));
            var report = await intake.SubmitConformanceDossierAsync(new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(dossier.Signed) },
                cancellationToken: cancellation);
            Count("conformance");
            if (!report.Passed)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    "a clean conformance dossier did not pass: " + string.Join("; ", report.Violations.Take(3).Select(v => v.Field + " " + v.Description))));
            }

            if (report.HisConfigured)
            {
                return;
            }
        }
    }

    private async Task ProductionAsync(Intake.IntakeClient intake, SyntheticFacility facility, Patients patients, DossierFactory dossiers, Random random,
        CancellationToken cancellation)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(LocalOffset).Date;
        for (var i = 0; i < options.DossiersPerLiveFacility; i++)
        {
            var visitType = facility.CareTypes[random.Next(facility.CareTypes.Count)];
            var arrival = new DateTimeOffset(today.AddDays(-random.Next(20, 150)).AddHours(7).AddMinutes(random.Next(0, 600)), LocalOffset);
            var dossier = dossiers.Create(patients.Next(insured: random.Next(10) > 0), facility, visitType, arrival);
            await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Signed) }, cancellationToken: cancellation);
            Count("production");
        }
    }

    private static async Task<Facility?> FindAsync(FacilitiesApi.FacilitiesClient facilities, string code, CancellationToken cancellation)
    {
        try
        {
            return await facilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code }, cancellationToken: cancellation);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>True when the facility is already at or past the planned stage.</summary>
    private static bool Reached(Facility facility, DemoStage stage) => stage switch
    {
        DemoStage.Registered => true,
        DemoStage.Preparing => facility.State != ReadinessState.Registered,
        DemoStage.Ready => facility.State is ReadinessState.Ready or ReadinessState.Live or ReadinessState.Suspended,
        DemoStage.Live => facility.State is ReadinessState.Live or ReadinessState.Suspended || facility.FirstAcknowledgedAt is not null,
        _ => facility.State == ReadinessState.Suspended,
    };

    private void Count(string counter) => _counters.AddOrUpdate(counter, 1, (_, n) => n + 1);

    private static CallInvoker With(GrpcChannel channel, string key) => channel.Intercept(metadata =>
    {
        metadata.Add("authorization", "Bearer " + key);
        return metadata;
    });

    /// <summary>Patients the validator accepts (complete birth date well before the visits, a determined sex), insured or not.</summary>
    private sealed class Patients(ProvinceGenerator province)
    {
        private long _next;

        public SyntheticCitizen Next(bool insured)
        {
            while (true)
            {
                var citizen = province.CitizenAt(Interlocked.Increment(ref _next) % province.Options.CitizenCount);
                if (citizen.IsInsured == insured && citizen.BirthDate.IsComplete && citizen.BirthDate.Year < DateTime.UtcNow.Year - 1
                    && citizen.Sex != Sex.Undetermined)
                {
                    return citizen;
                }
            }
        }
    }
}
