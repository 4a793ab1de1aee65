using Grpc.Core;
using SoSucKhoe.Dossiers;
using SoSucKhoe.TestData;
using static SoSucKhoe.EndToEnd.Tests.HostileDocuments;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>Well-formed dossiers with hostile content: table games, foreign facilities, forged identifiers, impossible dates.</summary>
public static partial class HostileCorpus
{
    private static void AddTableCases(Builder corpus)
    {
        Mutated(corpus, "tables/duplicate XML1", d => d.Mutate().WithExtraTable("XML1"), V("XML1.LOAIHOSO", ViolationRules.DuplicateTable));
        Mutated(corpus, "tables/duplicate XML1 carrying another episode", d => d.Mutate().WithExtraTable("XML1",
            Replace(d.InnerTables["XML1"], $"<MA_LK>{d.MaLk}</MA_LK>", "<MA_LK>LK-SMUGGLED-0001</MA_LK>")), V("XML1.LOAIHOSO", ViolationRules.DuplicateTable));
        Mutated(corpus, "tables/duplicate XML2", d => d.Mutate().WithExtraTable("XML2"), V("XML2.LOAIHOSO", ViolationRules.DuplicateTable),
            new DossierOptions { DrugRows = 2 });
        Mutated(corpus, "tables/missing XML1", d => d.Mutate().WithoutTable("XML1"), V("XML1.LOAIHOSO", ViolationRules.TablePresence),
            new DossierOptions { DrugRows = 2 });
        Mutated(corpus, "tables/an XML12 table", d => d.Mutate().WithExtraTable("XML12"), V("XML12.LOAIHOSO", ViolationRules.TableForbidden));
        Mutated(corpus, "tables/an XML0 check-in inside the dossier", d => d.Mutate().WithExtraTable("XML0"), V("XML0.LOAIHOSO", ViolationRules.TableForbidden));
        Mutated(corpus, "tables/unknown LOAIHOSO XML16", d => d.Mutate().WithExtraTable("XML16", d.InnerTables["XML1"]),
            d => [V($"ENVELOPE.FILEHOSO[{d.Tables.Count + 1}].LOAIHOSO", ViolationRules.UnknownTable)]);
        Mutated(corpus, "tables/LOAIHOSO is a path", d => d.Mutate().WithExtraTable("../../etc/passwd", d.InnerTables["XML1"]),
            d => [V($"ENVELOPE.FILEHOSO[{d.Tables.Count + 1}].LOAIHOSO", ViolationRules.UnknownTable)]);
        Mutated(corpus, "tables/LOAIHOSO of 10,000 characters", d => d.Mutate().WithExtraTable(new string('X', 10_000), d.InnerTables["XML1"]),
            d => [V($"ENVELOPE.FILEHOSO[{d.Tables.Count + 1}].LOAIHOSO", ViolationRules.UnknownTable)]);
        Mutated(corpus, "tables/empty LOAIHOSO", d => d.Mutate().WithExtraTable(string.Empty, d.InnerTables["XML1"]),
            d => [V($"ENVELOPE.FILEHOSO[{d.Tables.Count + 1}].LOAIHOSO", ViolationRules.Required)]);
        Mutated(corpus, "tables/inner table root does not match LOAIHOSO", d => d.Mutate().WithTableContent("XML2", d.InnerTables["XML1"]),
            V("XML2.CHITIEU_CHITIET_THUOC", ViolationRules.TableRoot), new DossierOptions { DrugRows = 2 });

        Mutated(corpus, "count/SOLUONGHOSO says 5 for one HOSO", d => d.Mutate().WithEnvelope(soLuongHoSo: "5"), V("ENVELOPE.SOLUONGHOSO", ViolationRules.CountMismatch));
        Mutated(corpus, "count/SOLUONGHOSO says 0", d => d.Mutate().WithEnvelope(soLuongHoSo: "0"), V("ENVELOPE.SOLUONGHOSO", ViolationRules.CountMismatch));
        Mutated(corpus, "count/SOLUONGHOSO is negative", d => d.Mutate().WithEnvelope(soLuongHoSo: "-1"), V("ENVELOPE.SOLUONGHOSO", ViolationRules.NumberFormat));
        var twoHoso = Dossier();
        corpus.Submit("count/a second empty HOSO", () => Replace(twoHoso.Payload, "</HOSO>", "</HOSO><HOSO></HOSO>"), true, twoHoso.MaLk,
            V("ENVELOPE.SOLUONGHOSO", ViolationRules.CountMismatch));

        Mutated(corpus, "episode/MA_LK differs in every XML2 row", d => d.Mutate().WithField("XML2", "MA_LK", d.MaLk + "X"), false,
            [V("XML2.CHI_TIET_THUOC[1].MA_LK", ViolationRules.MaLkMismatch), V("XML2.CHI_TIET_THUOC[2].MA_LK", ViolationRules.MaLkMismatch)],
            new DossierOptions { DrugRows = 2 });
        Mutated(corpus, "episode/MA_LK differs in one XML3 row", d => d.Mutate().WithField("XML3", "MA_LK", "LK-OTHER-EPISODE", row: 1),
            V("XML3.CHI_TIET_DVKT[2].MA_LK", ViolationRules.MaLkMismatch), new DossierOptions { ServiceRows = 3 });
        Mutated(corpus, "episode/MA_LK differs in the XML8 summary", d => d.Mutate().WithField("XML8", "MA_LK", "LK-OTHER-EPISODE"),
            V("XML8.MA_LK", ViolationRules.MaLkMismatch), visitType: "03");

        Mutated(corpus, "facility/another facility's MA_CSKCB in XML1", d => d.Mutate().WithField("XML1", "MA_CSKCB", OtherFacility),
            V("XML1.MA_CSKCB", ViolationRules.FacilityMismatch));
        Mutated(corpus, "facility/another facility's MA_CSKCB in XML14", d => d.Mutate().WithField("XML14", "MA_CSKCB", OtherFacility),
            V("XML14.MA_CSKCB", ViolationRules.FacilityMismatch), new DossierOptions { ReExamBooked = true });
        Refused(corpus, "facility/another facility's MACSKCB in the envelope", d => d.Mutate().WithEnvelope(maCskcb: OtherFacility), StatusCode.PermissionDenied);
        Refused(corpus, "facility/injection in the envelope's MACSKCB", d => d.Mutate().WithEnvelope(maCskcb: HomeFacility + "' OR '1'='1"), StatusCode.PermissionDenied);
        var foreign = Gen.Factory.Create(Gen.Citizen(insured: true), Gen.Facility(OtherFacility), "01", Arrival);
        corpus.SubmitRefused("facility/a whole dossier of another facility", () => foreign.Payload, StatusCode.PermissionDenied, foreign.MaLk);
        Mutated(corpus, "facility/no MACSKCB in the envelope", d => d.Mutate().WithEnvelope(null, d.Header.NgayLap, d.Header.SoLuongHoSo, removeUnset: true),
            V("ENVELOPE.MACSKCB", ViolationRules.Required));
    }

    private static void AddIdentifierCases(Builder corpus)
    {
        var structure = V("XML1.SO_CCCD", ViolationRules.PersonalIdStructure);
        Identity(corpus, "personal id/11 digits", id => id[..11], structure);
        Identity(corpus, "personal id/13 digits", id => id + "7", structure);
        Identity(corpus, "personal id/16 digits", id => id + "7777", false, structure);
        Identity(corpus, "personal id/with hyphens", id => $"{id[..3]}-{id[3..6]}-{id[6..]}", structure);
        Identity(corpus, "personal id/with an inner space", id => $"{id[..6]} {id[6..]}", structure);
        Identity(corpus, "personal id/full-width digits", id => new string(id.Select(c => (char)(c - '0' + '０')).ToArray()), structure);
        Identity(corpus, "personal id/markup in SO_CCCD", _ => "<script>1</script>", false, structure);
        Identity(corpus, "personal id/century digit inconsistent with the birth year", id => $"{id[..3]}{(char)(((id[3] - '0' + 2) % 10) + '0')}{id[4..]}",
            V("XML1.SO_CCCD", ViolationRules.PersonalIdBirthMismatch));
        Identity(corpus, "personal id/year digits inconsistent with the birth year", id => $"{id[..4]}{(char)(((id[4] - '0' + 5) % 10) + '0')}{id[5..]}",
            V("XML1.SO_CCCD", ViolationRules.PersonalIdBirthMismatch));
        Identity(corpus, "personal id/sex digit inconsistent with GIOI_TINH", id => $"{id[..3]}{(char)(((id[3] - '0') ^ 1) + '0')}{id[4..]}",
            V("XML1.SO_CCCD", ViolationRules.PersonalIdSexMismatch));
        Mutated(corpus, "personal id/GIOI_TINH inconsistent with the sex digit",
            d => d.Mutate().WithField("XML1", "GIOI_TINH", d.Citizen.Sex == Sex.Male ? "2" : "1"), false, [V("XML1.SO_CCCD", ViolationRules.PersonalIdSexMismatch)]);

        var card = V("XML1.MA_THE_BHYT", ViolationRules.CardStructure);
        Card(corpus, "card/14 characters", c => c[..14], card);
        Card(corpus, "card/lower-case group code", c => c[..2].ToLowerInvariant() + c[2..], card);
        Card(corpus, "card/benefit level 0", c => c[..2] + "0" + c[3..], card);
        Card(corpus, "card/benefit level 9", c => c[..2] + "9" + c[3..], card);
        Card(corpus, "card/letters in the social-insurance number", c => c[..10] + "ABCDE", card);
        Card(corpus, "card/short form with a letter", c => c[5..14] + "X", card);
        Card(corpus, "card/second card of a list malformed", c => c + ";" + c[..13], card);
        Card(corpus, "card/markup in MA_THE_BHYT", _ => "<b>HN</b>", card);
    }

    private static void AddDateAndDiagnosisCases(Builder corpus)
    {
        Field(corpus, "dates/NGAY_RA 20251332", "NGAY_RA", "20251332", V("XML1.NGAY_RA", ViolationRules.DateFormat));
        Field(corpus, "dates/NGAY_VAO 202502300000", "NGAY_VAO", "202502300000", V("XML1.NGAY_VAO", ViolationRules.DateFormat));
        Field(corpus, "dates/NGAY_VAO at 25:61", "NGAY_VAO", "202503032561", V("XML1.NGAY_VAO", ViolationRules.DateFormat));
        Field(corpus, "dates/NGAY_VAO in ISO 8601", "NGAY_VAO", "2025-03-03T09:41", V("XML1.NGAY_VAO", ViolationRules.DateFormat));
        Field(corpus, "dates/NGAY_VAO year zero", "NGAY_VAO", "000001010000", V("XML1.NGAY_VAO", ViolationRules.DateFormat));
        Field(corpus, "dates/NGAY_TTOAN not digits", "NGAY_TTOAN", "abcdefghijkl", V("XML1.NGAY_TTOAN", ViolationRules.DateFormat));
        Field(corpus, "dates/GT_THE_DEN month 13", "GT_THE_DEN", "20251301", V("XML1.GT_THE_DEN", ViolationRules.DateFormat));
        Field(corpus, "dates/NGAY_RA before NGAY_VAO", "NGAY_RA", "202503020941", V("XML1.NGAY_RA", ViolationRules.DateOrder));
        Field(corpus, "dates/NGAY_VAO in the future", "NGAY_VAO", "209901010800", false, V("XML1.NGAY_VAO", ViolationRules.FutureDate));
        Field(corpus, "dates/birth in the future", "NGAY_SINH", "209912310000", false, V("XML1.NGAY_SINH", ViolationRules.FutureDate));
        Field(corpus, "dates/birth after arrival", "NGAY_SINH", "202503040000", false, V("XML1.NGAY_SINH", ViolationRules.DateOrder));
        Mutated(corpus, "dates/NGAYLAP 20251332 in the envelope", d => d.Mutate().WithEnvelope(ngayLap: "20251332"), V("ENVELOPE.NGAYLAP", ViolationRules.DateFormat));

        Field(corpus, "icd10/unknown main diagnosis", "MA_BENH_CHINH", "Z99.99X", V("XML1.MA_BENH_CHINH", ViolationRules.Icd10Unknown));
        Field(corpus, "icd10/invented code QQQ", "MA_BENH_CHINH", "QQQ", V("XML1.MA_BENH_CHINH", ViolationRules.Icd10Unknown));
        Field(corpus, "icd10/injection among secondary diagnoses", "MA_BENH_KT", "J06.9;' OR 1=1 --", V("XML1.MA_BENH_KT", ViolationRules.Icd10Unknown));
        Field(corpus, "icd10/markup as main diagnosis", "MA_BENH_CHINH", "<img src=x>", false, V("XML1.MA_BENH_CHINH", ViolationRules.Icd10Unknown));
    }

    private static void Mutated(Builder corpus, string name, Func<GeneratedDossier, DossierMutation> mutate, ExpectedViolation expected,
        DossierOptions? options = null, string visitType = "01") =>
        Mutated(corpus, name, mutate, true, [expected], options, visitType);

    private static void Mutated(Builder corpus, string name, Func<GeneratedDossier, DossierMutation> mutate, bool exact, ExpectedViolation[] expected,
        DossierOptions? options = null, string visitType = "01") =>
        Mutated(corpus, name, mutate, _ => expected, exact, options, visitType);

    /// <summary>A fresh valid dossier, mutated; the expected violations may depend on it (e.g. on its number of tables).</summary>
    private static void Mutated(Builder corpus, string name, Func<GeneratedDossier, DossierMutation> mutate, Func<GeneratedDossier, ExpectedViolation[]> expected,
        bool exact = true, DossierOptions? options = null, string visitType = "01")
    {
        var dossier = Dossier(visitType, options);
        corpus.Submit(name, () => mutate(dossier).Build().Payload, exact, dossier.MaLk, expected(dossier));
    }

    private static void Refused(Builder corpus, string name, Func<GeneratedDossier, DossierMutation> mutate, StatusCode status)
    {
        var dossier = Dossier();
        corpus.SubmitRefused(name, () => mutate(dossier).Build().Payload, status, dossier.MaLk);
    }

    private static void Field(Builder corpus, string name, string field, string value, params ExpectedViolation[] expected) =>
        Field(corpus, name, field, value, true, expected);

    private static void Field(Builder corpus, string name, string field, string value, bool exact, params ExpectedViolation[] expected) =>
        Mutated(corpus, name, d => d.Mutate().WithField("XML1", field, value), exact, expected);

    private static void Identity(Builder corpus, string name, Func<string, string> edit, params ExpectedViolation[] expected) =>
        Identity(corpus, name, edit, true, expected);

    private static void Identity(Builder corpus, string name, Func<string, string> edit, bool exact, params ExpectedViolation[] expected) =>
        Mutated(corpus, name, d => d.Mutate().WithField("XML1", "SO_CCCD", edit(d.Citizen.PersonalId)), exact, expected);

    private static void Card(Builder corpus, string name, Func<string, string> edit, params ExpectedViolation[] expected) =>
        Mutated(corpus, name, d => d.Mutate().WithField("XML1", "MA_THE_BHYT", edit(d.Citizen.Card!.Number)), true, expected);
}
