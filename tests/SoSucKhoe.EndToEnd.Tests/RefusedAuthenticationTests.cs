using System.Text.RegularExpressions;
using Grpc.Core;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Security;
using SoSucKhoe.Testing;
using ProtoAuditEntry = SoSucKhoe.Api.V1.AuditEntry;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Calls refused at the door of a hub process (report interval one second): its log names the source and the key ids, never a
/// secret, and the repeated refusals of the source reach the audit trail, read back through the audit API.
/// </summary>
[Collection(TunedHubCollection.Name)]
public sealed partial class RefusedAuthenticationTests(TunedHubFixture fixture)
{
    private const string Facility = "70302";

    [Fact]
    public async Task Refused_calls_are_logged_with_their_source_and_key_ids_and_repeated_ones_are_audited()
    {
        var clients = fixture.Clients;
        await clients.FacilityKeyAsync(Facility, "Refused HIS");
        var revoked = await clients.AdminCredentials.IssueFacilityKeyAsync(new IssueFacilityKeyRequest { FacilityCode = Facility });
        await clients.AdminCredentials.RevokeKeyAsync(new RevokeKeyRequest { KeyId = revoked.Info.KeyId });
        var forged = ForgedKey();
        Assert.True(ApiKeys.TryParse(forged, out var forgedId, out var forgedSecret));
        Assert.True(ApiKeys.TryParse(revoked.Key, out _, out var revokedSecret));
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);

        var refusals = new List<RpcException>();
        foreach (var key in new string?[] { null, forged, revoked.Key, revoked.Key })
        {
            refusals.Add(await Assert.ThrowsAsync<RpcException>(() => clients.FacilitiesWith(key!).GetFacilityAsync(
                new GetFacilityRequest { FacilityCode = Facility }).ResponseAsync));
        }

        Assert.All(refusals, r => Assert.Equal(StatusCode.Unauthenticated, r.StatusCode));
        ProtoAuditEntry? entry = null;
        Assert.True(await Eventually.Until(async () =>
        {
            var page = await clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest
            {
                Actions = { AuditActions.AuthenticationRefused },
                ActorId = "127.0.0.1",
                From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(started),
            });
            entry = page.Entries.FirstOrDefault(e => e.Details.Contains("revoked_key 2", StringComparison.Ordinal));
            return entry is not null;
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200)), "no audit entry for the repeated refusals");
        Assert.Equal((AuditActorRoles.System, AuditOutcomes.Denied), (entry!.ActorRole, entry.Outcome));
        Assert.Contains("unknown_key 1", entry.Details, StringComparison.Ordinal);
        Assert.Contains(forgedId, entry.Details, StringComparison.Ordinal);
        Assert.Contains("/sosuckhoe.v1.Facilities/GetFacility", entry.Details, StringComparison.Ordinal);

        var logs = fixture.Hub.Output;
        Assert.Contains("Refused 1 call(s) from 127.0.0.1", logs, StringComparison.Ordinal);
        Assert.Contains(forgedId, logs, StringComparison.Ordinal);
        Assert.Contains(revoked.Info.KeyId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(forgedSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(revokedSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(revokedSecret, entry.Details, StringComparison.Ordinal);
    }

    /// <summary>
    /// A key unknown to the hub, whose id holds no run of 9 digits: the audit trail masks such runs in its free text as a safety
    /// net for personal numbers, which would hide part of the id this test looks for.
    /// </summary>
    private static string ForgedKey()
    {
        while (true)
        {
            var key = ApiKeys.Create(CallerRole.Facility, Facility, "forged", DateTimeOffset.UtcNow).Key;
            Assert.True(ApiKeys.TryParse(key, out var id, out _));
            if (!NineDigits().IsMatch(id))
            {
                return key;
            }
        }
    }

    [GeneratedRegex("[0-9]{9}")]
    private static partial Regex NineDigits();
}
