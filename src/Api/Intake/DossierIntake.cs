using System.Runtime.InteropServices;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Book;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Validation;
using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Api.Intake;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>
/// The intake pipeline behind the Intake service: read the document safely, validate it against the national rules of the data
/// standard that governs its episode (chosen by the episode's end day, see <see cref="DossierValidator.Check(Dossier, DateTimeOffset)"/>),
/// check the facility, resolve the person, then hand the dossier to the person's grain, which makes it durable and forwards it to
/// that standard's gateway endpoint. Parsing and validation run here, on the request's thread, so that they scale with the cores
/// and never hold a grain.
/// </summary>
public sealed partial class DossierIntake(
    IGrainFactory grains,
    DossierValidator validator,
    DossierReaderOptions readerOptions,
    PersonResolver persons,
    IEpisodeRegistry episodes,
    Authorizer authorizer,
    Catalogues catalogues,
    SignatureGate signatures,
    IFlowRecorder flows,
    TimeProvider time,
    ILogger<DossierIntake> logger)
{
    private const int MaxMaLkLength = 100;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);

    public async Task<SubmitDossierResponse> SubmitAsync(ByteString document, CallerPrincipal caller)
    {
        if (document.IsEmpty)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "document", ViolationRules.Required, "The dossier document is empty.");
        }

        var read = DossierReader.ReadDossier(document.Memory, readerOptions);
        var dossier = read.Dossier;
        FacilityAdmission? admission = null;
        if (dossier is { FacilityCode.Length: > 0 })
        {
            // A facility submits only its own dossiers; the tables' MA_CSKCB must match the envelope (facility_mismatch).
            await authorizer.EnsureFacilityAsync(caller, dossier.FacilityCode);
            admission = await AdmitAsync(dossier.FacilityCode, AdmissionPurpose.Production, countReceived: true);
        }

        var check = read.Violations.Count > 0 || dossier is null ? null : validator.Check(dossier, time.GetUtcNow());
        var violations = check?.Violations ?? read.Violations;
        if (admission is not null && read.Violations.Count == 0
            && await signatures.CheckAsync(document.Memory, dossier!.FacilityCode, "ENVELOPE", admission.SigningCertificates) is { } signature)
        {
            violations = [.. violations, signature];
        }

        if (violations.Count > 0 || dossier?.Summary is null)
        {
            if (admission is not null)
            {
                flows.RefusedByHub(dossier!.FacilityCode);
            }

            LogRefused(logger, dossier?.FacilityCode ?? "(unknown)", check?.Standard.Id ?? "-", violations.Count,
                violations.Count > 0 ? ApiErrors.Describe(violations[0]) : "no XML1");
            throw ApiErrors.InvalidArgument("The dossier was refused", violations.Count > 0
                ? violations
                : [new Violation(TableCodes.Xml1, "TONG_HOP", ViolationRules.TablePresence, "The dossier has no XML1 table.")]);
        }

        var facility = admission?.View ?? throw AdmissionErrors.NotRegisteredError(dossier.FacilityCode);
        var summary = dossier.Summary;
        var standard = check!.Standard.Id;
        PersonResolver.Resolution resolution;
        var maLk = summary.MaLk!;
        try
        {
            resolution = await persons.ResolveAsync(IdentifiersOf(summary), TableCodes.Xml1);
            await ClaimEpisodeAsync(facility.FacilityCode, maLk, resolution.PersonKey);
        }
        catch (Grpc.Core.RpcException refusal) when (refusal.StatusCode is Grpc.Core.StatusCode.FailedPrecondition or Grpc.Core.StatusCode.InvalidArgument)
        {
            // The person cannot be resolved, or the episode belongs to another person: refused by the hub like a rule violation.
            flows.RefusedByHub(facility.FacilityCode);
            throw;
        }

        var hash = DossierHash.Compute(document.Span);
        var dossierId = EpisodeKey.Create(facility.FacilityCode, maLk);
        var arrival = summary.NgayVao?.Value ?? time.GetUtcNow();
        var visit = BookProjector.ProjectVisit(dossier, hash, 0, catalogues.Icd);
        var book = BookProjectionCodec.Encode(new BookProjection(visit, BookProjector.ProjectAdministrative(dossier, dossierId, arrival)));
        var acceptance = await grains.GetGrain<IPatientGrain>(resolution.PersonKey).SubmitDossier(new DossierSubmission(
            facility.FacilityCode,
            facility.ProvinceCode,
            maLk,
            summary.MaLoaiKcb ?? string.Empty,
            arrival,
            summary.NgayRa?.Value,
            hash,
            ArrayOf(document),
            resolution.InsuranceNumbers,
            summary.MaBenhChinh,
            book,
            ReExamBooking.Of(visit.ReExam),
            standard));
        await persons.LearnAsync(resolution);
        if (!acceptance.Duplicate)
        {
            flows.Accepted(facility.FacilityCode, acceptance.Version == 1
                ? new VisitFacts(summary.MaLoaiKcb ?? string.Empty, MultiValue.Split(summary.MaTheBhyt).Count > 0,
                    summary.NgayRa?.Value ?? arrival)
                : null);
        }

        var response = new SubmitDossierResponse
        {
            DossierId = acceptance.DossierId,
            Person = ToPerson(acceptance.PersonKey),
            MaLk = acceptance.MaLk,
            Version = acceptance.Version,
            EncounterSequence = acceptance.EncounterSequence,
            State = ToProto(acceptance.State),
            Duplicate = acceptance.Duplicate,
            AcceptedAt = Timestamp.FromDateTimeOffset(acceptance.AcceptedAt),
            ContentSha256 = hash,
            Standard = standard,
        };
        response.Notices.AddRange(Report(check.Notices));
        return response;
    }

    /// <summary>
    /// Conformance mode: reads, validates and verifies the dossier exactly like <see cref="SubmitAsync"/> (same reader, validator
    /// and signature gate) but never stores it, never forwards it and never touches a patient; the outcome is recorded for the
    /// facility by content hash. Rule violations are an OK report with passed = false; a malformed request is an error status.
    /// </summary>
    public async Task<ConformanceReport> SubmitConformanceAsync(ByteString document, CallerPrincipal caller)
    {
        if (document.IsEmpty)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "document", ViolationRules.Required, "The dossier document is empty.");
        }

        var read = DossierReader.ReadDossier(document.Memory, readerOptions);
        var dossier = read.Dossier;
        if (dossier is not { FacilityCode.Length: > 0 })
        {
            // Without a facility code the result cannot be attributed to anyone: the request itself is malformed.
            throw ApiErrors.InvalidArgument("The conformance dossier names no facility", read.Violations.Count > 0
                ? read.Violations
                : [new Violation("ENVELOPE", "MACSKCB", ViolationRules.Required, "The envelope names no facility (MACSKCB).")]);
        }

        await authorizer.EnsureFacilityAsync(caller, dossier.FacilityCode);
        var admission = await AdmitAsync(dossier.FacilityCode, AdmissionPurpose.Conformance, countReceived: false);
        var check = read.Violations.Count > 0 ? null : validator.Check(dossier, time.GetUtcNow());
        var violations = check?.Violations ?? read.Violations;
        var signatureStatus = SignatureCheck.NotChecked;
        if (!signatures.Enabled)
        {
            signatureStatus = SignatureCheck.Disabled;
        }
        else if (read.Violations.Count == 0)
        {
            var signature = await signatures.CheckAsync(document.Memory, dossier.FacilityCode, "ENVELOPE", admission.SigningCertificates);
            signatureStatus = signature is null ? SignatureCheck.Valid : SignatureCheck.Refused;
            if (signature is not null)
            {
                violations = [.. violations, signature];
            }
        }

        if (violations.Count == 0 && dossier.Summary is null)
        {
            violations = [new Violation(TableCodes.Xml1, "TONG_HOP", ViolationRules.TablePresence, "The dossier has no XML1 table.")];
        }

        var passed = violations.Count == 0;
        var hash = DossierHash.Compute(document.Span);
        var progress = await grains.GetGrain<IFacilityGrain>(dossier.FacilityCode).RecordConformance(hash, passed);
        LogConformance(logger, dossier.FacilityCode, passed, violations.Count, progress.CleanCount, progress.Required);
        var report = new ConformanceReport
        {
            Passed = passed,
            SignatureStatus = signatureStatus,
            CleanCount = progress.CleanCount,
            Required = progress.Required,
            HisConfigured = progress.HisConfigured,
            ContentSha256 = hash,
            FacilityCode = dossier.FacilityCode,
            MaLk = dossier.Summary?.MaLk ?? string.Empty,
            Standard = check?.Standard.Id ?? string.Empty,
        };
        report.Violations.AddRange(Report(violations));
        report.Notices.AddRange(Report(check?.Notices ?? []));
        return report;
    }

    public async Task<CheckInResponse> CheckInAsync(CheckInRequest request)
    {
        var now = time.GetUtcNow();
        var violations = new List<Violation>();
        _ = FacilityCode.TryParse(request.FacilityCode, out var facilityCode, out var facilityReason);
        if (facilityReason is not null)
        {
            violations.Add(Field("facility_code", ViolationRules.FacilityCodeStructure, facilityReason));
        }

        if (request.MaLk.Length > MaxMaLkLength)
        {
            violations.Add(Field("ma_lk", ViolationRules.MaxLength, $"MA_LK has at most {MaxMaLkLength} characters."));
        }
        else if (string.IsNullOrWhiteSpace(request.MaLk) || request.MaLk.Any(char.IsControl))
        {
            violations.Add(Field("ma_lk", ViolationRules.Required, $"MA_LK is required: 1 to {MaxMaLkLength} printable characters."));
        }

        DateTimeOffset? arrival = null;
        try
        {
            arrival = request.ArrivalTime?.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            violations.Add(Field("arrival_time", ViolationRules.DateFormat, "arrival_time is not a valid timestamp."));
        }

        if (arrival is null && request.ArrivalTime is null)
        {
            violations.Add(Field("arrival_time", ViolationRules.Required, "arrival_time is required."));
        }
        else if (arrival > now + ClockSkew)
        {
            violations.Add(Field("arrival_time", ViolationRules.FutureDate, "arrival_time is in the future."));
        }

        // The visit type list and the standard are those of the arrival day (today's when the arrival time is unusable).
        var arrivalDay = DossierValidator.LocalDay(arrival ?? now);
        if (request.VisitType.Length != 2 || !request.VisitType.All(char.IsAsciiDigit)
            || validator.CheckCode("MA_LOAI_KCB", request.VisitType, arrivalDay) == CodeVerdict.NotListed)
        {
            violations.Add(Field("visit_type", ViolationRules.CodeList,
                $"visit_type must be a MA_LOAI_KCB code of the list in force on the arrival day ({validator.DescribeCodeList("MA_LOAI_KCB", arrivalDay)}), such as \"01\"."));
        }

        var standard = validator.StandardFor(arrivalDay).Id;

        var ids = ReadIdentity(request.Patient, violations);
        // The gate comes before the document is read: a facility that may not send learns only that, and why.
        var admission = facilityReason is null ? await AdmitAsync(facilityCode.Value, AdmissionPurpose.Production, countReceived: false) : null;
        CheckInDocument? document = null;
        if (!request.CheckInDocument.IsEmpty)
        {
            var read = DossierReader.ReadCheckIn(request.CheckInDocument.Memory, readerOptions);
            document = read.Document;
            var check = read.Violations.Count > 0 || document is null ? null : validator.Check(document, now);
            violations.AddRange(check?.Violations ?? read.Violations);
            standard = check?.Standard.Id ?? standard;
            if (document is not null && read.Violations.Count == 0)
            {
                CheckDocumentMatchesRequest(document, request, violations);
                if (admission is not null
                    && await signatures.CheckAsync(request.CheckInDocument.Memory, facilityCode.Value, TableCodes.Xml0, admission.SigningCertificates) is { } signature)
                {
                    violations.Add(signature);
                }
            }
        }

        if (violations.Count > 0)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                // Guarded above; the analyzer does not see guards of static source-generated log methods (dotnet/sdk#50893).
#pragma warning disable CA1873
                LogCheckInRefused(logger, facilityReason is null ? facilityCode.Value : "(invalid)", violations.Count, ApiErrors.Describe(violations[0]));
#pragma warning restore CA1873
            }

            throw ApiErrors.InvalidArgument("The check-in was refused", violations);
        }

        var facility = admission!.View!;
        var resolution = await persons.ResolveAsync(ids, "REQUEST");
        await ClaimEpisodeAsync(facility.FacilityCode, request.MaLk, resolution.PersonKey);
        var bytes = document is null ? null : ArrayOf(request.CheckInDocument);
        var outcome = await grains.GetGrain<IPatientGrain>(resolution.PersonKey).CheckIn(new CheckInCommand(
            facility.FacilityCode,
            facility.ProvinceCode,
            request.MaLk,
            request.VisitType,
            arrival!.Value,
            resolution.InsuranceNumbers,
            bytes,
            bytes is null ? null : DossierHash.Compute(bytes),
            standard));
        await persons.LearnAsync(resolution);

        return new CheckInResponse
        {
            Person = ToPerson(resolution.PersonKey),
            Encounter = ToProto(outcome.Encounter),
            Created = outcome.Created,
            CheckInDocumentQueued = outcome.DocumentQueued,
            Standard = standard,
        };
    }

    public async Task<DossierStatus> GetStatusAsync(GetDossierStatusRequest request)
    {
        if (!EpisodeKey.TryParse(request.DossierId, out var facilityCode, out var maLk))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "dossier_id", ViolationRules.Required,
                "dossier_id must be \"<MA_CSKCB>:<MA_LK>\" as returned by SubmitDossier.");
        }

        if (request.Version < 0)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "version", ViolationRules.NumberFormat, "version must be 0 (latest) or more.");
        }

        var personKey = await episodes.FindAsync(facilityCode, maLk);
        var status = personKey is null
            ? null
            : await grains.GetGrain<IPatientGrain>(personKey).GetDossierStatus(facilityCode, maLk, request.Version);
        if (status is null)
        {
            throw ApiErrors.NotFound($"No dossier {request.DossierId}" + (request.Version > 0 ? $" version {request.Version}" : string.Empty) + " is known to the hub.",
                "dossier", request.DossierId);
        }

        var message = new DossierStatus
        {
            DossierId = status.DossierId,
            FacilityCode = status.FacilityCode,
            MaLk = status.MaLk,
            Version = status.Version,
            LatestVersion = status.LatestVersion,
            State = ToProto(status.State),
            Attempts = status.Attempts,
            LastError = status.LastError ?? string.Empty,
            GatewayResultCode = status.GatewayResultCode ?? string.Empty,
            GatewayMessage = status.GatewayMessage ?? string.Empty,
            AcceptedAt = Timestamp.FromDateTimeOffset(status.AcceptedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(status.UpdatedAt),
            ContentSha256 = status.ContentHash,
            EncounterSequence = status.EncounterSequence,
            Standard = status.Standard ?? string.Empty,
        };
        if (status.Receipt is { } receipt)
        {
            message.Receipt = new GatewayReceipt
            {
                MaGiaoDich = receipt.MaGiaoDich,
                ThoiGianTiepNhan = receipt.ThoiGianTiepNhan,
                ReceivedAt = receipt.ReceivedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            };
        }

        return message;
    }

    public async Task<CancelEpisodeResponse> CancelAsync(CancelEpisodeRequest request)
    {
        if (!EpisodeKey.TryParse(request.DossierId, out var facilityCode, out var maLk))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "dossier_id", ViolationRules.Required, "dossier_id must be \"<MA_CSKCB>:<MA_LK>\".");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500 || request.Reason.Any(char.IsControl))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "reason", ViolationRules.Required, "reason is required: 1 to 500 printable characters.");
        }

        var personKey = await episodes.FindAsync(facilityCode, maLk);
        if (personKey is null || !await grains.GetGrain<IPatientGrain>(personKey).CancelEpisode(facilityCode, maLk, request.Reason.Trim()))
        {
            throw ApiErrors.NotFound($"No episode {request.DossierId} is known to the hub.", "dossier", request.DossierId);
        }

        return new CancelEpisodeResponse { DossierId = EpisodeKey.Create(facilityCode, maLk) };
    }

    /// <summary>
    /// The facility gate: one call to the facility grain that says whether this traffic may pass and returns the facility and its
    /// signing certificates. FAILED_PRECONDITION when the facility is not registered or may not send this traffic now.
    /// </summary>
    private async Task<FacilityAdmission> AdmitAsync(string facilityCode, AdmissionPurpose purpose, bool countReceived)
    {
        var admission = await grains.GetGrain<IFacilityGrain>(facilityCode).Admit(purpose);
        if (admission.View is null)
        {
            throw AdmissionErrors.NotRegisteredError(facilityCode);
        }

        if (countReceived)
        {
            flows.Received(facilityCode);
        }

        if (!admission.Allowed)
        {
            if (countReceived)
            {
                flows.RefusedByHub(facilityCode);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                // Guarded above; the analyzer does not see guards of static source-generated log methods (dotnet/sdk#50893).
#pragma warning disable CA1873
                LogGated(logger, facilityCode, purpose, admission.View.State.ToString(), admission.Missing.Count);
#pragma warning restore CA1873
            }

            throw AdmissionErrors.Refused(facilityCode, admission);
        }

        return admission;
    }

    private async Task ClaimEpisodeAsync(string facilityCode, string maLk, string personKey)
    {
        var owner = await episodes.ClaimAsync(facilityCode, maLk, personKey);
        if (owner != personKey)
        {
            throw ApiErrors.FailedPrecondition(
                $"Episode {facilityCode}:{maLk} is already filed under another person.", "episode_person_conflict",
                EpisodeKey.Create(facilityCode, maLk),
                "MA_LK identifies one episode of one person; use a new MA_LK for another patient.");
        }
    }

    private static PersonResolver.Identifiers IdentifiersOf(TreatmentSummary summary)
    {
        PersonalId? personalId = null;
        IdentityDocumentNumber? other = null;
        if (IdentityDocumentNumber.TryParse(summary.SoCccd, out var document, out _))
        {
            if (document.PersonalId is { } id)
            {
                personalId = id;
            }
            else if (document.Kind is IdentityDocumentKind.OldIdentityCard or IdentityDocumentKind.Passport)
            {
                other = document;
            }
        }

        var cards = new List<InsuranceCardNumber>();
        foreach (var value in MultiValue.Split(summary.MaTheBhyt))
        {
            if (InsuranceCardNumber.TryParse(value, out var card, out _))
            {
                cards.Add(card);
            }
        }

        return new PersonResolver.Identifiers(personalId, other, cards);
    }

    internal static PersonResolver.Identifiers ReadIdentity(PatientIdentity? identity, List<Violation> violations)
    {
        PersonalId? personalId = null;
        IdentityDocumentNumber? other = null;
        var cards = new List<InsuranceCardNumber>();
        if (identity is null || (identity.PersonalId.Length == 0 && identity.LegacyId.Length == 0 && identity.Passport.Length == 0
            && identity.InsuranceCard.Length == 0))
        {
            violations.Add(Field("patient", ViolationRules.Required,
                "Identify the patient by personal ID number, old ID, passport or insurance card."));
            return new PersonResolver.Identifiers(null, null, cards);
        }

        if (identity.PersonalId.Length > 0)
        {
            if (PersonalId.TryParse(identity.PersonalId, out var id, out var reason))
            {
                personalId = id;
            }
            else
            {
                violations.Add(Field("patient.personal_id", ViolationRules.PersonalIdStructure, reason!));
            }
        }

        if (identity.LegacyId.Length > 0)
        {
            if (IdentityDocumentNumber.TryParse(identity.LegacyId, out var legacy, out _) && legacy.Kind == IdentityDocumentKind.OldIdentityCard)
            {
                other = legacy;
            }
            else
            {
                violations.Add(Field("patient.legacy_id", ViolationRules.PersonalIdStructure, "An old ID number has exactly 9 digits."));
            }
        }

        if (identity.Passport.Length > 0)
        {
            if (IdentityDocumentNumber.TryParse(identity.Passport, out var passport, out _) && passport.Kind == IdentityDocumentKind.Passport)
            {
                other ??= passport;
            }
            else
            {
                violations.Add(Field("patient.passport", ViolationRules.PersonalIdStructure,
                    "A passport number is one upper-case letter followed by 7 digits."));
            }
        }

        if (identity.InsuranceCard.Length > 0)
        {
            if (InsuranceCardNumber.TryParse(identity.InsuranceCard, out var card, out var reason))
            {
                cards.Add(card);
            }
            else
            {
                violations.Add(Field("patient.insurance_card", ViolationRules.CardStructure, reason!));
            }
        }

        return new PersonResolver.Identifiers(personalId, other, cards);
    }

    private static void CheckDocumentMatchesRequest(CheckInDocument document, CheckInRequest request, List<Violation> violations)
    {
        for (var i = 0; i < document.Rows.Count; i++)
        {
            var row = document.Rows[i];
            if (row.MaLk != request.MaLk)
            {
                violations.Add(new Violation(TableCodes.Xml0, $"TRANG_THAI_KCB[{i + 1}].MA_LK", ViolationRules.MaLkMismatch,
                    "MA_LK of the XML0 document differs from the request's ma_lk."));
            }

            if (row.MaCskcb != request.FacilityCode)
            {
                violations.Add(new Violation(TableCodes.Xml0, $"TRANG_THAI_KCB[{i + 1}].MA_CSKCB", ViolationRules.FacilityMismatch,
                    "MA_CSKCB of the XML0 document differs from the request's facility_code."));
            }
        }
    }

    private static Violation Field(string field, string rule, string message) => new("REQUEST", field, rule, message);

    private static IEnumerable<ConformanceViolation> Report(IEnumerable<Violation> violations) =>
        violations.Take(ApiErrors.MaxReportedViolations).Select(v => new ConformanceViolation
        {
            Field = v.Table + "." + v.Field,
            Description = v.Rule + ": " + v.Message,
        });

    /// <summary>
    /// The bytes of a request's document as an array for the patient grain. The gRPC parser gives every bytes field an array of
    /// its own, which is used as it is instead of being copied again; a <see cref="ByteString"/> never changes its bytes, and
    /// neither does anything downstream (the outbox keeps and forwards them unchanged).
    /// </summary>
    private static byte[] ArrayOf(ByteString bytes) =>
        MemoryMarshal.TryGetArray(bytes.Memory, out var segment) && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length
            ? array
            : bytes.ToByteArray();

    private static Person ToPerson(string personKey) => new()
    {
        PersonKey = personKey,
        HasPersonalId = PersonKey.IsPersonalId(personKey),
    };

    internal static Encounter ToProto(EncounterView encounter) => new()
    {
        Sequence = encounter.Sequence,
        FacilityCode = encounter.FacilityCode,
        MaLk = encounter.MaLk,
        VisitType = encounter.VisitType,
        ArrivalTime = Timestamp.FromDateTimeOffset(encounter.ArrivalTime),
        DischargeTime = encounter.DischargeTime is { } discharge ? Timestamp.FromDateTimeOffset(discharge) : null,
        CheckedInAt = encounter.CheckedInAt is { } checkedIn ? Timestamp.FromDateTimeOffset(checkedIn) : null,
        LatestVersion = encounter.LatestVersion,
        State = encounter.State is { } state ? ToProto(state) : DossierState.Unspecified,
    };

    internal static DossierState ToProto(ForwardingState state) => state switch
    {
        ForwardingState.Accepted => DossierState.Accepted,
        ForwardingState.Forwarding => DossierState.Forwarding,
        ForwardingState.Acknowledged => DossierState.Acknowledged,
        ForwardingState.RejectedByGateway => DossierState.RejectedByGateway,
        _ => DossierState.Unspecified,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier from {Facility} refused under standard {Standard}: {Count} violations, first {First}")]
    private static partial void LogRefused(ILogger logger, string facility, string standard, int count, string first);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conformance dossier of {Facility}: passed {Passed}, {Count} violations; {Clean}/{Required} clean")]
    private static partial void LogConformance(ILogger logger, string facility, bool passed, int count, int clean, int required);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Purpose} traffic of {Facility} refused by the gate: state {State}, {Missing} missing conditions")]
    private static partial void LogGated(ILogger logger, string facility, AdmissionPurpose purpose, string state, int missing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in at {Facility} refused: {Count} violations, first {First}")]
    private static partial void LogCheckInRefused(ILogger logger, string facility, int count, string first);
}
