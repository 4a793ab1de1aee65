using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Facilities;
using SoSucKhoe.Security;
using static SoSucKhoe.Api.V1.Facilities;

namespace SoSucKhoe.Api.Facilities;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>
/// The facility registry (proto service sosuckhoe.v1.Facilities): profiles, locations, connection codes, gateway accounts,
/// signing certificates, readiness conditions and suspensions. Access rules live in <see cref="AccessPolicy"/>; every change is
/// audited, never with a secret.
/// </summary>
[BindServiceMethod(typeof(GuardedBinding<FacilitiesBase>), nameof(GuardedBinding<FacilitiesBase>.BindService))]
public sealed class FacilitiesService(
    IGrainFactory grains,
    IAuditTrail audit,
    TimeProvider time,
    FacilityProfiles profiles,
    CredentialIssuer credentials,
    Authorizer authorizer) : FacilitiesBase
{
    private const int MaxEvidenceLength = 500;
    private const int MaxReasonLength = 500;
    private const int MaxUsernameLength = 100;
    private const int MaxPasswordLength = 200;
    private const int AuditParallelism = 16;

    public override async Task<Facility> RegisterFacility(RegisterFacilityRequest request, ServerCallContext context)
    {
        var problems = new List<FieldProblem>();
        var input = ReadInput(request, problems);
        var gatewayGiven = !string.IsNullOrEmpty(request.GatewayUsername) || !string.IsNullOrEmpty(request.GatewayPassword);
        if (gatewayGiven)
        {
            CheckGatewayAccount(request.GatewayUsername, request.GatewayPassword, null, problems, "gateway_username", "gateway_password");
        }

        if (problems.Count > 0)
        {
            throw Invalid("The facility registration is invalid", problems);
        }

        var caller = CallerPrincipal.From(context);
        var facility = grains.GetGrain<IFacilityGrain>(input.FacilityCode);
        var existing = await facility.GetView();
        if (existing is not null)
        {
            // The rule checked the province the request names; an update must also be within the facility's registered province.
            await authorizer.EnsureFacilityAsync(caller, existing.FacilityCode);
        }

        var profile = profiles.Merge(input, existing, Today(), problems);
        if (profile is null)
        {
            throw Invalid("The facility registration is invalid", problems);
        }

        await EnsureProvinceAsync(caller, profile.LocationOn(Today())!.ProvinceCode);
        var view = await facility.Register(new FacilityRegistration(input.FacilityCode, profile));
        await AuditAsync(context, existing is null ? AuditActions.FacilityRegistered : AuditActions.FacilityUpdated, view,
            existing is null ? "Facility registered." : "Profile updated.");
        if (gatewayGiven)
        {
            view = await facility.SetGatewayAccount(request.GatewayUsername.Trim(), request.GatewayPassword,
                existing?.GatewayAccount?.EgressAddress) ?? view;
            await AuditAsync(context, AuditActions.FacilityGatewayAccountSet, view, $"Gateway account set (username {request.GatewayUsername.Trim()}).");
        }

        return FacilityMessages.ToMessage(view, Today());
    }

    public override async Task<Facility> GetFacility(GetFacilityRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var message = FacilityMessages.ToMessage(view, Today());
        message.SigningCertificates.AddRange((await facility.GetSigningCertificates()).Select(FacilityMessages.ToMessage));
        message.History.AddRange((await facility.GetHistory()).Select(FacilityMessages.ToMessage));
        return message;
    }

    public override async Task<SigningCertificate> AddSigningCertificate(AddSigningCertificateRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        using var certificate = RegistryLookups.ParsePublicCertificate(request.CertificatePem);
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var owner = await grains.GetGrain<ISigningCertificateIndexGrain>(thumbprint).Claim(view.FacilityCode);
        if (owner != view.FacilityCode)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.AlreadyExists, "This certificate is registered for another facility."));
        }

        var added = await facility.AddSigningCertificate(FacilityMessages.FromCertificate(certificate, thumbprint, time.GetUtcNow()));
        await AuditAsync(context, AuditActions.FacilityUpdated, view, $"Signing certificate {thumbprint[..16]} added.");
        return FacilityMessages.ToMessage(added!);
    }

    public override async Task<SigningCertificate> RevokeSigningCertificate(RevokeSigningCertificateRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var revoked = await facility.RevokeSigningCertificate((request.ThumbprintSha256 ?? string.Empty).ToUpperInvariant(), time.GetUtcNow())
            ?? throw ApiErrors.NotFound("The facility has no such signing certificate.", "signing_certificate", request.ThumbprintSha256 ?? string.Empty);
        await AuditAsync(context, AuditActions.FacilityUpdated, view, $"Signing certificate {revoked.Thumbprint[..16]} revoked.");
        return FacilityMessages.ToMessage(revoked);
    }

    public override async Task<ImportFacilitiesResponse> ImportFacilities(ImportFacilitiesRequest request, ServerCallContext context)
    {
        if (request.Csv.Length > FacilityCsv.MaxBytes)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.ResourceExhausted,
                $"An import takes at most {FacilityCsv.MaxBytes / (1024 * 1024)} MiB; split the file."));
        }

        var problems = new List<FieldProblem>();
        var rows = FacilityCsv.Read(request.Csv.Memory, problems)
            ?? throw new RpcException(new Grpc.Core.Status(StatusCode.ResourceExhausted,
                $"An import takes at most {FacilityCsv.MaxRows} rows; split the file."));

        // Everything is checked before anything changes: every cell, every location against the unit list, then the caller's
        // scope over every facility touched. Rows whose code is malformed are reported and not looked up.
        var caller = CallerPrincipal.From(context);
        var today = Today();
        var candidates = rows.Where(r => FacilityCode.TryParse(r.Input.FacilityCode, out _, out _)).ToList();
        var existing = await Task.WhenAll(candidates.Select(row => grains.GetGrain<IFacilityGrain>(row.Input.FacilityCode).GetView()));
        var registrations = new List<(FacilityCsv.Row Row, FacilityRegistration Registration, FacilityView? Existing)>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var profile = profiles.Merge(candidates[i].Input, existing[i], today, problems, $"row {candidates[i].Number}: ");
            if (profile is not null)
            {
                registrations.Add((candidates[i], new FacilityRegistration(candidates[i].Input.FacilityCode, profile), existing[i]));
            }
        }

        if (problems.Count > 0)
        {
            throw RegistryErrors.InvalidRows("The import was refused; nothing was changed", [.. problems.OrderBy(FacilityCsv.RowOf)]);
        }

        if (caller.Role != CallerRole.Admin)
        {
            var provinces = registrations
                .Select(r => r.Registration.Profile.LocationOn(today)!.ProvinceCode)
                .Concat(registrations.Where(r => r.Existing is not null).Select(r => r.Existing!.ProvinceCode))
                .Distinct(StringComparer.Ordinal);
            foreach (var province in provinces)
            {
                await EnsureProvinceAsync(caller, province);
            }
        }

        var views = await Task.WhenAll(registrations.Select(r => grains.GetGrain<IFacilityGrain>(r.Registration.FacilityCode).Register(r.Registration)));
        using (var gate = new SemaphoreSlim(AuditParallelism))
        {
            await Task.WhenAll(registrations.Select(async (r, i) =>
            {
                await gate.WaitAsync(context.CancellationToken);
                try
                {
                    await AuditAsync(context, r.Existing is null ? AuditActions.FacilityRegistered : AuditActions.FacilityUpdated, views[i],
                        $"Imported (row {r.Row.Number}).");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var response = new ImportFacilitiesResponse();
        for (var i = 0; i < registrations.Count; i++)
        {
            response.Rows.Add(new ImportedFacility
            {
                Row = registrations[i].Row.Number,
                FacilityCode = views[i].FacilityCode,
                Created = registrations[i].Existing is null,
                State = FacilityMessages.ToMessage(views[i].State),
            });
        }

        response.Created = registrations.Count(r => r.Existing is null);
        response.Updated = registrations.Count - response.Created;
        return response;
    }

    public override async Task<Facility> ScheduleLocation(ScheduleLocationRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var problems = new List<FieldProblem>();
        if (!RegistryText.TryParseDate(request.EffectiveFrom, out var from))
        {
            problems.Add(new FieldProblem("effective_from", ViolationRules.DateFormat, "effective_from is required, as yyyy-MM-dd."));
        }

        if (string.IsNullOrEmpty(request.ProvinceCode))
        {
            problems.Add(new FieldProblem("province_code", ViolationRules.Required, "province_code is required."));
        }

        var profile = problems.Count > 0
            ? null
            : profiles.Schedule(view.Profile, FacilityMessages.FromMessage(request, from), problems);
        if (profile is null)
        {
            throw Invalid("The location is invalid", problems);
        }

        var updated = await facility.Register(new FacilityRegistration(view.FacilityCode, profile));
        await AuditAsync(context, AuditActions.FacilityUpdated, updated,
            $"Location from {RegistryText.Format(from)}: province {request.ProvinceCode}, district {request.DistrictCode}, commune {request.CommuneCode}.");
        return FacilityMessages.ToMessage(updated, Today());
    }

    public override async Task<Facility> UpdateCondition(UpdateConditionRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var problems = new List<FieldProblem>();
        var condition = FacilityMessages.FromMessage(request.Condition);
        var state = FacilityMessages.FromMessage(request.State);
        if (request.Condition == ReadinessCondition.Unspecified || !Enum.IsDefined(request.Condition))
        {
            problems.Add(new FieldProblem("condition", ViolationRules.CodeList, "condition must be a readiness condition."));
        }
        else if (ReadinessConditions.IsDerived(condition))
        {
            problems.Add(new FieldProblem("condition", RegistryRules.ConditionDerived,
                $"{FacilityMessages.ConditionName(condition)} is derived by the hub from what it holds and cannot be declared."));
        }

        if (!Enum.IsDefined(request.State))
        {
            problems.Add(new FieldProblem("state", ViolationRules.CodeList, "state must be NOT_STARTED, IN_PROGRESS or MET."));
        }
        else if (request.State != ConditionState.NotStarted && !RegistryText.IsPrintable(request.Evidence, MaxEvidenceLength))
        {
            problems.Add(new FieldProblem("evidence", ViolationRules.Required,
                $"evidence is required unless the state is NOT_STARTED: 1 to {MaxEvidenceLength} printable characters."));
        }
        else if (request.Evidence.Length > MaxEvidenceLength || request.Evidence.Any(char.IsControl))
        {
            problems.Add(new FieldProblem("evidence", RegistryRules.Text, $"evidence has at most {MaxEvidenceLength} printable characters."));
        }

        double? share = request.HasShare ? request.Share : null;
        if (share is { } s && (double.IsNaN(s) || s < 0 || s > 1))
        {
            problems.Add(new FieldProblem("share", ViolationRules.NumberFormat, "share is a fraction between 0 and 1."));
        }
        else if (request.Condition == ReadinessCondition.StaffTrained && request.State != ConditionState.NotStarted && share is null)
        {
            problems.Add(new FieldProblem("share", ViolationRules.Required, "STAFF_TRAINED needs the share of staff trained (0 to 1)."));
        }

        if (problems.Count > 0)
        {
            throw Invalid("The condition update is invalid", problems);
        }

        var caller = CallerPrincipal.From(context);
        FacilityView? updated;
        try
        {
            updated = await facility.UpdateCondition(new ConditionUpdate(condition, state, request.Evidence.Trim(), caller.KeyId,
                request.Condition == ReadinessCondition.StaffTrained ? share : null));
        }
        catch (ArgumentException exception)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "condition", RegistryRules.ConditionDerived, exception.Message);
        }

        if (updated is null)
        {
            throw NotRegistered(view.FacilityCode);
        }

        await AuditAsync(context, AuditActions.FacilityConditionUpdated, updated,
            $"{FacilityMessages.ConditionName(condition)} declared {state}{(share is { } v ? $" (share {v:0.###})" : string.Empty)}; state {updated.State}.");
        return FacilityMessages.ToMessage(updated, Today());
    }

    public override async Task<IssuedConnectionCode> IssueConnectionCode(IssueConnectionCodeRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        if (request.KeyLabel.Length > 100 || request.KeyLabel.Any(char.IsControl))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "key_label", RegistryRules.Text, "key_label has at most 100 printable characters.");
        }

        var caller = CallerPrincipal.From(context);
        var updated = await facility.IssueConnectionCode(caller.KeyId) ?? throw NotRegistered(view.FacilityCode);
        var code = updated.ConnectionCode?.Code ?? throw new InvalidOperationException("The facility grain issued no connection code.");
        await AuditAsync(context, AuditActions.FacilityConnectionCodeIssued, updated, "Connection code issued.");
        var label = string.IsNullOrWhiteSpace(request.KeyLabel) ? "connection code" : request.KeyLabel.Trim();
        var (key, record) = await credentials.IssueAsync(CallerRole.Facility, updated.FacilityCode, label, caller);
        return new IssuedConnectionCode
        {
            ConnectionCode = code,
            FacilityKey = new IssuedKey { Key = key, Info = CredentialsService.ToInfo(record) },
            Facility = FacilityMessages.ToMessage(updated, Today()),
        };
    }

    public override async Task<Facility> SetGatewayAccount(SetGatewayAccountRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var problems = new List<FieldProblem>();
        CheckGatewayAccount(request.Username, request.Password, request.EgressAddress, problems, "username", "password");
        if (problems.Count > 0)
        {
            throw Invalid("The gateway account is invalid", problems);
        }

        var egress = RegistryText.NullIfEmpty(request.EgressAddress);
        var updated = await facility.SetGatewayAccount(request.Username.Trim(), request.Password, egress) ?? throw NotRegistered(view.FacilityCode);
        await AuditAsync(context, AuditActions.FacilityGatewayAccountSet, updated,
            $"Gateway account set (username {request.Username.Trim()}{(egress is null ? string.Empty : ", egress " + egress)}).");
        return FacilityMessages.ToMessage(updated, Today());
    }

    public override async Task<Facility> SuspendFacility(SuspendFacilityRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        if (!RegistryText.IsPrintable(request.Reason, MaxReasonLength))
        {
            throw ApiErrors.InvalidArgument("REQUEST", "reason", ViolationRules.Required, $"reason is required: 1 to {MaxReasonLength} printable characters.");
        }

        var caller = CallerPrincipal.From(context);
        var updated = await facility.Suspend(request.Reason.Trim(), caller.KeyId) ?? throw NotRegistered(view.FacilityCode);
        await AuditAsync(context, AuditActions.FacilitySuspended, updated, "Suspended: " + request.Reason.Trim());
        return FacilityMessages.ToMessage(updated, Today());
    }

    public override async Task<Facility> ResumeFacility(ResumeFacilityRequest request, ServerCallContext context)
    {
        var (facility, view) = await RequireFacilityAsync(request.FacilityCode);
        var caller = CallerPrincipal.From(context);
        var updated = await facility.Resume(caller.KeyId) ?? throw NotRegistered(view.FacilityCode);
        await AuditAsync(context, AuditActions.FacilityResumed, updated, $"Resumed; state {updated.State}.");
        return FacilityMessages.ToMessage(updated, Today());
    }

    private static FacilityInput ReadInput(RegisterFacilityRequest request, List<FieldProblem> problems)
    {
        if (!FacilityCode.TryParse(request.FacilityCode, out var code, out var reason))
        {
            problems.Add(new FieldProblem("facility_code", ViolationRules.FacilityCodeStructure, reason!));
        }

        DateOnly? from = null;
        if (!string.IsNullOrEmpty(request.LocationEffectiveFrom))
        {
            if (RegistryText.TryParseDate(request.LocationEffectiveFrom, out var date))
            {
                from = date;
            }
            else
            {
                problems.Add(new FieldProblem("location_effective_from", ViolationRules.DateFormat, "location_effective_from is written yyyy-MM-dd."));
            }
        }

        if (!Enum.IsDefined(request.Level))
        {
            problems.Add(new FieldProblem("level", ViolationRules.CodeList, "level is not a known facility level."));
        }

        if (!Enum.IsDefined(request.Ownership))
        {
            problems.Add(new FieldProblem("ownership", ViolationRules.CodeList, "ownership is not a known value."));
        }

        if (request.CareTypes.Any(c => c == CareType.Unspecified || !Enum.IsDefined(c)))
        {
            problems.Add(new FieldProblem("care_types", ViolationRules.CodeList, "care_types holds an unknown care type."));
        }

        return new FacilityInput(
            reason is null ? code.Value : request.FacilityCode ?? string.Empty,
            string.IsNullOrEmpty(request.Name) ? null : request.Name,
            RegistryText.NullIfEmpty(request.ProvinceCode),
            RegistryText.NullIfEmpty(request.DistrictCode),
            RegistryText.NullIfEmpty(request.CommuneCode),
            from,
            request.Level == FacilityLevel.Unspecified ? null : FacilityMessages.FromMessage(request.Level),
            request.Ownership == FacilityOwnership.Unspecified ? null : FacilityMessages.FromMessage(request.Ownership),
            request.HasInsuredCareContract ? request.InsuredCareContract : null,
            request.CareTypes.Count > 0 ? request.CareTypes.Select(FacilityMessages.FromMessage).ToList() : null);
    }

    private static void CheckGatewayAccount(string username, string password, string? egress, List<FieldProblem> problems,
        string usernameField, string passwordField)
    {
        if (!RegistryText.IsPrintable(username, MaxUsernameLength))
        {
            problems.Add(new FieldProblem(usernameField, ViolationRules.Required,
                $"A gateway account needs a username: 1 to {MaxUsernameLength} printable characters."));
        }

        if (string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength || password.Any(char.IsControl))
        {
            // Never echo the password, not even its length.
            problems.Add(new FieldProblem(passwordField, ViolationRules.Required,
                $"A gateway account needs a password: 1 to {MaxPasswordLength} printable characters."));
        }

        if (!string.IsNullOrWhiteSpace(egress) && !IPAddress.TryParse(egress.Trim(), out _))
        {
            problems.Add(new FieldProblem("egress_address", ViolationRules.CodeList, "egress_address must be an IPv4 or IPv6 address."));
        }
    }

    private async Task EnsureProvinceAsync(CallerPrincipal caller, string province)
    {
        if (caller.Role == CallerRole.Province)
        {
            await authorizer.EnsureScopeAsync(caller, ResourceScope.Province(province));
        }
    }

    private Task<(IFacilityGrain Grain, FacilityView View)> RequireFacilityAsync(string code) =>
        RegistryLookups.RequireFacilityAsync(grains, code);

    private DateOnly Today() => RegistryText.Today(time);

    private static RpcException Invalid(string summary, List<FieldProblem> problems) =>
        ApiErrors.InvalidArgument(summary, problems.Select(p => p.ForRequest()).ToList());

    private static RpcException NotRegistered(string code) => ApiErrors.NotFound($"Facility {code} is not registered.", "facility", code);

    private Task<long> AuditAsync(ServerCallContext context, string action, FacilityView view, string details)
    {
        var caller = CallerPrincipal.From(context);
        return audit.AppendAsync(new AuditRecord
        {
            OccurredAt = time.GetUtcNow(),
            Action = action,
            ActorRole = caller.RoleName,
            ActorId = caller.KeyId,
            FacilityCode = view.FacilityCode,
            ProvinceCode = view.ProvinceCode,
            Outcome = AuditOutcomes.Ok,
            Details = details,
        }, context.CancellationToken);
    }
}
