using System.Buffers.Binary;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// A request body that is not a valid protocol-buffers message gets INVALID_ARGUMENT with a field violation (REQUEST.message,
/// message_malformed), never UNKNOWN with an error in the log; the hub changes nothing and keeps serving. Sent over real HTTP/2 to
/// a hub process.
/// </summary>
[Collection(TunedHubCollection.Name)]
public sealed class MalformedMessageTests(TunedHubFixture fixture) : IAsyncLifetime
{
    private const string Facility = "70302";
    private static readonly HttpClient Http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };
    private string _key = null!;

    public async Task InitializeAsync() => _key = await fixture.Clients.FacilityKeyAsync(Facility, "Malformed message HIS");

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, byte[]> MalformedBodies() => new()
    {
        // Field 1 (document, length-delimited) claims 100 bytes; 3 follow.
        { "a length past the end", [0x0A, 100, 1, 2, 3] },
        // A varint whose continuation bit never ends.
        { "an endless varint", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] },
        // Wire type 7 does not exist.
        { "an invalid wire type", [0x0F, 0x01] },
        // Field number 0 is reserved.
        { "field number zero", [0x02, 0x01, 0x00] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_intake_message_is_invalid_argument_naming_the_rule(string what, byte[] body)
    {
        var error = await HostileWire.SendAsync(Http, fixture.Settings.GrpcAddress, _key,
            new HostileWireRequest(HostileWireRequest.SubmitDossier, Framed(body)), CancellationToken.None);

        Assert.True(error is not null, what);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("REQUEST.message", violation.Field);
        Assert.StartsWith("message_malformed: The request is not a valid SubmitDossierRequest message", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_administration_message_is_refused_the_same_way_and_the_hub_keeps_serving()
    {
        var error = await HostileWire.SendAsync(Http, fixture.Settings.GrpcAddress, fixture.Settings.AdminKey,
            new HostileWireRequest("/sosuckhoe.v1.Facilities/GetFacility", Framed([0x0A, 50, (byte)'7'])), CancellationToken.None);

        Assert.Equal(StatusCode.InvalidArgument, error?.StatusCode);
        var facility = await fixture.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = Facility });
        Assert.Equal(Facility, facility.FacilityCode);
        Assert.DoesNotContain("Exception was thrown by handler", fixture.Hub.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidProtocolBufferException", fixture.Hub.Output, StringComparison.Ordinal);
    }

    private static byte[] Framed(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }
}

/// <summary>Server reflection still describes every service of the contract (grpcurl and buf curl depend on it).</summary>
[Collection(TunedHubCollection.Name)]
public sealed class ServerReflectionTests(TunedHubFixture fixture)
{
    [Fact]
    public async Task Reflection_lists_every_service_of_the_contract_and_describes_its_messages()
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(fixture.Settings.GrpcAddress);
        var client = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = string.Empty });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { FileContainingSymbol = "sosuckhoe.v1.Intake" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto;
        await call.RequestStream.CompleteAsync();

        foreach (var service in new[] { "Intake", "Facilities", "Credentials", "Audit", "HealthBook", "Operations", "Monitoring" })
        {
            Assert.Contains($"sosuckhoe.v1.{service}", services);
        }

        Assert.NotEmpty(files);
    }
}
