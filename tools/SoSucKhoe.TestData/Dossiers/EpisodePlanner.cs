using System.Globalization;
using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.TestData;

/// <summary>Turns (citizen, facility, visit type, arrival, options) and a per-episode seed into an <see cref="Episode"/>.</summary>
internal static class EpisodePlanner
{
    public const int MaxRows = 500;

    public static Episode Plan(
        int seed,
        long sequence,
        SyntheticCitizen citizen,
        SyntheticFacility facility,
        string visitType,
        DateTimeOffset arrival,
        DossierOptions options)
    {
        Validate(visitType, options);
        var random = new Random(seed);
        arrival = TruncateToMinute(arrival.ToOffset(QdFormat.LocalOffset));

        var (discharge, treatmentDays) = PlanStay(random, visitType, arrival, options);
        DateTimeOffset? inpatient = visitType switch
        {
            "03" or "04" or "06" => Min(arrival.AddMinutes(random.Next(20, 91)), discharge),
            "09" => Min(arrival.AddMinutes(random.Next(5, 31)), discharge),
            _ => null,
        };
        DateTimeOffset? payment = options.PaymentTimeKnown ? discharge.AddMinutes(random.Next(0, 91)) : null;

        var codes = options.DiagnosisCodes is { Count: > 0 } given ? given : DiagnosisCodes.Common;
        var dotted = options.DottedDiagnosisCodes ?? random.Chance(0.5);
        string Form(string code) => dotted ? DiagnosisCodes.Dotted(code) : DiagnosisCodes.Undotted(code);
        var main = Form(random.Pick(codes));
        var secondary = Enumerable.Range(0, random.Next(0, 3))
            .Select(_ => Form(random.Pick(codes)))
            .Where(c => c != main)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var stay = VisitTypes.IsInpatientStay(visitType);
        var department = stay && facility.DepartmentCodes.Count > 1
            ? facility.DepartmentCodes[1 + random.Next(facility.DepartmentCodes.Count - 1)]
            : facility.DepartmentCodes[0];
        var doctorCode = DoctorCode(facility, random.Next(1, 6));
        var doctorSex = random.Chance(0.5) ? Sex.Male : Sex.Female;
        var doctorName = VietnameseNames.Compose(random, doctorSex);

        var card = citizen.Card;
        var coverage = card?.CoveragePercent ?? 0;
        var beneficiary = card is null ? "9" : card.RegisteredFacilityCode == facility.Code ? "1.1" : "3.1";
        var localArrivalDate = QdFormat.LocalDate(arrival);
        var cardFrom = new DateOnly(localArrivalDate.Year, 1, 1);
        var cardTo = new DateOnly(localArrivalDate.Year, 12, 31);

        var drugCount = options.DrugRows ?? DefaultDrugRows(random, visitType);
        var serviceCount = options.ServiceRows ?? DefaultServiceRows(random, visitType, treatmentDays);

        var drugs = new List<DrugLine>(drugCount);
        for (var i = 0; i < drugCount; i++)
        {
            var item = random.Pick(MedicalCatalog.Drugs);
            var ordered = Between(random, arrival, discharge);
            var quantity = item.Unit == "Viên" ? random.Next(1, 61) : random.Next(1, 5);
            var cost = new CostRow(
                i + 1, quantity, item.Price, card is null ? 0 : item.Price, 100, card is null ? 0 : 100, coverage,
                department, doctorCode, ordered, Min(ordered.AddMinutes(random.Next(0, 31)), discharge), null);
            var registration = string.Create(CultureInfo.InvariantCulture, $"VD-{random.Next(10_000, 99_999)}-{random.Next(15, 25)}");
            var tender = string.Create(CultureInfo.InvariantCulture, $"{localArrivalDate.Year}.{random.Next(1, 99):D2};G1;N{random.Next(1, 6)};{localArrivalDate.Year}");
            drugs.Add(new DrugLine(cost, item, registration, tender, $"Ngày {random.Next(1, 4)} lần, mỗi lần 1 {item.Unit.ToLowerInvariant()}"));
        }

        var services = new List<ServiceLine>(serviceCount);
        for (var i = 0; i < serviceCount; i++)
        {
            ServiceItem item;
            DateTimeOffset ordered;
            if (i == 0)
            {
                item = MedicalCatalog.Exam;
                ordered = arrival;
            }
            else if (stay && i <= treatmentDays)
            {
                item = MedicalCatalog.BedDay;
                ordered = Min((inpatient ?? arrival).AddDays(i - 1), discharge);
            }
            else
            {
                item = main.StartsWith("K35", StringComparison.Ordinal) && stay && random.Chance(0.3)
                    ? MedicalCatalog.Surgery
                    : random.Pick(MedicalCatalog.Others);
                ordered = Between(random, arrival, discharge);
            }

            var performed = item.NeedsPerformer ? Min(ordered.AddMinutes(random.Next(0, 31)), discharge) : (DateTimeOffset?)null;
            var resulted = item.Group is 1 or 2 or 3 ? Min(performed!.Value.AddMinutes(random.Next(20, 121)), discharge) : (DateTimeOffset?)null;
            var quantity = item.IsMaterial ? random.Next(1, 11) : 1;
            var cost = new CostRow(
                i + 1, quantity, item.Price, card is null ? 0 : item.Price, 100, card is null ? 0 : 100, coverage,
                department, doctorCode, ordered, performed, resulted);
            var bed = item.Group == 15 ? string.Create(CultureInfo.InvariantCulture, $"H{random.Next(1, 40):D3}") : null;
            var performer = item.NeedsPerformer ? DoctorCode(facility, random.Next(1, 6)) : null;
            services.Add(new ServiceLine(cost, item, bed, performer));
        }

        var wantLabs = options.LabResults ?? random.Chance(0.5);
        var labs = new List<LabResultLine>();
        if (wantLabs)
        {
            foreach (var service in services.Where(s => s.Item.Group == 1))
            {
                foreach (var index in MedicalCatalog.LabIndexesFor(service.Item.Code))
                {
                    var value = index.Low + random.NextDouble() * (index.High - index.Low) * 1.2;
                    var text = value.ToString("0.##", CultureInfo.InvariantCulture);
                    var conclusion = value > index.High ? "Cao hơn bình thường" : "Trong giới hạn bình thường";
                    labs.Add(new LabResultLine(labs.Count + 1, service, index, text, conclusion));
                }
            }
        }

        var notes = new List<ProgressNote>();
        if (stay)
        {
            var days = Math.Max(1, treatmentDays);
            for (var d = 0; d < days; d++)
            {
                var at = Min(Max((inpatient ?? arrival).AddDays(d), arrival), discharge);
                var text = d == 0
                    ? $"Vào khoa, {DiagnosisCodes.Label(main).ToLowerInvariant()}, tỉnh, tiếp xúc tốt"
                    : $"Ngày điều trị thứ {d + 1}: tỉnh, sinh hiệu ổn định, đáp ứng điều trị";
                notes.Add(new ProgressNote(d + 1, at, text, doctorCode));
            }
        }

        var dischargeDate = QdFormat.LocalDate(discharge);
        DateOnly? reExam = options.ReExamBooked ? dischargeDate.AddDays(random.Next(7, 31)) : null;

        SickLeavePeriod? sickLeave = null;
        if (options.SickLeave)
        {
            var days = options.SickLeaveDays ?? (stay ? random.Next(7, 31) : random.Next(1, 8));
            var from = stay ? dischargeDate.AddDays(1) : dischargeDate;
            var socialInsurance = card?.SocialInsuranceNumber
                ?? citizen.ProvinceCode + SeedMixer.Permute(citizen.Index, 69_621, 777, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var employer = string.Create(CultureInfo.InvariantCulture, $"Công ty TNHH mô phỏng số {random.Next(1, 500)}");
            sickLeave = new SickLeavePeriod(days, from, from.AddDays(days - 1), socialInsurance, employer);
        }

        string? referral = null;
        if (options.DischargeType is 2 or 5)
        {
            referral = options.ReferralDestination ?? (facility.Code.EndsWith("001", StringComparison.Ordinal)
                ? facility.ProvinceCode + "002"
                : facility.ProvinceCode + "001");
        }

        var maLk = options.MaLk ?? string.Create(CultureInfo.InvariantCulture, $"{facility.Code}{QdFormat.DateTime12(arrival)}{sequence % 1_000_000:D6}");
        var result = options.TreatmentResult ?? (stay ? random.Next(1, 3) : random.Chance(0.8) ? 1 : 2);

        return new Episode
        {
            MaLk = maLk,
            Sequence = sequence,
            Citizen = citizen,
            Facility = facility,
            VisitType = visitType,
            Arrival = arrival,
            InpatientAdmission = inpatient,
            Discharge = discharge,
            Payment = payment,
            TreatmentDays = treatmentDays,
            DischargeType = options.DischargeType,
            TreatmentResult = result,
            MainDiagnosis = main,
            SecondaryDiagnoses = secondary,
            Department = department,
            DoctorCode = doctorCode,
            DoctorName = doctorName,
            BeneficiaryCode = beneficiary,
            CardFrom = cardFrom,
            CardTo = cardTo,
            Drugs = drugs,
            Services = services,
            LabResults = labs,
            ProgressNotes = notes,
            ReExamDate = reExam,
            SickLeave = sickLeave,
            ReferralDestination = referral,
            IncludeSummary = stay || options.SummaryForEveryVisit,
            Standard = options.Standard is { } key
                ? ShippedCatalogues.Standards.Find(key) ?? throw new ArgumentException($"The standards catalogue has no standard '{key}'.", nameof(options))
                : ShippedCatalogues.Standards.For(dischargeDate),
            CheckInStandard = ShippedCatalogues.Standards.For(localArrivalDate),
            Residence = citizen.ResidenceOn(dischargeDate),
        };
    }

    private static void Validate(string visitType, DossierOptions options)
    {
        if (!VisitTypes.All.Contains(visitType))
        {
            throw new ArgumentOutOfRangeException(nameof(visitType), visitType, "MA_LOAI_KCB must be 01..10.");
        }

        if (options.DrugRows is < 0 or > MaxRows || options.ServiceRows is < 0 or > MaxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Row counts must be 0..500.");
        }

        if (options.DischargeType is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MA_LOAI_RV must be 1..5.");
        }

        if (options.TreatmentResult is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "KET_QUA_DTRI must be 1..8.");
        }

        if (options.LengthOfStayDays is < 0 or > 998)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Length of stay must be 0..998 days.");
        }

        if (options.SickLeaveDays is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Sick leave must be 1..30 days.");
        }

        if (options.MaLk is { } maLk && (maLk.Length is 0 or > 100 || maLk.Any(char.IsControl) || string.IsNullOrWhiteSpace(maLk)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MA_LK must be 1..100 printable characters.");
        }
    }

    private static (DateTimeOffset Discharge, int TreatmentDays) PlanStay(
        Random random, string visitType, DateTimeOffset arrival, DossierOptions options)
    {
        switch (visitType)
        {
            case "02" or "03" or "04" or "06":
                var days = options.LengthOfStayDays ?? visitType switch
                {
                    "02" => random.Next(1, 8),
                    "03" => random.Next(2, 11),
                    "04" => random.Next(1, 6),
                    _ => random.Next(1, 5),
                };
                var discharge = days == 0
                    ? arrival.AddMinutes(random.Next(60, 301))
                    : arrival.AddDays(days).AddMinutes(random.Next(-120, 241));
                if (discharge < arrival.AddMinutes(30))
                {
                    discharge = arrival.AddMinutes(30);
                }

                var span = QdFormat.LocalDate(discharge).DayNumber - QdFormat.LocalDate(arrival).DayNumber + 1;
                return (discharge, span);
            case "05":
                return (arrival.AddMinutes(random.Next(20, 121)), random.Pick(DrugDays));
            case "08":
                return (arrival.AddMinutes(random.Next(30, 241)), 1);
            case "09":
                return (arrival.AddMinutes(random.Next(60, 231)), 0);
            default:
                return (arrival.AddMinutes(random.Next(15, 181)), 0);
        }
    }

    private static readonly int[] DrugDays = [7, 14, 28, 30];

    private static int DefaultDrugRows(Random random, string visitType) => visitType switch
    {
        "03" or "04" or "06" => random.Next(3, 16),
        "05" or "07" => random.Next(1, 6),
        "08" or "09" => random.Next(0, 4),
        _ => random.Next(0, 6),
    };

    private static int DefaultServiceRows(Random random, string visitType, int treatmentDays) => visitType switch
    {
        "03" or "04" or "06" => Math.Min(MaxRows, 1 + treatmentDays + random.Next(2, 10)),
        "07" => 1,
        _ => random.Next(1, 5),
    };

    private static string DoctorCode(SyntheticFacility facility, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{int.Parse(facility.Code[2..], CultureInfo.InvariantCulture) * 10 + n:D6}/{facility.ProvinceCode}-CCHN");

    private static DateTimeOffset Between(Random random, DateTimeOffset from, DateTimeOffset to)
    {
        var minutes = (int)Math.Max(0, (to - from).TotalMinutes);
        return from.AddMinutes(random.Next(0, minutes + 1));
    }

    private static DateTimeOffset TruncateToMinute(DateTimeOffset value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, value.Offset);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
