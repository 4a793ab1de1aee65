using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Silo.Hosting;
using SoSucKhoe.Testing;
using FacilitiesApi = SoSucKhoe.Api.V1.Facilities;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// gRPC over TLS, with a HIS authenticated by a client certificate registered for its facility (mutual TLS) instead of a key.
/// </summary>
public sealed class MutualTlsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sosuckhoe-tls-").FullName;
    private X509Certificate2 _server = null!;
    private EmulatorServer _emulator = null!;
    private HubSettings _settings = null!;
    private WebApplication _hub = null!;

    public async Task InitializeAsync()
    {
        _server = SelfSigned("CN=hub.test", server: true);
        var pfx = Path.Combine(_folder, "server.pfx");
        await File.WriteAllBytesAsync(pfx, _server.Export(X509ContentType.Pfx, "test"));
        _emulator = await EmulatorServer.StartAsync();
        _settings = new HubSettings(_emulator.BaseAddress, Path.Combine(_folder, "data")) { TlsCertificatePath = pfx };
        _hub = HubHost.Build(_settings.ToArguments());
        await _hub.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.StopAsync();
        await _hub.DisposeAsync();
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_registered_client_certificate_authenticates_its_facility_and_a_revoked_or_unknown_one_does_not()
    {
        var facility = "70101";
        var registered = SelfSigned($"CN=HIS {facility}", server: false);
        var unknown = SelfSigned("CN=someone else", server: false);
        using var admin = Channel(null);
        var clients = new HubClients(admin, _settings.AdminKey);
        await clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = facility, Name = "Bệnh viện thử" });
        var info = await clients.AdminCredentials.RegisterClientCertificateAsync(new RegisterClientCertificateRequest
        {
            FacilityCode = facility,
            CertificatePem = registered.ExportCertificatePem(),
        });

        using var withCertificate = Channel(registered);
        var own = await new FacilitiesApi.FacilitiesClient(withCertificate).GetFacilityAsync(new GetFacilityRequest { FacilityCode = facility });
        var foreign = await Assert.ThrowsAsync<RpcException>(() => new FacilitiesApi.FacilitiesClient(withCertificate)
            .GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70102" }).ResponseAsync);
        using var withUnknown = Channel(unknown);
        var stranger = await Assert.ThrowsAsync<RpcException>(() => new FacilitiesApi.FacilitiesClient(withUnknown)
            .GetFacilityAsync(new GetFacilityRequest { FacilityCode = facility }).ResponseAsync);
        await clients.AdminCredentials.RevokeClientCertificateAsync(new RevokeClientCertificateRequest
        {
            FacilityCode = facility,
            ThumbprintSha256 = info.ThumbprintSha256,
        });
        using var afterRevoke = Channel(registered);
        var revoked = await Assert.ThrowsAsync<RpcException>(() => new FacilitiesApi.FacilitiesClient(afterRevoke)
            .GetFacilityAsync(new GetFacilityRequest { FacilityCode = facility }).ResponseAsync);

        Assert.Equal(facility, own.FacilityCode);
        Assert.Equal(registered.GetCertHashString(HashAlgorithmName.SHA256), info.ThumbprintSha256);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, stranger.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, revoked.StatusCode);
    }

    [Fact]
    public async Task A_certificate_with_its_private_key_is_refused_at_registration()
    {
        using var admin = Channel(null);
        var clients = new HubClients(admin, _settings.AdminKey);
        await clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = "70103", Name = "Trạm y tế" });
        var certificate = SelfSigned("CN=HIS 70103", server: false);
        var pem = certificate.ExportCertificatePem() + "\n" + certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();

        var error = await Assert.ThrowsAsync<RpcException>(() => clients.AdminCredentials.RegisterClientCertificateAsync(
            new RegisterClientCertificateRequest { FacilityCode = "70103", CertificatePem = pem }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private GrpcChannel Channel(X509Certificate2? client)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == _server.GetCertHashString();
        if (client is not null)
        {
            handler.SslOptions.ClientCertificates = [client];
        }

        return GrpcChannel.ForAddress(_settings.GrpcAddress, new GrpcChannelOptions { HttpHandler = handler });
    }

    private static X509Certificate2 SelfSigned(string subject, bool server)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, "x"), "x");
    }
}
