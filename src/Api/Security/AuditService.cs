using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Security;
using static SoSucKhoe.Api.V1.Audit;

namespace SoSucKhoe.Api.Security;

// The contract's names win where the domain repeats them; the slice's mapper converts between the two.
using SoSucKhoe.Api.V1;

/// <summary>Reads the audit trail (proto service sosuckhoe.v1.Audit); there is no RPC that writes or changes it.</summary>
[BindServiceMethod(typeof(GuardedBinding<AuditBase>), nameof(GuardedBinding<AuditBase>.BindService))]
public sealed class AuditService(IAuditTrail audit, Authorizer authorizer) : AuditBase
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var caller = CallerPrincipal.From(context);
        var province = Empty(request.ProvinceCode);
        if (caller.Role == CallerRole.Province)
        {
            if (province is not null && province != caller.Scope)
            {
                await authorizer.EnsureScopeAsync(caller, ResourceScope.Province(province));
            }

            province = caller.Scope;
        }

        if (Empty(request.FacilityCode) is { } facility)
        {
            await authorizer.EnsureFacilityAsync(caller, facility);
        }

        if (request.Limit is < 0 or > AuditQuery.MaxLimit)
        {
            throw ApiErrors.InvalidArgument("REQUEST", "limit", ViolationRules.NumberFormat, $"limit must be between 1 and {AuditQuery.MaxLimit}.");
        }

        var page = await audit.QueryAsync(new AuditQuery
        {
            From = request.From?.ToDateTimeOffset(),
            To = request.To?.ToDateTimeOffset(),
            Actions = request.Actions.Count > 0 ? request.Actions.ToList() : null,
            FacilityCode = Empty(request.FacilityCode),
            ProvinceCode = province,
            ActorId = Empty(request.ActorId),
            SubjectKey = Empty(request.SubjectKey),
            Outcome = Empty(request.Outcome),
            AfterId = request.AfterId > 0 ? request.AfterId : null,
            Limit = request.Limit == 0 ? 100 : request.Limit,
            Order = request.OldestFirst ? AuditOrder.OldestFirst : AuditOrder.NewestFirst,
        }, context.CancellationToken);

        var response = new ListAuditEntriesResponse { NextAfterId = page.NextAfterId ?? 0 };
        response.Entries.AddRange(page.Entries.Select(e => new AuditEntry
        {
            Id = e.Id,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            Action = e.Action,
            ActorRole = e.ActorRole,
            ActorId = e.ActorId,
            FacilityCode = e.FacilityCode ?? string.Empty,
            ProvinceCode = e.ProvinceCode ?? string.Empty,
            SubjectMasked = e.SubjectKey ?? string.Empty,
            Purpose = e.Purpose ?? string.Empty,
            Outcome = e.Outcome,
            Details = e.Details,
        }));
        return response;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
