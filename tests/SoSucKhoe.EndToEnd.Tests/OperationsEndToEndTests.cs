using Google.Protobuf;
using SoSucKhoe.Api.V1;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>A dossier the gateway refused waits in the facility's list of rejected dossiers until an operator replays it.</summary>
[Collection(HubCollection.Name)]
public sealed class OperationsEndToEndTests(HubFixture hub)
{
    private static readonly DossierFactory s_dossiers = new(seed: 404);
    private readonly ProvinceGenerator _province = new(seed: 4040, new ProvinceOptions { FacilityCount = 2, CitizenCount = 100 });

    [Fact]
    public async Task A_refused_dossier_is_listed_and_once_replayed_reaches_the_gateway_and_the_replay_is_audited()
    {
        var facility = _province.Facilities()[1];
        var intake = await hub.Clients.IntakeForAsync(facility.Code, facility.Name);
        var operations = new Operations.OperationsClient(hub.Clients.With(hub.Clients.AdminKey));
        var dossier = s_dossiers.Create(_province.CitizenAt(7), facility, "01", DateTimeOffset.UtcNow.AddDays(-1));
        hub.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(RejectRate: 1.0));
        DossierStatus? status = null;
        try
        {
            var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });
            Assert.True(await Eventually.Until(async () =>
            {
                status = await intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = accepted.DossierId });
                return status.State == DossierState.RejectedByGateway;
            }, TimeSpan.FromSeconds(30)));
        }
        finally
        {
            hub.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(Clear: true));
        }

        var rejected = await operations.ListRejectedDossiersAsync(new ListRejectedDossiersRequest { FacilityCode = facility.Code });
        var letter = Assert.Single(rejected.Dossiers, d => d.DossierId == status!.DossierId);
        Assert.Equal(status!.GatewayResultCode, letter.GatewayResultCode);

        await operations.ReplayRejectedDossierAsync(new ReplayRejectedDossierRequest
        {
            DossierId = status.DossierId,
            Version = 1,
            Reason = "Cổng đã cập nhật danh mục",
        });
        Assert.True(await Eventually.Until(async () =>
            (await intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = status.DossierId })).State == DossierState.Acknowledged,
            TimeSpan.FromSeconds(30)));

        var after = await operations.ListRejectedDossiersAsync(new ListRejectedDossiersRequest { FacilityCode = facility.Code });
        Assert.DoesNotContain(after.Dossiers, d => d.DossierId == status.DossierId);
        Assert.Single(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            FacilityCode = facility.Code,
            Actions = { "deadletter.replayed" },
        });
        Assert.StartsWith("Replayed version 1 of " + facility.Code, Assert.Single(audit.Entries).Details, StringComparison.Ordinal);
    }
}
