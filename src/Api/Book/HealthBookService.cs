using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Intake;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Book;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Facilities;
using SoSucKhoe.Patients;
using SoSucKhoe.Security;
using static SoSucKhoe.Api.V1.HealthBook;

namespace SoSucKhoe.Api.Book;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>
/// The e-health book (proto service sosuckhoe.v1.HealthBook). A facility reads a person's book only while that person has an open
/// check-in there (consent by presentation); every read and every refusal is audited durably before any data leave the hub.
/// </summary>
[BindServiceMethod(typeof(GuardedBinding<HealthBookBase>), nameof(GuardedBinding<HealthBookBase>.BindService))]
public sealed class HealthBookService(
    IGrainFactory grains,
    PersonResolver persons,
    IAuditTrail audit,
    IOptions<HealthBookOptions> options,
    TimeProvider time) : HealthBookBase
{
    public const string ConsentRequired = "consent_required";
    private const string StaffHeader = "x-staff-id";

    public override async Task<HealthBookView> GetHealthBook(GetHealthBookRequest request, ServerCallContext context)
    {
        var (caller, staff, purpose) = ReadCaller(context, request.Purpose);
        var personKey = await ResolveAsync(request.Patient);
        await RequireConsentAsync(caller, request.FacilityCode, personKey, staff, purpose, "book");
        var book = HealthBookBuilder.Build(EncodedBookEntry.DecodeAll(await grains.GetGrain<IPatientGrain>(personKey).GetBookEntries()),
            time.GetUtcNow());
        await AuditAsync(AuditActions.HealthBookRead, AuditOutcomes.Allowed, request.FacilityCode, personKey, staff, purpose, caller, "Read the health book.");
        return BookMessages.ToMessage(personKey, book);
    }

    public override async Task<ExportedEpisode> ExportEpisode(ExportEpisodeRequest request, ServerCallContext context)
    {
        var (caller, staff, purpose) = ReadCaller(context, request.Purpose);
        var personKey = await ResolveAsync(request.Patient);
        if (!EpisodeKey.TryParse(request.DossierId, out _, out _))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "dossier_id", ViolationRules.Required, "dossier_id must be \"<MA_CSKCB>:<MA_LK>\".");
        }

        await RequireConsentAsync(caller, request.FacilityCode, personKey, staff, purpose, "export");
        var book = HealthBookBuilder.Build(EncodedBookEntry.DecodeAll(await grains.GetGrain<IPatientGrain>(personKey).GetBookEntries()),
            time.GetUtcNow());
        var visit = book.Visits.FirstOrDefault(v => v.DossierId == request.DossierId)
            ?? throw ApiErrors.NotFound($"The person's book has no episode {request.DossierId}.", "episode", request.DossierId);
        await AuditAsync(AuditActions.HealthBookRead, AuditOutcomes.Allowed, request.FacilityCode, personKey, staff, purpose, caller,
            $"Exported episode {request.DossierId}.");
        var facility = await grains.GetGrain<IFacilityGrain>(visit.FacilityCode).GetView();
        var documentContext = new EpisodeDocumentContext(facility?.Name, book.Administrative.FullName.Value,
            book.Administrative.BirthDate.Value, time.GetUtcNow());
        var text = request.Format == ExportFormat.Text;
        var content = text ? EpisodeDocument.RenderText(visit, documentContext) : EpisodeDocument.RenderHtml(visit, documentContext);
        return new ExportedEpisode
        {
            ContentType = text ? EpisodeDocument.TextContentType : EpisodeDocument.HtmlContentType,
            FileName = $"dot-kham-{visit.FacilityCode}-{SafeName(visit.MaLk)}.{(text ? "txt" : "html")}",
            Content = ByteString.CopyFrom(Encoding.UTF8.GetBytes(content)),
        };
    }

    public override async Task<ListAccessLogResponse> ListAccessLog(ListAccessLogRequest request, ServerCallContext context)
    {
        var caller = CallerPrincipal.From(context);
        var personKey = await ResolveAsync(request.Patient);
        if (caller.Role == CallerRole.Facility)
        {
            if (request.FacilityCode != caller.Scope)
            {
                throw Authorizer.Deny(Authorizer.ScopeMismatch, "A facility key may act only for its own facility.");
            }

            if (!await grains.GetGrain<IPatientGrain>(personKey).HasOpenCheckIn(caller.Scope, time.GetUtcNow(), options.Value.ConsentWindow))
            {
                throw Authorizer.Deny(ConsentRequired, "The person has no open check-in at this facility: their access log is shown only to them at the desk.");
            }
        }

        if (request.Limit is < 0 or > AuditQuery.MaxLimit)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "limit", ViolationRules.NumberFormat, $"limit must be between 0 and {AuditQuery.MaxLimit}.");
        }

        var page = await audit.QueryAsync(new AuditQuery
        {
            SubjectKey = personKey,
            Actions = [AuditActions.HealthBookRead, AuditActions.HealthBookRefused],
            Limit = request.Limit == 0 ? 100 : request.Limit,
        }, context.CancellationToken);
        var response = new ListAccessLogResponse();
        response.Entries.AddRange(page.Entries.Select(e => new AccessLogEntry
        {
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            FacilityCode = e.FacilityCode ?? string.Empty,
            StaffId = e.ActorId.StartsWith("staff:", StringComparison.Ordinal) ? e.ActorId["staff:".Length..] : e.ActorId,
            Purpose = e.Purpose ?? string.Empty,
            Outcome = e.Outcome,
            Action = e.Action,
        }));
        return response;
    }

    public override async Task<ListFacilityReExamsResponse> ListFacilityReExams(ListFacilityReExamsRequest request, ServerCallContext context)
    {
        var from = request.From?.ToDateTimeOffset() ?? time.GetUtcNow();
        var to = request.To?.ToDateTimeOffset() ?? from.AddDays(30);
        if (to <= from || to - from > TimeSpan.FromDays(366))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "to", ViolationRules.DateOrder, "to must be after from, at most one year later.");
        }

        var appointments = await grains.GetGrain<IFacilityReExamsGrain>(request.FacilityCode).List(from, to);
        var response = new ListFacilityReExamsResponse();
        response.Appointments.AddRange(appointments.Select(a =>
        {
            var message = new FacilityReExam
            {
                PersonKey = a.PersonKey,
                SourceDossierId = a.SourceDossierId,
                AppointmentNumber = a.AppointmentNumber ?? string.Empty,
            };
            message.Dates.AddRange(a.Dates.Select(Timestamp.FromDateTimeOffset));
            return message;
        }));
        return response;
    }

    private static (CallerPrincipal Caller, string Staff, string Purpose) ReadCaller(ServerCallContext context, string purpose)
    {
        var violations = new List<Violation>();
        var staff = context.RequestHeaders.GetValue(StaffHeader)?.Trim();
        if (string.IsNullOrEmpty(staff) || staff.Length > 64 || staff.Any(char.IsControl))
        {
            violations.Add(new Violation("REQUEST", StaffHeader, ViolationRules.Required,
                "Send the identifier of the staff member reading the book as metadata 'x-staff-id' (1-64 printable characters)."));
        }

        if (string.IsNullOrWhiteSpace(purpose) || purpose.Length > 200 || purpose.Any(char.IsControl))
        {
            violations.Add(new Violation("REQUEST", "purpose", ViolationRules.Required, "purpose is required: 1 to 200 printable characters."));
        }

        if (violations.Count > 0)
        {
            throw ApiErrors.InvalidArgument("The health-book request is incomplete", violations);
        }

        return (CallerPrincipal.From(context), staff!, purpose.Trim());
    }

    private async Task<string> ResolveAsync(PatientIdentity? patient)
    {
        var violations = new List<Violation>();
        var ids = DossierIntake.ReadIdentity(patient, violations);
        if (violations.Count > 0)
        {
            throw ApiErrors.InvalidArgument("The patient identity is invalid", violations);
        }

        return (await persons.ResolveAsync(ids, "REQUEST")).PersonKey;
    }

    private async Task RequireConsentAsync(CallerPrincipal caller, string facilityCode, string personKey, string staff, string purpose, string what)
    {
        if (await grains.GetGrain<IPatientGrain>(personKey).HasOpenCheckIn(facilityCode, time.GetUtcNow(), options.Value.ConsentWindow))
        {
            return;
        }

        await AuditAsync(AuditActions.HealthBookRefused, AuditOutcomes.Denied, facilityCode, personKey, staff, purpose, caller,
            $"Refused ({what}): no open check-in at the facility.");
        throw Authorizer.Deny(ConsentRequired,
            "The person has no open check-in at this facility: a facility reads the book only of a patient at its desk.");
    }

    private async Task AuditAsync(string action, string outcome, string facilityCode, string personKey, string staff, string purpose,
        CallerPrincipal caller, string details) =>
        await audit.AppendAsync(new AuditRecord
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            ActorRole = caller.RoleName,
            ActorId = "staff:" + staff,
            FacilityCode = facilityCode,
            ProvinceCode = (await grains.GetGrain<IFacilityGrain>(facilityCode).GetView())?.ProvinceCode,
            SubjectKey = personKey,
            Purpose = purpose,
            Outcome = outcome,
            Details = $"{details} Key {caller.KeyId}.",
        });

    private static string SafeName(string value) =>
        new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(60).ToArray());
}
