using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Dossiers.Tests.Support;

internal static class Validation
{
    /// <summary>
    /// The QĐ 4750 field rules for every episode (the fixtures are QĐ 4750 dossiers), with the shipped dated code lists; the
    /// standards by date and the administrative units are tested with <see cref="ShippedValidator"/>.
    /// </summary>
    public static DossierValidator Validator(DossierValidationOptions? options = null, bool withIcd = true, IReadOnlyList<DatedCodeList>? codeLists = null) =>
        new(options ?? new DossierValidationOptions(), new DossierRules
        {
            Standards = StandardCatalogue.Single(ReferenceData.Fields),
            CodeLists = codeLists ?? ShippedCatalogues.CodeLists,
            Icd = withIcd ? ReferenceData.Icd : null,
            SexRestrictions = withIcd ? ReferenceData.SexRestrictions : null,
        });

    /// <summary>Every shipped rule: the standards by date, the code lists, the sizes by date and the administrative units.</summary>
    public static DossierValidator ShippedValidator(DossierValidationOptions? options = null) =>
        new(options ?? new DossierValidationOptions(), ShippedCatalogues.Rules(ReferenceData.Icd, ReferenceData.SexRestrictions));

    public static IReadOnlyList<Violation> Validate(EnvelopeBuilder builder, DossierValidationOptions? options = null, DateTimeOffset? now = null,
        IReadOnlyList<DatedCodeList>? codeLists = null)
    {
        var read = DossierReader.ReadDossier(builder.Build(), DossierReaderOptions.Default);
        Assert.NotNull(read.Dossier);
        return Validator(options, codeLists: codeLists).Validate(read.Dossier, now ?? Fixtures.Now);
    }

    public static IReadOnlyList<Violation> ValidateOutpatient(Action<FieldList> change, DossierValidationOptions? options = null, DateTimeOffset? now = null,
        IReadOnlyList<DatedCodeList>? codeLists = null)
    {
        var xml1 = Fixtures.Xml1();
        change(xml1);
        return Validate(Fixtures.Outpatient(xml1), options, now, codeLists);
    }

    public static void AssertOnly(IReadOnlyList<Violation> violations, string table, string field, string rule)
    {
        var v = Assert.Single(violations);
        Assert.Equal((table, field, rule), (v.Table, v.Field, v.Rule));
        Assert.False(string.IsNullOrWhiteSpace(v.Message));
    }
}
