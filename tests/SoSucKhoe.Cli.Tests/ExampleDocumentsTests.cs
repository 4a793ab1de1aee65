using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Cli.Tests;

/// <summary>
/// The examples in docs/examples stay what their README says: a QĐ 3176 dossier and a check-in document of facility 70001 that
/// read and validate under the product's rules with the shipped catalogues, signed with docs/examples/signer.crt, and no private
/// key.
/// </summary>
public sealed class ExampleDocumentsTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "docs", "examples");

    [Fact]
    public void The_example_dossier_is_valid_and_its_signature_verifies_with_the_example_certificate()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "dossier.xml"));
        using var certificate = Certificate();

        var dossier = ProductRules.AssertValidDossier(bytes);
        ProductRules.AssertSignedBy(bytes, certificate);

        Assert.Equal("70001", dossier.FacilityCode);
        // An episode of today: QĐ 3176, with residence codes of the 2025 list (province 75, no district).
        Assert.Equal("3176", ProductRules.StandardOf(dossier));
        Assert.Equal(("75", null), (dossier.Summary!.MaTinhCuTru, dossier.Summary.MaHuyenCuTru));
    }

    [Fact]
    public void The_example_check_in_is_valid_signed_with_the_example_certificate_and_matches_its_request()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "check-in.xml"));
        var request = JsonParser.Default.Parse<CheckInRequest>(File.ReadAllText(Path.Combine(Folder, "check-in.json")));
        var dossier = ProductRules.AssertValidDossier(File.ReadAllBytes(Path.Combine(Folder, "dossier.xml")));
        using var certificate = Certificate();

        var document = ProductRules.AssertValidCheckIn(bytes, "70001");
        ProductRules.AssertSignedBy(bytes, certificate);

        var row = Assert.Single(document.Rows);
        Assert.Equal(dossier.MaLk, row.MaLk);
        Assert.Equal(row.MaLk, request.MaLk);
        Assert.Equal("70001", request.FacilityCode);
        Assert.Equal(row.SoCccd, request.Patient.PersonalId);
        Assert.Equal(row.NgayVao!.Value.Value, request.ArrivalTime.ToDateTimeOffset());
    }

    [Fact]
    public void The_examples_hold_a_public_certificate_and_no_private_key()
    {
        using var certificate = Certificate();

        Assert.False(certificate.HasPrivateKey);
        Assert.All(Directory.GetFiles(Folder, "*", SearchOption.AllDirectories),
            file => Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(file), StringComparison.Ordinal));
    }

    private static X509Certificate2 Certificate() => X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(Folder, "signer.crt")));
}
