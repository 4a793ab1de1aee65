using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Cli.Tests.Support;

/// <summary>
/// The hub's own reader, validator (the shipped catalogues: the standard, code lists and administrative units of the episode's
/// days, default rules) and signature verifier.
/// </summary>
public static class ProductRules
{
    private static readonly Lazy<DossierValidator> ValidatorLazy = new(() => new DossierValidator(
        new DossierValidationOptions(),
        ShippedCatalogues.Rules(
            IcdCatalogue.Load(CatalogueFiles.Shipped(CatalogueFiles.Icd10)),
            IcdSexRestrictions.Load(CatalogueFiles.Shipped(CatalogueFiles.Icd10FemaleOnly), CatalogueFiles.Shipped(CatalogueFiles.Icd10MaleOnly)))));

    /// <summary>The data standard a dossier is checked against (by its episode's end day).</summary>
    public static string StandardOf(Dossier dossier) => ValidatorLazy.Value.Check(dossier, DateTimeOffset.UtcNow).Standard.Id;

    /// <summary>Reads and validates a dossier; asserts there is no violation and returns it.</summary>
    public static Dossier AssertValidDossier(byte[] document)
    {
        var read = DossierReader.ReadDossier(document);
        Assert.True(read.Violations.Count == 0, Describe(read.Violations));
        Assert.NotNull(read.Dossier);
        var violations = ValidatorLazy.Value.Validate(read.Dossier, DateTimeOffset.UtcNow);
        Assert.True(violations.Count == 0, Describe(violations));
        Assert.NotNull(read.Dossier.Summary);
        return read.Dossier;
    }

    /// <summary>Reads and validates an XML0 check-in document for the facility; asserts there is no violation and returns it.</summary>
    public static CheckInDocument AssertValidCheckIn(byte[] document, string facilityCode)
    {
        var read = DossierReader.ReadCheckIn(document);
        Assert.True(read.Violations.Count == 0, Describe(read.Violations));
        Assert.NotNull(read.Document);
        var violations = ValidatorLazy.Value.Validate(read.Document, DateTimeOffset.UtcNow, facilityCode);
        Assert.True(violations.Count == 0, Describe(violations));
        return read.Document;
    }

    /// <summary>Asserts that the document's signature verifies and was made with <paramref name="certificate"/>'s key.</summary>
    public static void AssertSignedBy(byte[] document, X509Certificate2 certificate)
    {
        var verification = DossierSignatureVerifier.Verify(document);
        using var signer = verification.Certificate;
        Assert.True(verification.IsValid, $"{verification.Status}: {verification.Message}");
        Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), verification.Thumbprint);
    }

    private static string Describe(IReadOnlyList<Violation> violations) =>
        string.Join("\n", violations.Take(10).Select(v => $"{v.Table}.{v.Field} {v.Rule}: {v.Message}"));
}
