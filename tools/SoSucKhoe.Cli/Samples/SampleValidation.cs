using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Cli.Samples;

/// <summary>
/// Checks a sample before it is written, with the hub's own reader, validator (the shipped catalogues: the data standard, code
/// lists and administrative units of the episode's days, default rules) and signature verifier: a sample the hub would refuse
/// is an error of this tool, never a file.
/// </summary>
public static class SampleValidation
{
    private static readonly Lazy<DossierValidator> Validator = new(() =>
    {
        try
        {
            return new DossierValidator(
                new DossierValidationOptions(),
                ShippedCatalogues.Rules(
                    IcdCatalogue.Load(CatalogueFiles.Shipped(CatalogueFiles.Icd10)),
                    IcdSexRestrictions.Load(CatalogueFiles.Shipped(CatalogueFiles.Icd10FemaleOnly), CatalogueFiles.Shipped(CatalogueFiles.Icd10MaleOnly))));
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"the catalogues shipped beside the tool ({CatalogueFiles.ShippedDirectory}) cannot be read: {exception.Message}", exception);
        }
    });

    /// <summary>Fails unless the dossier reads and validates cleanly (and, when signed, its signature verifies with <paramref name="signer"/>).</summary>
    public static void CheckDossier(byte[] document, X509Certificate2? signer, DateTimeOffset now)
    {
        var read = DossierReader.ReadDossier(document);
        var violations = read.Violations.Count > 0 || read.Dossier is null ? read.Violations : Validator.Value.Validate(read.Dossier, now);
        Fail("dossier", violations);
        CheckSignature(document, signer);
    }

    /// <summary>Fails unless the XML0 check-in document reads and validates cleanly (and its signature verifies when signed).</summary>
    public static void CheckCheckIn(byte[] document, string facilityCode, X509Certificate2? signer, DateTimeOffset now)
    {
        var read = DossierReader.ReadCheckIn(document);
        var violations = read.Violations.Count > 0 || read.Document is null ? read.Violations : Validator.Value.Validate(read.Document, now, facilityCode);
        Fail("check-in document", violations);
        CheckSignature(document, signer);
    }

    private static void CheckSignature(byte[] document, X509Certificate2? signer)
    {
        if (signer is null)
        {
            return;
        }

        var verification = DossierSignatureVerifier.Verify(document);
        using var certificate = verification.Certificate;
        if (!verification.IsValid || verification.Thumbprint != signer.GetCertHashString(HashAlgorithmName.SHA256))
        {
            throw new CliFailureException($"the generated signature does not verify ({verification.Status}: {verification.Message}).");
        }
    }

    private static void Fail(string what, IReadOnlyList<Violation> violations)
    {
        if (violations.Count > 0)
        {
            throw new CliFailureException($"the generated {what} breaks {violations.Count} rule(s), first {violations[0].Table}.{violations[0].Field} " +
                $"{violations[0].Rule}: {violations[0].Message} (a bug of this tool: please report it with the options used).");
        }
    }
}
