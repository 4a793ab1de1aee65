using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using SoSucKhoe.Facilities;
using SoSucKhoe.Grains.Facilities;
using SoSucKhoe.Grains.Security;

namespace SoSucKhoe.Grains.Tests.Readiness;

[Collection(ReadinessCollection.Name)]
public sealed class GatewayAccountTests(ReadinessClusterFixture fixture)
{
    private const string Password = "Mk-Cổng-BHXH-7f3a91";

    [Fact]
    public async Task The_gateway_password_is_stored_encrypted_never_shown_and_decrypted_only_for_forwarding()
    {
        var facility = await ReadinessSteps.RegisterAsync(fixture.Grains, "72001");

        var view = (await facility.SetGatewayAccount("70001_BV", Password, "203.0.113.7"))!;

        Assert.True(view.HasGatewayAccount);
        Assert.Equal("70001_BV", view.GatewayAccount!.Username);
        Assert.Equal("203.0.113.7", view.GatewayAccount.EgressAddress);
        Assert.DoesNotContain(Password, JsonSerializer.Serialize(view));
        Assert.DoesNotContain(Password, JsonSerializer.Serialize(await facility.Admit(AdmissionPurpose.Conformance)));

        var stored = await ReadStoredStateAsync(facility);
        Assert.Equal("70001_BV", stored.GatewayAccount!.Username);
        Assert.NotEqual(Password, stored.GatewayAccount.ProtectedPassword);
        var bytes = fixture.SiloServices.GetRequiredService<Serializer>().SerializeToArray(stored);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Password)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(Password)));
        Assert.Equal(Password, fixture.SiloServices.GetRequiredService<ISecretProtector>().Unprotect(stored.GatewayAccount.ProtectedPassword));

        var forwarding = (await facility.GetForwardingProfile())!;
        Assert.Equal("70001_BV", forwarding.GatewayUsername);
        Assert.Equal(Password, forwarding.GatewayPassword);
        Assert.Equal("72", forwarding.ProvinceCode);
    }

    [Fact]
    public async Task A_facility_without_an_account_forwards_with_none()
    {
        var facility = await ReadinessSteps.RegisterAsync(fixture.Grains, "72002");

        var forwarding = (await facility.GetForwardingProfile())!;

        Assert.Null(forwarding.GatewayUsername);
        Assert.Null(forwarding.GatewayPassword);
        Assert.False((await facility.GetView())!.HasGatewayAccount);
    }

    private async Task<FacilityState> ReadStoredStateAsync(IFacilityGrain facility)
    {
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var state = new GrainState<FacilityState>(new FacilityState());
        await storage.ReadStateAsync("facility", facility.GetGrainId(), state);
        Assert.True(state.RecordExists);
        return state.State!;
    }
}
