using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Dossiers.Tests.Support;

internal static class Validation
{
    public static DossierValidator Validator(DossierValidationOptions? options = null, bool withIcd = true) =>
        new(options ?? new DossierValidationOptions(), ReferenceData.Fields, withIcd ? ReferenceData.Icd : null, withIcd ? ReferenceData.SexRestrictions : null);

    public static IReadOnlyList<Violation> Validate(EnvelopeBuilder builder, DossierValidationOptions? options = null, DateTimeOffset? now = null)
    {
        var read = DossierReader.ReadDossier(builder.Build(), DossierReaderOptions.Default);
        Assert.NotNull(read.Dossier);
        return Validator(options).Validate(read.Dossier, now ?? Fixtures.Now);
    }

    public static IReadOnlyList<Violation> ValidateOutpatient(Action<FieldList> change, DossierValidationOptions? options = null, DateTimeOffset? now = null)
    {
        var xml1 = Fixtures.Xml1();
        change(xml1);
        return Validate(Fixtures.Outpatient(xml1), options, now);
    }

    public static void AssertOnly(IReadOnlyList<Violation> violations, string table, string field, string rule)
    {
        var v = Assert.Single(violations);
        Assert.Equal((table, field, rule), (v.Table, v.Field, v.Rule));
        Assert.False(string.IsNullOrWhiteSpace(v.Message));
    }
}
