using System.Text;
using System.Xml;
using System.Xml.Linq;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Dossiers;
using SoSucKhoe.TestData;
using static SoSucKhoe.EndToEnd.Tests.HostileDocuments;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>Hostile check-ins: malformed request fields, and XML0 documents that attack the reader or lie about the request.</summary>
public static partial class HostileCorpus
{
    private const string Xml0Document = "XML0.CHI_TIEU_TRANG_THAI_KCB";
    private const string Xml0Row = "XML0.TRANG_THAI_KCB[1].";

    private static void AddCheckInCases(Builder corpus)
    {
        Request(corpus, "check-in/personal_id with a letter", r => r.Patient.PersonalId = r.Patient.PersonalId[..11] + "A",
            V("REQUEST.patient.personal_id", ViolationRules.PersonalIdStructure));
        Request(corpus, "check-in/personal_id of 11 digits", r => r.Patient.PersonalId = r.Patient.PersonalId[..11],
            V("REQUEST.patient.personal_id", ViolationRules.PersonalIdStructure));
        Request(corpus, "check-in/personal_id of 13 digits", r => r.Patient.PersonalId += "0",
            V("REQUEST.patient.personal_id", ViolationRules.PersonalIdStructure));
        Request(corpus, "check-in/personal_id in Arabic-Indic digits", r => r.Patient.PersonalId = new string(r.Patient.PersonalId.Select(c => (char)(c - '0' + '\u0660')).ToArray()),
            V("REQUEST.patient.personal_id", ViolationRules.PersonalIdStructure));
        Request(corpus, "check-in/personal_id with a NUL", r => r.Patient.PersonalId = r.Patient.PersonalId[..11] + "\0",
            V("REQUEST.patient.personal_id", ViolationRules.PersonalIdStructure));
        Request(corpus, "check-in/insurance_card of 14 characters", r => r.Patient.InsuranceCard = r.Patient.InsuranceCard[..14],
            V("REQUEST.patient.insurance_card", ViolationRules.CardStructure));
        Request(corpus, "check-in/insurance_card in lower case", r => r.Patient.InsuranceCard = r.Patient.InsuranceCard.ToLowerInvariant(),
            V("REQUEST.patient.insurance_card", ViolationRules.CardStructure));
        Request(corpus, "check-in/legacy_id of 8 digits", r => r.Patient.LegacyId = "12345678",
            V("REQUEST.patient.legacy_id", ViolationRules.PersonalIdStructure));
        Request(corpus, "check-in/passport in lower case", r => r.Patient.Passport = "b1234567",
            V("REQUEST.patient.passport", ViolationRules.PersonalIdStructure));
        Request(corpus, "check-in/no patient identifier", r => r.Patient = null, V("REQUEST.patient", ViolationRules.Required));
        Request(corpus, "check-in/empty MA_LK", r => r.MaLk = string.Empty, V("REQUEST.ma_lk", ViolationRules.Required));
        Request(corpus, "check-in/white-space MA_LK", r => r.MaLk = "   ", V("REQUEST.ma_lk", ViolationRules.Required));
        Request(corpus, "check-in/MA_LK with a NUL", r => r.MaLk = "LK\0-1", V("REQUEST.ma_lk", ViolationRules.Required));
        Request(corpus, "check-in/MA_LK with an ANSI escape", r => r.MaLk = "LK-\u001b[2J-1", V("REQUEST.ma_lk", ViolationRules.Required));
        Request(corpus, "check-in/MA_LK forging a log line", r => r.MaLk = "LK-1\r\nINFO Dossier accepted", V("REQUEST.ma_lk", ViolationRules.Required));
        Request(corpus, "check-in/visit_type 99", r => r.VisitType = "99", V("REQUEST.visit_type", ViolationRules.CodeList));
        Request(corpus, "check-in/visit_type of one megabyte", r => r.VisitType = new string('0', 1 << 20), V("REQUEST.visit_type", ViolationRules.CodeList));
        Request(corpus, "check-in/arrival_time missing", r => r.ArrivalTime = null, V("REQUEST.arrival_time", ViolationRules.Required));
        Request(corpus, "check-in/arrival_time in 2099", r => r.ArrivalTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            V("REQUEST.arrival_time", ViolationRules.FutureDate));
        RequestRefused(corpus, "check-in/another facility's facility_code", r => r.FacilityCode = OtherFacility, StatusCode.PermissionDenied);
        RequestRefused(corpus, "check-in/malformed facility_code", r => r.FacilityCode = HomeFacility + "\0", StatusCode.PermissionDenied);

        Document(corpus, "check-in/XML0 that is an XXE", _ => Utf8(ExternalEntity("CHI_TIEU_TRANG_THAI_KCB", "DSACH_TRANG_THAI_KCB", "file:///etc/passwd")),
            V(Xml0Document, ViolationRules.XmlDtd));
        Document(corpus, "check-in/XML0 billion laughs", _ => Utf8(BillionLaughs("CHI_TIEU_TRANG_THAI_KCB")), V(Xml0Document, ViolationRules.XmlDtd));
        Document(corpus, "check-in/XML0 with an external PUBLIC DTD", x => AfterDeclaration(x,
            "<!DOCTYPE CHI_TIEU_TRANG_THAI_KCB PUBLIC \"-//X//Y//EN\" \"http://127.0.0.1:9/x.dtd\">"), V(Xml0Document, ViolationRules.XmlDtd));
        Document(corpus, "check-in/XML0 nested 10,000 deep", _ => Nested($"{Declaration}<CHI_TIEU_TRANG_THAI_KCB>", 10_000, "</CHI_TIEU_TRANG_THAI_KCB>"),
            false, V(Xml0Document, ViolationRules.XmlLimits));
        Document(corpus, "check-in/XML0 with 600,000 elements", _ => Repeated($"{Declaration}<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB>",
            "TRANG_THAI_KCB", 600_000, "</DSACH_TRANG_THAI_KCB></CHI_TIEU_TRANG_THAI_KCB>"), false, V(Xml0Document, ViolationRules.XmlLimits));
        Document(corpus, "check-in/XML0 in UTF-16", x => Reencoded(x, Encoding.Unicode, bom: true), V(Xml0Document, ViolationRules.Encoding));
        Document(corpus, "check-in/XML0 truncated at half", x => CutBeforeTag(x, 0.5), V(Xml0Document, ViolationRules.XmlMalformed));
        Document(corpus, "check-in/XML0 sent as base64 text", x => Encoding.ASCII.GetBytes(Convert.ToBase64String(x)), V(Xml0Document, ViolationRules.XmlMalformed));
        var envelope = Dossier().Payload;
        Document(corpus, "check-in/a dossier envelope sent as XML0", _ => envelope, V(Xml0Document, ViolationRules.TableRoot));
        Document(corpus, "check-in/XML0 without a row", _ => Utf8($"{Declaration}<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB/></CHI_TIEU_TRANG_THAI_KCB>"),
            V("XML0.DSACH_TRANG_THAI_KCB", ViolationRules.Required));
        Document(corpus, "check-in/XML0 MA_LK differs from the request", x => Xml0Field(x, "MA_LK", "LK-ANOTHER-EPISODE"),
            V(Xml0Row + "MA_LK", ViolationRules.MaLkMismatch));
        Document(corpus, "check-in/XML0 MA_CSKCB of another facility", x => Xml0Field(x, "MA_CSKCB", OtherFacility),
            V(Xml0Row + "MA_CSKCB", ViolationRules.FacilityMismatch));
        Document(corpus, "check-in/XML0 SO_CCCD of 13 digits", x => Xml0Field(x, "SO_CCCD", "0701234567890"),
            V(Xml0Row + "SO_CCCD", ViolationRules.PersonalIdStructure));
        Document(corpus, "check-in/XML0 card with benefit level 7", x => Xml0Field(x, "MA_THE_BHYT", "DN7701234567890"),
            V(Xml0Row + "MA_THE_BHYT", ViolationRules.CardStructure));
        Document(corpus, "check-in/XML0 NGAY_VAO 202502300000", x => Xml0Field(x, "NGAY_VAO", "202502300000"),
            V(Xml0Row + "NGAY_VAO", ViolationRules.DateFormat));

        var (large, _) = CheckInOf(Episode());
        corpus.CheckInLarge("check-in/XML0 of 31 MiB whitespace", () => Large(large, Padded("CHI_TIEU_TRANG_THAI_KCB", "\n    ", 31 * MiB)),
            StatusCode.InvalidArgument, V("XML0.DSACH_TRANG_THAI_KCB", ViolationRules.Required));
        corpus.CheckInLarge("check-in/XML0 over the 32 MiB message limit", () => Large(large, Padded("CHI_TIEU_TRANG_THAI_KCB", " ", 33 * MiB)),
            StatusCode.ResourceExhausted);
    }

    private static CheckInRequest Large(CheckInRequest request, byte[] document)
    {
        var copy = request.Clone();
        copy.CheckInDocument = UnsafeByteOperations.UnsafeWrap(document);
        return copy;
    }

    /// <summary>A valid check-in (without XML0) with one hostile request field.</summary>
    private static void Request(Builder corpus, string name, Action<CheckInRequest> edit, ExpectedViolation expected)
    {
        var (request, _) = CheckInOf(Episode());
        request.CheckInDocument = ByteString.Empty;
        corpus.CheckIn(name, () =>
        {
            var copy = request.Clone();
            edit(copy);
            return copy;
        }, true, expected);
    }

    private static void RequestRefused(Builder corpus, string name, Action<CheckInRequest> edit, StatusCode status)
    {
        var (request, _) = CheckInOf(Episode());
        corpus.CheckInRefused(name, () =>
        {
            var copy = request.Clone();
            edit(copy);
            return copy;
        }, status);
    }

    /// <summary>A valid check-in whose XML0 document is replaced (from the valid one).</summary>
    private static void Document(Builder corpus, string name, Func<byte[], byte[]> document, params ExpectedViolation[] expected) =>
        Document(corpus, name, document, true, expected);

    private static void Document(Builder corpus, string name, Func<byte[], byte[]> document, bool exact, params ExpectedViolation[] expected)
    {
        var (request, valid) = CheckInOf(Episode());
        corpus.CheckIn(name, () =>
        {
            var copy = request.Clone();
            copy.CheckInDocument = ByteString.CopyFrom(document(valid.Payload));
            return copy;
        }, exact, expected);
    }

    /// <summary>The XML0 document with <paramref name="field"/> of its row set to <paramref name="value"/>, signed again by the home facility.</summary>
    private static byte[] Xml0Field(byte[] document, string field, string value) =>
        DossierSigner.Sign(Xml0FieldUnsigned(document, field, value), FacilityCertificates.For(HomeFacility));

    private static byte[] Xml0FieldUnsigned(byte[] document, string field, string value)
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(document), LoadOptions.PreserveWhitespace);
        xml.Descendants("TRANG_THAI_KCB").Single().Element(field)!.Value = value;
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.Save(writer);
        }

        return stream.ToArray();
    }
}
