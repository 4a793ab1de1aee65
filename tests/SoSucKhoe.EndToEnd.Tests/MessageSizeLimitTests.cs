using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Messages around the hub's limit (Hub:MaxMessageBytes, 1 MiB here), sent over real HTTP/2 to a hub process: at the limit a
/// message is read; above it, by one byte or several times over, with or without a declared body length, it gets
/// RESOURCE_EXHAUSTED naming its size and the limit. Nothing is stored, nothing is logged as an error, the hub keeps serving, and
/// an oversized body on the plain-HTTP port gets 413.
/// </summary>
[Collection(TunedHubCollection.Name)]
public sealed class MessageSizeLimitTests(TunedHubFixture fixture) : IAsyncLifetime
{
    private const string Facility = "70301";
    private const int Limit = TunedHubFixture.MessageLimit;
    private static readonly HttpClient Http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };
    private string _key = null!;

    public async Task InitializeAsync() => _key = await fixture.Clients.FacilityKeyAsync(Facility, "Size limit HIS");

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<int, bool> OversizedMessages() => new()
    {
        { Limit + 1, false },
        { Limit + 1, true },
        { 2 * Limit, false },
        { 2 * Limit, true },
        { 3 * Limit, false },
        { 3 * Limit, true },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_message_of_exactly_the_limit_is_read_not_refused_for_its_size(bool declaresLength)
    {
        var request = RequestOfSize(Limit);

        var error = await HostileWire.SendAsync(Http, fixture.Settings.GrpcAddress, _key,
            HostileWireRequest.Of(HostileWireRequest.SubmitDossier, request) with { DeclaresLength = declaresLength }, CancellationToken.None);

        Assert.Equal(Limit, request.CalculateSize());
        Assert.NotNull(error);
        // Read and refused for what it holds (padding is no dossier), not for its size.
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OversizedMessages))]
    public async Task A_message_above_the_limit_gets_resource_exhausted_naming_its_size_and_the_limit(int size, bool declaresLength)
    {
        var request = RequestOfSize(size);

        var error = await HostileWire.SendAsync(Http, fixture.Settings.GrpcAddress, _key,
            HostileWireRequest.Of(HostileWireRequest.SubmitDossier, request) with { DeclaresLength = declaresLength }, CancellationToken.None);

        Assert.Equal(size, request.CalculateSize());
        Assert.NotNull(error);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal($"The message is {size} bytes; the hub accepts at most {Limit} bytes (Hub:MaxMessageBytes).", error.Status.Detail);
    }

    [Fact]
    public async Task The_generated_client_gets_the_same_answer()
    {
        var intake = fixture.Clients.IntakeWith(_key);

        var error = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitDossierAsync(RequestOfSize(Limit + 1)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal($"The message is {Limit + 1} bytes; the hub accepts at most {Limit} bytes (Hub:MaxMessageBytes).", error.Status.Detail);
    }

    [Fact]
    public async Task A_compressed_message_above_the_limit_once_decompressed_gets_resource_exhausted_naming_the_limit()
    {
        var bomb = HostileWireRequest.Gzip(HostileWireRequest.SubmitDossier, HostileWireRequest.GzipSubmitRequest(4L * Limit));

        var error = await HostileWire.SendAsync(Http, fixture.Settings.GrpcAddress, _key, bomb, CancellationToken.None);

        Assert.True(bomb.Frame.Length < Limit / 100, $"the compressed message is {bomb.Frame.Length} bytes");
        Assert.NotNull(error);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal($"The message is larger than the hub accepts: at most {Limit} bytes (Hub:MaxMessageBytes), counted after decompression.",
            error.Status.Detail);
    }

    [Fact]
    public async Task After_oversized_messages_the_hub_serves_stored_nothing_and_logged_no_error()
    {
        foreach (var declaresLength in new[] { false, true })
        {
            var error = await HostileWire.SendAsync(Http, fixture.Settings.GrpcAddress, _key,
                HostileWireRequest.Of(HostileWireRequest.SubmitDossier, RequestOfSize(3 * Limit)) with { DeclaresLength = declaresLength },
                CancellationToken.None);
            Assert.Equal(StatusCode.ResourceExhausted, error?.StatusCode);
        }

        var health = await new Health.HealthClient(fixture.Clients.Channel).CheckAsync(new HealthCheckRequest());
        var facility = await fixture.Clients.FacilitiesWith(_key).GetFacilityAsync(new GetFacilityRequest { FacilityCode = Facility });
        var logs = fixture.Hub.Output;

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(Facility, facility.FacilityCode);
        Assert.Equal(0, fixture.Workspace.Emulator.State.GetStats().Received);
        Assert.Contains($"above the limit of {Limit} bytes (from Hub:MaxMessageBytes)", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(" ERR] ", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception was thrown by handler", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("BadHttpRequestException", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_declared_longer_than_the_limit_on_the_plain_http_port_gets_413()
    {
        var bodyLimit = Limit + (64 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Settings.HttpAddress, "/healthz"))
        {
            Content = new ByteArrayContent(new byte[2 * bodyLimit]),
        };

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal($"The request body is {2 * bodyLimit} bytes; the hub accepts at most {bodyLimit} bytes.\n", text);
    }

    [Fact]
    public async Task A_streamed_body_that_outgrows_the_limit_while_an_endpoint_reads_it_gets_413()
    {
        var bodyLimit = Limit + (64 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Settings.HttpAddress, "/gateway/api/token/take"))
        {
            Content = new StreamContent(new UnknownLengthStream(new byte[2 * bodyLimit])),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal($"The request body is larger than the hub accepts: at most {bodyLimit} bytes.\n", text);
        Assert.DoesNotContain(" ERR] ", fixture.Hub.Output, StringComparison.Ordinal);
    }

    /// <summary>A SubmitDossierRequest whose encoding is exactly <paramref name="size"/> bytes: a document of padding.</summary>
    private static SubmitDossierRequest RequestOfSize(int size)
    {
        // Field 1 costs a tag byte and the length's varint; grow the document until the whole is the size asked for.
        var document = size - 1 - CodedOutputStream.ComputeLengthSize(size);
        while (1 + CodedOutputStream.ComputeLengthSize(document) + document < size)
        {
            document++;
        }

        var bytes = new byte[document];
        "<GIAMDINHHS>"u8.CopyTo(bytes);
        bytes.AsSpan(12).Fill((byte)' ');
        return new SubmitDossierRequest { Document = UnsafeByteOperations.UnsafeWrap(bytes) };
    }

    /// <summary>A stream HttpClient cannot measure: the body goes out chunked, without a Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
