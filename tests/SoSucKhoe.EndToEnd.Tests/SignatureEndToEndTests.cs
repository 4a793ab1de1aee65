using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Dossiers;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;
using static SoSucKhoe.EndToEnd.Tests.SignatureDocuments;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The facility's signature (CHUKYDONVI) over real gRPC: every way a dossier or a check-in document can be unsigned, altered,
/// forged, weakened, wrapped or signed with the wrong certificate is refused with its own rule, stores nothing and forwards
/// nothing; a dossier signed by an independent XML-DSig implementation (xmlsec1) is accepted and reaches the gateway unchanged.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class SignatureEndToEndTests(HubFixture hub)
{
    /// <summary>The facility whose dossiers are attacked (registered with its default test certificate).</summary>
    private const string Home = "70941";

    /// <summary>Another registered facility, whose certificate and signatures the home facility must not be able to use.</summary>
    private const string Other = "70942";

    /// <summary>A facility with a second certificate that gets revoked.</summary>
    private const string Revoking = "70943";

    /// <summary>A facility that registered an expired certificate.</summary>
    private const string Expiring = "70944";

    /// <summary>A facility whose dossiers are signed by xmlsec1.</summary>
    private const string Independent = "70945";

    /// <summary>A facility code no test registers: its certificate is registered nowhere.</summary>
    private const string Unregistered = "70949";

    private const string Envelope = "ENVELOPE.CHUKYDONVI";
    private const string CheckInSignature = "XML0.CHUKYDONVI";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Arrival = new(2025, 5, 12, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly ProvinceGenerator s_province = new(seed: 9494, new ProvinceOptions { FacilityCount = 3, CitizenCount = 2_000 });
    private static readonly DossierFactory s_dossiers = new(seed: 94);
    private static readonly Lazy<X509Certificate2> s_expired = new(() => FacilityCertificates.Create(Expiring,
        new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    private static int s_citizen;

    [Fact]
    public async Task An_unsigned_dossier_is_refused_as_signature_missing()
    {
        var dossier = Dossier(Home, new DossierOptions { Sign = false });

        Assert.False(dossier.IsSigned);
        await AssertRefusedAsync(Home, dossier.MaLk, dossier.Unsigned, Envelope, ViolationRules.SignatureMissing);
    }

    [Fact]
    public async Task A_dossier_changed_after_signing_is_refused_as_signature_invalid()
    {
        var dossier = Dossier(Home);
        var tampered = dossier.Mutate().WithField("XML1", "CHAN_DOAN_VAO", "Chẩn đoán đã bị sửa sau khi ký").Build(resign: false);

        Assert.Equal(SignatureOf(dossier.Signed), SignatureOf(tampered.Signed));
        await AssertRefusedAsync(Home, dossier.MaLk, tampered.Signed, Envelope, ViolationRules.SignatureInvalid);
    }

    [Fact]
    public async Task A_signature_copied_from_another_facility_s_dossier_is_refused_as_signature_invalid()
    {
        await hub.Clients.FacilityKeyAsync(Other);
        var foreign = Dossier(Other);
        var dossier = Dossier(Home);
        var pasted = DossierEnvelope.Compose(dossier.Header, dossier.Tables, SignatureOf(foreign.Signed));

        await AssertRefusedAsync(Home, dossier.MaLk, pasted, Envelope, ViolationRules.SignatureInvalid);
    }

    [Fact]
    public async Task A_dossier_signed_with_a_certificate_registered_for_another_facility_is_refused_as_certificate_other_facility()
    {
        await hub.Clients.FacilityKeyAsync(Other);
        var dossier = Dossier(Home, new DossierOptions { SigningCertificate = FacilityCertificates.For(Other) });

        await AssertRefusedAsync(Home, dossier.MaLk, dossier.Signed, Envelope, ViolationRules.SignatureCertificateOtherFacility);
    }

    [Fact]
    public async Task A_dossier_signed_with_a_certificate_registered_nowhere_is_refused_as_certificate_unknown()
    {
        var dossier = Dossier(Home, new DossierOptions { SigningCertificate = FacilityCertificates.For(Unregistered) });

        await AssertRefusedAsync(Home, dossier.MaLk, dossier.Signed, Envelope, ViolationRules.SignatureCertificateUnknown);
    }

    [Fact]
    public async Task A_dossier_signed_with_a_registered_certificate_that_has_expired_is_refused_as_certificate_expired()
    {
        await hub.Clients.FacilityKeyAsync(Expiring);
        var registered = await hub.Clients.AdminFacilities.AddSigningCertificateAsync(new AddSigningCertificateRequest
        {
            FacilityCode = Expiring,
            CertificatePem = s_expired.Value.ExportCertificatePem(),
        });
        var dossier = Dossier(Expiring, new DossierOptions { SigningCertificate = s_expired.Value });

        Assert.True(registered.NotAfter.ToDateTimeOffset() < DateTimeOffset.UtcNow);
        await AssertRefusedAsync(Expiring, dossier.MaLk, dossier.Signed, Envelope, ViolationRules.SignatureCertificateExpired);
    }

    [Fact]
    public async Task A_revoked_certificate_is_refused_from_its_revocation_on_while_the_facility_s_other_certificate_still_signs()
    {
        var intake = await IntakeAsync(Revoking);
        using var second = FacilityCertificates.Create(Revoking, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2090, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var added = await hub.Clients.AdminFacilities.AddSigningCertificateAsync(new AddSigningCertificateRequest
        {
            FacilityCode = Revoking,
            CertificatePem = second.ExportCertificatePem(),
        });
        var before = Dossier(Revoking, new DossierOptions { SigningCertificate = second });
        var acceptedBefore = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(before.Signed) });

        var revoked = await hub.Clients.AdminFacilities.RevokeSigningCertificateAsync(new RevokeSigningCertificateRequest
        {
            FacilityCode = Revoking,
            ThumbprintSha256 = added.ThumbprintSha256,
        });
        var after = Dossier(Revoking, new DossierOptions { SigningCertificate = second });
        await AssertRefusedAsync(Revoking, after.MaLk, after.Signed, Envelope, ViolationRules.SignatureCertificateRevoked);
        var resigned = DossierSigner.Sign(after.Unsigned, FacilityCertificates.For(Revoking));
        var acceptedAfter = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(resigned) });

        Assert.Equal(second.GetCertHashString(HashAlgorithmName.SHA256), added.ThumbprintSha256);
        Assert.False(acceptedBefore.Duplicate);
        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal($"{Revoking}:{after.MaLk}", acceptedAfter.DossierId);
        Assert.Equal(1, acceptedAfter.Version);
        Assert.Equal(Sha256Hex(resigned), acceptedAfter.ContentSha256);
    }

    [Fact]
    public async Task A_real_RSA_SHA1_signature_is_refused_as_weak_algorithm()
    {
        var dossier = Dossier(Home, new DossierOptions { Sign = false });
        var signed = Sign(dossier.Unsigned, FacilityCertificates.For(Home), signatureMethod: RsaSha1);

        Assert.Contains(RsaSha1, Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
        await AssertRefusedAsync(Home, dossier.MaLk, signed, Envelope, ViolationRules.SignatureWeakAlgorithm);
    }

    [Fact]
    public async Task A_real_signature_over_a_SHA1_digest_is_refused_as_weak_algorithm()
    {
        var dossier = Dossier(Home, new DossierOptions { Sign = false });
        var signed = Sign(dossier.Unsigned, FacilityCertificates.For(Home), digestMethod: Sha1);

        Assert.Contains(Sha1, Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
        await AssertRefusedAsync(Home, dossier.MaLk, signed, Envelope, ViolationRules.SignatureWeakAlgorithm);
    }

    [Fact]
    public async Task Wrapping_two_signatures_in_CHUKYDONVI_is_refused_as_signature_wrapping()
    {
        var dossier = Dossier(Home);
        var twice = ReplaceOnce(dossier.Signed, "</CHUKYDONVI>", SignatureOf(dossier.Signed) + "</CHUKYDONVI>");

        await AssertRefusedAsync(Home, dossier.MaLk, twice, Envelope, ViolationRules.SignatureWrapping);
    }

    [Fact]
    public async Task Wrapping_a_real_signature_over_one_element_id_instead_of_the_whole_document_is_refused_as_signature_wrapping()
    {
        var dossier = Dossier(Home, new DossierOptions { Sign = false });
        var partial = Sign(WithId(dossier.Unsigned, "DANHSACHHOSO", "signed-part"), FacilityCertificates.For(Home), referenceUri: "#signed-part");

        Assert.Contains("URI=\"#signed-part\"", Encoding.UTF8.GetString(partial), StringComparison.Ordinal);
        await AssertRefusedAsync(Home, dossier.MaLk, partial, Envelope, ViolationRules.SignatureWrapping);
    }

    [Fact]
    public async Task Wrapping_the_signature_one_level_below_CHUKYDONVI_is_refused_as_signature_wrapping()
    {
        var dossier = Dossier(Home);
        var signature = SignatureOf(dossier.Signed);
        var nested = ReplaceOnce(dossier.Signed, signature, "<CHUKY>" + signature + "</CHUKY>");

        await AssertRefusedAsync(Home, dossier.MaLk, nested, Envelope, ViolationRules.SignatureWrapping);
    }

    [Fact]
    public async Task Wrapping_the_signature_moved_out_of_CHUKYDONVI_to_the_root_is_refused_as_an_unexpected_envelope_element()
    {
        // The envelope reader refuses the stray element before any signature check runs: the reason names the Signature element.
        var dossier = Dossier(Home);
        var signature = SignatureOf(dossier.Signed);
        var moved = ReplaceOnce(ReplaceOnce(dossier.Signed, signature, string.Empty), "</GIAMDINHHS>", signature + "</GIAMDINHHS>");

        await AssertRefusedAsync(Home, dossier.MaLk, moved, "ENVELOPE.Signature", ViolationRules.EnvelopeStructure);
    }

    [Fact]
    public async Task Wrapping_the_signed_original_inside_the_signature_with_forged_content_outside_is_refused_as_signature_wrapping()
    {
        var original = Dossier(Home);
        var forged = original.Mutate().WithField("XML1", "CHAN_DOAN_VAO", "Nội dung giả mạo").Build(resign: false);
        var signature = SignatureOf(original.Signed);
        var wrapper = signature.Replace("</Signature>", $"<Object>{Embeddable(original.Signed)}</Object></Signature>", StringComparison.Ordinal);
        var attack = DossierEnvelope.Compose(forged.Header, forged.Tables, wrapper);

        Assert.Contains("<Object><GIAMDINHHS>", Encoding.UTF8.GetString(attack), StringComparison.Ordinal);
        await AssertRefusedAsync(Home, original.MaLk, attack, Envelope, ViolationRules.SignatureWrapping);
    }

    [Fact]
    public async Task Wrapping_the_signed_original_next_to_its_signature_in_CHUKYDONVI_with_forged_content_outside_is_refused_as_signature_wrapping()
    {
        var original = Dossier(Home);
        var forged = original.Mutate().WithField("XML1", "CHAN_DOAN_VAO", "Nội dung giả mạo").Build(resign: false);
        var attack = DossierEnvelope.Compose(forged.Header, forged.Tables, SignatureOf(original.Signed) + Embeddable(original.Signed));

        await AssertRefusedAsync(Home, original.MaLk, attack, Envelope, ViolationRules.SignatureWrapping);
    }

    [Fact]
    public async Task An_unsigned_original_hidden_in_the_signature_does_not_vouch_for_forged_content_outside()
    {
        // One signature only: the enveloped transform drops the whole Signature (and the hidden original with it), so the digest is
        // computed over the forged document the hub would process, and it does not match.
        var original = Dossier(Home);
        var forged = original.Mutate().WithField("XML1", "CHAN_DOAN_VAO", "Nội dung giả mạo").Build(resign: false);
        var signature = SignatureOf(original.Signed);
        var wrapper = signature.Replace("</Signature>", $"<Object>{Embeddable(original.Unsigned)}</Object></Signature>", StringComparison.Ordinal);
        var attack = DossierEnvelope.Compose(forged.Header, forged.Tables, wrapper);

        await AssertRefusedAsync(Home, original.MaLk, attack, Envelope, ViolationRules.SignatureInvalid);
    }

    [Fact]
    public async Task An_unsigned_check_in_document_is_refused_as_XML0_signature_missing_and_creates_no_encounter()
    {
        var episode = Episode(Home);

        await AssertCheckInRefusedAsync(episode, episode.CheckIn.Unsigned, ViolationRules.SignatureMissing);
        var signed = await (await IntakeAsync(Home)).CheckInAsync(CheckIn(episode, episode.CheckIn.Signed));

        Assert.True(signed.Created, "the refused check-in must not have opened the encounter");
        Assert.True(signed.CheckInDocumentQueued);
    }

    [Fact]
    public async Task A_check_in_document_changed_after_signing_is_refused_as_XML0_signature_invalid()
    {
        var episode = Episode(Home);
        var tampered = ReplaceOnce(episode.CheckIn.Signed, "<STT>1</STT>", "<STT>2</STT>");

        await AssertCheckInRefusedAsync(episode, tampered, ViolationRules.SignatureInvalid);
    }

    [Fact]
    public async Task A_check_in_document_with_two_signatures_is_refused_as_XML0_signature_wrapping()
    {
        var episode = Episode(Home);
        var twice = ReplaceOnce(episode.CheckIn.Signed, "</CHUKYDONVI>", SignatureOf(episode.CheckIn.Signed) + "</CHUKYDONVI>");

        await AssertCheckInRefusedAsync(episode, twice, ViolationRules.SignatureWrapping);
    }

    [Fact]
    public async Task A_check_in_document_signed_with_another_facility_s_certificate_is_refused_as_XML0_certificate_other_facility()
    {
        await hub.Clients.FacilityKeyAsync(Other);
        var episode = Episode(Home);
        var foreign = DossierSigner.Sign(episode.CheckIn.Unsigned, FacilityCertificates.For(Other));

        await AssertCheckInRefusedAsync(episode, foreign, ViolationRules.SignatureCertificateOtherFacility);
    }

    [Fact]
    public async Task A_dossier_signed_by_the_independent_xmlsec1_signer_is_accepted_and_reaches_the_gateway_byte_for_byte()
    {
        var intake = await IntakeAsync(Independent);
        var dossier = Dossier(Independent, new DossierOptions { Sign = false });
        var folder = Directory.CreateTempSubdirectory("sosuckhoe-xmlsec1-").FullName;
        byte[] signed;
        try
        {
            var key = FacilityCertificates.Export(FacilityCertificates.For(Independent), folder, Independent);
            signed = await XmlSec1.SignAsync(FillContainer(dossier.Unsigned, Template), key, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var text = Encoding.UTF8.GetString(signed);
        Assert.DoesNotContain("<DigestValue></DigestValue>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<SignatureValue></SignatureValue>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<X509Certificate></X509Certificate>", text, StringComparison.Ordinal);
        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(signed) });
        await WaitForAcknowledgedAsync(intake, accepted.DossierId);

        var received = Assert.Single(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
        Assert.Equal(ReceivedKind.Dossier, received.Kind);
        Assert.Equal(Sha256Hex(signed), accepted.ContentSha256);
        Assert.Equal(Sha256Hex(signed), received.ContentSha256);
    }

    private async Task AssertRefusedAsync(string facility, string maLk, byte[] document, string field, string rule)
    {
        var intake = await IntakeAsync(facility);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(document) }).ResponseAsync);

        AssertOnlyViolation(error, field, rule);
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = $"{facility}:{maLk}" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.DoesNotContain(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == maLk);
    }

    private async Task AssertCheckInRefusedAsync(GeneratedEpisode episode, byte[] document, string rule)
    {
        var intake = await IntakeAsync(episode.CheckIn.FacilityCode);

        var error = await Assert.ThrowsAsync<RpcException>(() => intake.CheckInAsync(CheckIn(episode, document)).ResponseAsync);

        AssertOnlyViolation(error, CheckInSignature, rule);
        var lookup = await Assert.ThrowsAsync<RpcException>(() => intake.GetDossierStatusAsync(
            new GetDossierStatusRequest { DossierId = $"{episode.CheckIn.FacilityCode}:{episode.CheckIn.MaLk}" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.DoesNotContain(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == episode.CheckIn.MaLk);
    }

    private static void AssertOnlyViolation(RpcException error, string field, string rule)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
        var violation = Assert.Single(violations);
        Assert.Equal(field, violation.Field);
        Assert.StartsWith(rule + ":", violation.Description, StringComparison.Ordinal);
    }

    private async Task WaitForAcknowledgedAsync(Intake.IntakeClient intake, string dossierId)
    {
        DossierStatus? status = null;
        var reached = await Eventually.Until(async () =>
        {
            status = await intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = dossierId });
            return status.State == DossierState.Acknowledged;
        }, Patience);
        Assert.True(reached, $"{dossierId} was not acknowledged; last state {status?.State}, error {status?.LastError}");
    }

    private Task<Intake.IntakeClient> IntakeAsync(string facility) => hub.Clients.IntakeForAsync(facility);

    private static CheckInRequest CheckIn(GeneratedEpisode episode, byte[] document) => new()
    {
        FacilityCode = episode.CheckIn.FacilityCode,
        MaLk = episode.CheckIn.MaLk,
        Patient = new PatientIdentity { PersonalId = episode.CheckIn.Citizen.PersonalId, InsuranceCard = episode.CheckIn.Citizen.Card?.Number ?? string.Empty },
        VisitType = episode.CheckIn.VisitType,
        ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
        CheckInDocument = ByteString.CopyFrom(document),
    };

    private static GeneratedDossier Dossier(string facility, DossierOptions? options = null) =>
        s_dossiers.Create(NextCitizen(), Facility(facility), "01", Arrival, options);

    private static GeneratedEpisode Episode(string facility) =>
        s_dossiers.CreateEpisode(NextCitizen(), Facility(facility), "01", Arrival);

    private static SyntheticFacility Facility(string code) => s_province.Facilities()[0] with { Code = code };

    /// <summary>The next insured citizen born before the episodes' year, with a complete birth date and a determined sex.</summary>
    private static SyntheticCitizen NextCitizen()
    {
        while (true)
        {
            var citizen = s_province.CitizenAt(Interlocked.Increment(ref s_citizen));
            if (citizen.IsInsured && citizen.BirthDate.IsComplete && citizen.BirthDate.Year < Arrival.Year && citizen.Sex != Sex.Undetermined)
            {
                return citizen;
            }
        }
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
