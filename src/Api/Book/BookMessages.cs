using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SoSucKhoe.Book;

namespace SoSucKhoe.Api.Book;

/// <summary>Maps the book the grains keep onto the messages of healthbook.proto.</summary>
internal static class BookMessages
{
    public static V1.HealthBookView ToMessage(string personKey, HealthBookView book)
    {
        var message = new V1.HealthBookView { PersonKey = personKey, Administrative = ToMessage(book.Administrative) };
        message.Visits.AddRange(book.Visits.Select(ToMessage));
        message.History.AddRange(book.History.Select(h =>
        {
            var entry = new V1.BookHistoryEntry
            {
                Code = h.Code,
                Name = h.Name ?? string.Empty,
                FirstSeen = Timestamp.FromDateTimeOffset(h.FirstSeen),
                LastSeen = Timestamp.FromDateTimeOffset(h.LastSeen),
                VisitCount = h.VisitCount,
            };
            entry.FacilityCodes.AddRange(h.FacilityCodes);
            return entry;
        }));
        message.UpcomingReExams.AddRange(book.UpcomingReExams.Select(a => new V1.BookAppointment
        {
            Date = Timestamp.FromDateTimeOffset(a.Date),
            FacilityCode = a.FacilityCode,
            SourceDossierId = $"{a.VisitFacilityCode}:{a.MaLk}",
            AppointmentNumber = a.AppointmentNumber ?? string.Empty,
        }));
        message.Superseded.AddRange(book.Superseded.Select(ToMessage));
        message.Cancelled.AddRange(book.Cancelled.Select(ToMessage));
        return message;
    }

    private static V1.BookVersionRef ToMessage(BookVersionRef reference) => new()
    {
        DossierId = $"{reference.FacilityCode}:{reference.MaLk}",
        Version = reference.Version,
        AcceptedAt = Timestamp.FromDateTimeOffset(reference.AcceptedAt),
    };

    private static V1.BookAdministrative ToMessage(BookAdministrative a)
    {
        var message = new V1.BookAdministrative
        {
            FullName = ToMessage(a.FullName),
            BirthDate = ToMessage(a.BirthDate),
            Sex = ToMessage(a.Sex),
            Ethnicity = ToMessage(a.Ethnicity),
            Nationality = ToMessage(a.Nationality),
            Occupation = ToMessage(a.Occupation),
            PersonalId = ToMessage(a.PersonalId),
            RegisteredFacility = ToMessage(a.RegisteredFacility),
            Address = ToMessage(a.Address),
            ProvinceCode = ToMessage(a.ProvinceCode),
            DistrictCode = ToMessage(a.DistrictCode),
            CommuneCode = ToMessage(a.CommuneCode),
            Allergies = ToMessage(a.Allergies),
            Vaccinations = ToMessage(a.Vaccinations),
            Guardian = ToMessage(a.Guardian),
        };
        message.InsuranceCards.AddRange(a.InsuranceCards.Select(c => new V1.BookCard
        {
            Number = c.Number,
            ValidFrom = c.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            ValidTo = c.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            RegisteredFacilityCode = c.RegisteredFacilityCode ?? string.Empty,
            SourceDossierId = c.SourceDossierId ?? string.Empty,
        }));
        return message;
    }

    private static V1.BookField ToMessage(BookField field) => new()
    {
        Value = field.Value ?? string.Empty,
        SourceDossierId = field.SourceDossierId ?? string.Empty,
        AsOf = field.AsOf is { } asOf ? Timestamp.FromDateTimeOffset(asOf) : null,
        HasSource = field.HasSource,
        Note = field.Note ?? string.Empty,
    };

    private static V1.BookVisit ToMessage(BookVisit v)
    {
        var message = new V1.BookVisit
        {
            DossierId = v.DossierId,
            FacilityCode = v.FacilityCode,
            MaLk = v.MaLk,
            Version = v.Version,
            ArrivalTime = Timestamp.FromDateTimeOffset(v.ArrivalTime),
            DischargeTime = v.DischargeTime is { } discharge ? Timestamp.FromDateTimeOffset(discharge) : null,
            VisitType = v.VisitType,
            Reason = v.Reason ?? string.Empty,
            MainDiagnosis = v.MainDiagnosis is { } main ? ToMessage(main) : null,
            TreatmentResult = v.TreatmentResult ?? string.Empty,
            DischargeType = v.DischargeType ?? string.Empty,
            BloodGroup = v.BloodGroup ?? string.Empty,
            WeightKg = (double)(v.WeightKg ?? 0m),
        };
        message.SecondaryDiagnoses.AddRange(v.SecondaryDiagnoses.Select(ToMessage));
        message.LabResults.AddRange(v.LabResults.Select(l => new V1.BookLabResult
        {
            ServiceCode = l.ServiceCode ?? string.Empty,
            IndexCode = l.IndexCode ?? string.Empty,
            IndexName = l.IndexName ?? string.Empty,
            Value = l.Value ?? string.Empty,
            Unit = l.Unit ?? string.Empty,
            Description = l.Description ?? string.Empty,
            Conclusion = l.Conclusion ?? string.Empty,
            ResultTime = l.ResultTime is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        }));
        message.Drugs.AddRange(v.Drugs.Select(d => new V1.BookDrug
        {
            Code = d.Code ?? string.Empty,
            Name = d.Name ?? string.Empty,
            Strength = d.Strength ?? string.Empty,
            Route = d.Route ?? string.Empty,
            Dosage = d.Dosage ?? string.Empty,
            Usage = d.Usage ?? string.Empty,
            Quantity = (double)(d.Quantity ?? 0m),
            Unit = d.Unit ?? string.Empty,
            OrderedAt = d.OrderedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        }));
        message.Services.AddRange(v.Services.Select(s => new V1.BookService
        {
            Code = s.Code ?? string.Empty,
            Name = s.Name ?? string.Empty,
            IsSupply = s.IsSupply,
            Quantity = (double)(s.Quantity ?? 0m),
            Unit = s.Unit ?? string.Empty,
            Time = s.Time is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            ProcedureCode = s.ProcedureCode ?? string.Empty,
        }));
        message.Procedures.AddRange(v.Procedures);
        AddPaper(message, "XML8", v.RecordSummary is not { } summary ? null : new()
        {
            ["CHAN_DOAN_VAO"] = summary.AdmissionDiagnosis,
            ["CHAN_DOAN_RV"] = summary.DischargeDiagnosis,
            ["QT_BENHLY"] = summary.DiseaseCourse,
            ["TOMTAT_KQ"] = summary.KeyResults,
            ["PP_DIEUTRI"] = summary.TreatmentMethod,
            ["KET_QUA_DTRI"] = summary.TreatmentResult,
            ["GHI_CHU"] = summary.Notes,
        });
        AddPaper(message, "XML7", v.DischargePaper is not { } paper ? null : new()
        {
            ["SO_LUU_TRU"] = paper.ArchiveNumber,
            ["MA_KHOA_RV"] = paper.DischargeDepartment,
            ["CHAN_DOAN_RV"] = paper.DischargeDiagnosis,
            ["PP_DIEUTRI"] = paper.TreatmentMethod,
            ["GHI_CHU"] = paper.Notes,
            ["SO_NGAY_NGHI"] = paper.LeaveDays?.ToString(CultureInfo.InvariantCulture),
        });
        AddPaper(message, "XML13", v.Referral is not { } referral ? null : new()
        {
            ["SO_CHUYENTUYEN"] = referral.ReferralNumber,
            ["MA_NOI_DI"] = referral.FromFacilityCode,
            ["MA_NOI_DEN"] = referral.ToFacilityCode,
            ["CHAN_DOAN_RV"] = referral.DischargeDiagnosis,
            ["MA_BENH_CHINH"] = referral.MainDiagnosisCode,
            ["HUONG_DIEU_TRI"] = referral.TreatmentDirection,
        });
        AddPaper(message, "XML11", v.SickLeave is not { } leave ? null : new()
        {
            ["SO_CT"] = leave.CertificateNumber,
            ["TU_NGAY"] = leave.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["DEN_NGAY"] = leave.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["SO_NGAY"] = leave.Days?.ToString(CultureInfo.InvariantCulture),
        });
        if (v.ReExam is { } reExam)
        {
            message.ReExamDates.AddRange(reExam.Dates.Select(Timestamp.FromDateTimeOffset));
            AddPaper(message, "XML14", new()
            {
                ["SO_GIAYHEN_KL"] = reExam.AppointmentNumber,
                ["MA_CSKCB"] = reExam.FacilityCode,
                ["GHI_CHU"] = reExam.Notes,
            });
        }

        return message;
    }

    private static V1.BookDiagnosis ToMessage(BookDiagnosis diagnosis) =>
        new() { Code = diagnosis.Code, Name = diagnosis.Name ?? string.Empty };

    private static void AddPaper(V1.BookVisit visit, string table, Dictionary<string, string?>? fields)
    {
        if (fields is null)
        {
            return;
        }

        var paper = new V1.BookPaper { Table = table };
        foreach (var (key, value) in fields)
        {
            if (!string.IsNullOrEmpty(value))
            {
                paper.Fields[key] = value;
            }
        }

        visit.Papers.Add(paper);
    }
}
