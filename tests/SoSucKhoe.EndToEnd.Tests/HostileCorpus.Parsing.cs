using System.Text;
using Grpc.Core;
using SoSucKhoe.Dossiers;
using static SoSucKhoe.EndToEnd.Tests.HostileDocuments;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>Document-level attacks: DTDs and entities, size/depth/count limits, encodings, base64 and truncation.</summary>
public static partial class HostileCorpus
{
    private const string Envelope = "ENVELOPE.GIAMDINHHS";
    private const string Root = "GIAMDINHHS";

    private static void AddDtdCases(Builder corpus)
    {
        var dtd = V(Envelope, ViolationRules.XmlDtd);
        corpus.Submit("dtd/internal subset declaring elements only", () => Utf8(
            $"{Declaration}<!DOCTYPE {Root} [<!ELEMENT {Root} ANY>]><{Root}/>"), dtd);
        corpus.Submit("dtd/xxe SYSTEM file:///etc/passwd in the envelope", () => Utf8(
            ExternalEntity(Root, "THONGTINDONVI", "file:///etc/passwd")), dtd);
        corpus.Submit("dtd/xxe SYSTEM http to a loopback listener", () => Utf8(
            ExternalEntity(Root, "THONGTINDONVI", "http://127.0.0.1:9/steal")), dtd);
        corpus.Submit("dtd/xxe SYSTEM netdoc and jar schemes", () => Utf8(
            $"{Declaration}<!DOCTYPE {Root} [<!ENTITY a SYSTEM \"netdoc:///etc/passwd\"><!ENTITY b SYSTEM \"jar:file:///x.zip!/y\">]><{Root}>&a;&b;</{Root}>"), dtd);
        corpus.Submit("dtd/external SYSTEM DTD", () => Utf8(
            $"{Declaration}<!DOCTYPE {Root} SYSTEM \"http://127.0.0.1:9/evil.dtd\"><{Root}/>"), dtd);
        corpus.Submit("dtd/external PUBLIC DTD", () => Utf8(
            $"{Declaration}<!DOCTYPE {Root} PUBLIC \"-//EVIL//DTD GIAMDINHHS//EN\" \"http://127.0.0.1:9/evil.dtd\"><{Root}/>"), dtd);
        corpus.Submit("dtd/external parameter entity", () => Utf8(
            $"{Declaration}<!DOCTYPE {Root} [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]><{Root}/>"), dtd);
        corpus.Submit("dtd/out-of-band parameter entities", () => Utf8(
            $"{Declaration}<!DOCTYPE {Root} [<!ENTITY % file SYSTEM \"file:///etc/passwd\"><!ENTITY % oob SYSTEM \"http://127.0.0.1:9/oob.dtd\"> %oob;]><{Root}/>"), dtd);
        corpus.Submit("dtd/billion laughs in the envelope", () => Utf8(BillionLaughs(Root)), dtd);
        corpus.Submit("dtd/quadratic blow-up in the envelope", () => Utf8(QuadraticBlowup(Root)), dtd);
        corpus.Submit("dtd/doctype after a UTF-8 BOM", () => [0xEF, 0xBB, 0xBF, .. Utf8(ExternalEntity(Root, "THONGTINDONVI", "file:///etc/passwd"))], dtd);

        var valid = Dossier();
        corpus.Submit("dtd/xxe injected into a valid signed envelope", () => Replace(
            AfterDeclaration(valid.Payload, $"<!DOCTYPE {Root} [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"),
            "<MACSKCB>" + HomeFacility, "<MACSKCB>&xxe;" + HomeFacility), false, valid.MaLk, dtd);

        // The envelope is clean: the attack hides in a base64 table.
        var inner = "XML1.NOIDUNGFILE";
        AddInnerDtd(corpus, "dtd/inner XML1 with xxe SYSTEM file", "XML1", ExternalEntity("TONG_HOP", "MA_LK", "file:///etc/passwd"), inner);
        AddInnerDtd(corpus, "dtd/inner XML1 with external PUBLIC DTD", "XML1",
            $"{Declaration}<!DOCTYPE TONG_HOP PUBLIC \"-//X//Y//EN\" \"http://127.0.0.1:9/x.dtd\"><TONG_HOP/>", inner);
        AddInnerDtd(corpus, "dtd/inner XML1 with parameter entity", "XML1",
            $"{Declaration}<!DOCTYPE TONG_HOP [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]><TONG_HOP/>", inner);
        AddInnerDtd(corpus, "dtd/inner XML2 billion laughs", "XML2", BillionLaughs("CHITIEU_CHITIET_THUOC"), "XML2.NOIDUNGFILE");
        AddInnerDtd(corpus, "dtd/inner XML3 quadratic blow-up", "XML3", QuadraticBlowup("CHITIEU_CHITIET_DVKT_VTYT"), "XML3.NOIDUNGFILE");

        var real = Dossier();
        corpus.Submit("dtd/inner XML1 real content with an entity in HO_TEN", () => real.Mutate()
            .WithTableContent("XML1", Replace(
                AfterDeclaration(real.InnerTables["XML1"], "<!DOCTYPE TONG_HOP [<!ENTITY xxe SYSTEM \"file:///proc/self/environ\">]>"),
                "<HO_TEN>", "<HO_TEN>&xxe;"))
            .Build().Payload, true, real.MaLk, V(inner, ViolationRules.XmlDtd));

        corpus.Submit("xml/xinclude is not processed", () => Utf8(
            $"{Declaration}<{Root} xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></{Root}>"),
            false, null, V("ENVELOPE.include", ViolationRules.EnvelopeStructure));
        corpus.Submit("xml/lower-case doctype is not XML", () => Utf8(
            $"{Declaration}<!doctype {Root} [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><{Root}>&x;</{Root}>"), V(Envelope, ViolationRules.XmlMalformed));
    }

    private static void AddInnerDtd(Builder corpus, string name, string table, string content, string field)
    {
        var dossier = Dossier(options: new() { DrugRows = 3, ServiceRows = 3 });
        corpus.Submit(name, () => dossier.Mutate().WithTableContent(table, Utf8(content)).Build().Payload, true, dossier.MaLk,
            V(field, ViolationRules.XmlDtd));
    }

    private static void AddLimitCases(Builder corpus)
    {
        var limits = V(Envelope, ViolationRules.XmlLimits);
        var head = $"{Declaration}<{Root}><THONGTINDONVI><MACSKCB>{HomeFacility}</MACSKCB></THONGTINDONVI>";
        corpus.Submit("limits/envelope nested 10,000 deep", () => Nested($"{Declaration}<{Root}>", 10_000, $"</{Root}>"), false, null, limits);
        corpus.Submit("limits/envelope nested 33 deep, one over the limit", () => Nested($"{Declaration}<{Root}>", 32, $"</{Root}>"), false, null, limits);
        corpus.Submit("limits/envelope nested 100,000 deep and never closed", () => Nested($"{Declaration}<{Root}>", 100_000, string.Empty, close: false),
            false, null, limits);
        corpus.Submit("limits/envelope nested 10,000 deep inside NOIDUNGFILE",
            () => Nested($"{head}<THONGTINHOSO><DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>", 10_000,
                $"</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO></{Root}>"), false, null, limits);
        corpus.Submit("limits/envelope with 600,000 elements in one unknown subtree",
            () => Repeated($"{head}<BULK>", "x", 600_000, $"</BULK></{Root}>"), false, null, limits);
        corpus.Submit("limits/envelope with 600,000 empty HOSO",
            () => Repeated($"{head}<THONGTINHOSO><DANHSACHHOSO>", "HOSO", 600_000, $"</DANHSACHHOSO></THONGTINHOSO></{Root}>"), false, null, limits);

        var deep = Dossier();
        corpus.Submit("limits/inner XML1 nested 10,000 deep in MA_LK", () => deep.Mutate()
            .WithTableContent("XML1", Nested($"{Declaration}<TONG_HOP><MA_LK>", 10_000, "</MA_LK></TONG_HOP>")).Build().Payload,
            false, deep.MaLk, V("XML1.NOIDUNGFILE", ViolationRules.XmlLimits));
        var deepRow = Dossier(options: new() { DrugRows = 2 });
        corpus.Submit("limits/inner XML2 nested 10,000 deep in a row", () => deepRow.Mutate()
            .WithTableContent("XML2", Nested($"{Declaration}<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC>", 10_000,
                "</CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>")).Build().Payload,
            false, deepRow.MaLk, V("XML2.NOIDUNGFILE", ViolationRules.XmlLimits));
        var many = Dossier();
        corpus.Submit("limits/inner XML1 with 600,000 elements", () => many.Mutate()
            .WithTableContent("XML1", Repeated($"{Declaration}<TONG_HOP><GHI_CHU>", "x", 600_000, "</GHI_CHU></TONG_HOP>")).Build().Payload,
            false, many.MaLk, V("XML1.NOIDUNGFILE", ViolationRules.XmlLimits));

        // 31 MiB: under the message limit, so the reader itself must cope; a document of padding holds no dossier.
        ExpectedViolation[] empty = [V("ENVELOPE.DANHSACHHOSO", ViolationRules.EnvelopeStructure), V("XML1.LOAIHOSO", ViolationRules.TablePresence)];
        corpus.SubmitLarge("limits/31 MiB envelope of whitespace", () => Padded(Root, "    \n", 31 * MiB), StatusCode.InvalidArgument, empty);
        corpus.SubmitLarge("limits/31 MiB envelope of comments", () => Padded(Root, "<!-- padding padding padding -->", 31 * MiB), StatusCode.InvalidArgument, empty);
        corpus.SubmitLarge("limits/33 MiB message is over the gRPC limit", () => Padded(Root, " ", 33 * MiB), StatusCode.ResourceExhausted);
        corpus.SubmitLarge("limits/32 MiB document plus framing is over the gRPC limit", () => Padded(Root, " ", 32 * MiB), StatusCode.ResourceExhausted);

        corpus.Wire("grpc/gzip bomb expanding to 1 GiB", () => HostileWireRequest.Gzip(HostileWireRequest.SubmitDossier,
            HostileWireRequest.GzipSubmitRequest(1024L * MiB)), StatusCode.ResourceExhausted);
        corpus.Wire("grpc/gzip bomb expanding to 40 MiB", () => HostileWireRequest.Gzip(HostileWireRequest.SubmitDossier,
            HostileWireRequest.GzipSubmitRequest(40L * MiB)), StatusCode.ResourceExhausted);
        corpus.Wire("grpc/gzip-compressed XXE document", () => HostileWireRequest.Gzip(HostileWireRequest.SubmitDossier,
            HostileWireRequest.GzipSubmitRequest(0, Utf8(ExternalEntity(Root, "THONGTINDONVI", "file:///etc/passwd")))), StatusCode.InvalidArgument, V(Envelope, ViolationRules.XmlDtd));
        corpus.Wire("grpc/unsupported grpc-encoding", () => HostileWireRequest.Gzip(HostileWireRequest.SubmitDossier,
            HostileWireRequest.GzipSubmitRequest(0, Utf8(Declaration))) with { Encoding = "x-evil" }, StatusCode.Unimplemented);
        corpus.Wire("grpc/length prefix of 1 GiB with 16 bytes sent", () => new HostileWireRequest(HostileWireRequest.SubmitDossier,
            [0, 0x40, 0, 0, 0, .. new byte[16]]), StatusCode.ResourceExhausted);
        corpus.Wire("grpc/two messages in a unary call", () => new HostileWireRequest(HostileWireRequest.SubmitDossier,
            [0, 0, 0, 0, 2, 0x0A, 0, 0, 0, 0, 0, 2, 0x0A, 0]), StatusCode.Internal);
    }

    private static void AddEncodingCases(Builder corpus)
    {
        var encoding = V(Envelope, ViolationRules.Encoding);
        var d = Dossier();
        corpus.Submit("encoding/UTF-16LE with BOM", () => Reencoded(d.Payload, Encoding.Unicode, bom: true), false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-16BE with BOM", () => Reencoded(d.Payload, Encoding.BigEndianUnicode, bom: true), false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-16LE without BOM", () => Reencoded(d.Payload, Encoding.Unicode, bom: false), false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-32 with BOM", () => Reencoded(d.Payload, Encoding.UTF32, bom: true), false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-16 declared but UTF-8 bytes", () => Declaring(d.Payload, "UTF-16"), false, d.MaLk, encoding);
        corpus.Submit("encoding/ISO-8859-1 declared with Latin-1 bytes", () => WithLatin1After(Declaring(d.Payload, "ISO-8859-1"), "<CHUKYDONVI>", "Bệnh viện é"), false, d.MaLk, encoding);
        corpus.Submit("encoding/windows-1258 declared", () => Declaring(d.Payload, "windows-1258"), false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-7 declared hiding a DOCTYPE", () => Utf8(
            $"<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE {Root} +AFs-+ADw-!ENTITY x SYSTEM +ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-+ADw-{Root}+AD4-+ACY-x;+ADw-/{Root}+AD4-"),
            encoding);
        corpus.Submit("encoding/Latin-1 bytes in a UTF-8 envelope", () => WithLatin1After(d.Payload, "<CHUKYDONVI>", "Bình Phước"), false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-8 BOM with a UTF-16 declaration", () => [0xEF, 0xBB, 0xBF, .. Declaring(d.Payload, "UTF-16")], false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-16 BOM before UTF-8 bytes", () => [0xFF, 0xFE, .. d.Payload], false, d.MaLk, encoding);
        corpus.Submit("encoding/overlong UTF-8 for '<'", () => ReplaceBytes(d.Payload, "<CHUKYDONVI>", [0xC0, 0xBC, .. "CHUKYDONVI>"u8]), false, d.MaLk, encoding);
        corpus.Submit("encoding/UTF-8 encoded surrogate", () => ReplaceBytes(d.Payload, "<CHUKYDONVI>", [.. "<CHUKYDONVI>"u8, 0xED, 0xA0, 0x80]), false, d.MaLk, encoding);
        corpus.Submit("encoding/NUL byte at the start", () => [0x00, .. d.Payload], false, d.MaLk, encoding);
        corpus.Submit("encoding/NUL byte in an element", () => ReplaceBytes(d.Payload, "<CHUKYDONVI>", [.. "<CHUKYDONVI>"u8, 0x00]), false, d.MaLk,
            V(Envelope, ViolationRules.XmlMalformed));
        corpus.Submit("encoding/control character reference &#1;", () => Replace(d.Payload, "<CHUKYDONVI>", "<CHUKYDONVI>&#1;"), false, d.MaLk,
            V(Envelope, ViolationRules.XmlMalformed));
        corpus.Submit("encoding/double UTF-8 BOM", () => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. d.Payload], false, d.MaLk,
            V(Envelope, ViolationRules.XmlMalformed));

        AddInner(corpus, "encoding/inner XML1 in UTF-16 with BOM", "XML1", x => Reencoded(x, Encoding.Unicode, bom: true), ViolationRules.Encoding);
        AddInner(corpus, "encoding/inner XML1 declared ISO-8859-1", "XML1", x => Declaring(x, "ISO-8859-1"), ViolationRules.Encoding);
        AddInner(corpus, "encoding/inner XML1 with Latin-1 bytes in HO_TEN", "XML1", x => WithLatin1After(x, "<HO_TEN>", "Nguyễn Văn Á"), ViolationRules.Encoding);
        AddInner(corpus, "encoding/inner XML1 with a NUL byte", "XML1", x => ReplaceBytes(x, "<HO_TEN>", [.. "<HO_TEN>"u8, 0x00]), ViolationRules.XmlMalformed);
        AddInner(corpus, "encoding/inner XML1 that is a PNG image", "XML1", _ => [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8], ViolationRules.Encoding);
    }

    /// <summary>A dossier whose <paramref name="table"/> bytes are transformed; the rule is reported on TABLE.NOIDUNGFILE.</summary>
    private static void AddInner(Builder corpus, string name, string table, Func<byte[], byte[]> transform, string rule)
    {
        var dossier = Dossier(options: new() { DrugRows = 2, ServiceRows = 2 });
        corpus.Submit(name, () => dossier.Mutate().WithTableContent(table, transform(dossier.InnerTables[table])).Build().Payload,
            true, dossier.MaLk, V(table + ".NOIDUNGFILE", rule));
    }

    private static void AddBase64Cases(Builder corpus)
    {
        var base64 = V("XML1.NOIDUNGFILE", ViolationRules.Base64);
        void Raw(string name, Func<string, string> edit, params ExpectedViolation[] expected)
        {
            var dossier = Dossier();
            corpus.Submit(name, () => WithRawContent(dossier.Payload, "XML1", edit(RawContent(dossier.Payload, "XML1"))), true, dossier.MaLk, expected);
        }

        Raw("base64/characters outside the alphabet", c => "!!*" + c[3..], base64);
        Raw("base64/URL-safe alphabet", c => "-_" + c.Replace('+', '-').Replace('/', '_')[2..], base64);
        Raw("base64/a quote smuggled in", c => c[..8] + "&quot;" + c[9..], base64);
        Raw("base64/truncated by one character", c => c[..^1], base64);
        Raw("base64/truncated to a length not a multiple of 4", c => c[..(((c.Length / 2) & ~3) + 2)], base64);
        Raw("base64/padding in the middle", c => "QQ==" + c, base64);
        Raw("base64/too much padding", c => c + "====", base64);
        Raw("base64/only padding", _ => "====", base64);
        Raw("base64/empty NOIDUNGFILE", _ => string.Empty, V("XML1.NOIDUNGFILE", ViolationRules.Required));
        Raw("base64/whitespace-only NOIDUNGFILE", _ => "  \n\t  ", V("XML1.NOIDUNGFILE", ViolationRules.Required));
        Raw("base64/decodes to plain text", _ => Convert.ToBase64String("not XML at all"u8), V("XML1.NOIDUNGFILE", ViolationRules.XmlMalformed));
        Raw("base64/encoded twice", c => Convert.ToBase64String(Encoding.ASCII.GetBytes(c)), V("XML1.NOIDUNGFILE", ViolationRules.XmlMalformed));
        Raw("base64/decodes to an envelope instead of a table", _ => Convert.ToBase64String(Utf8($"{Declaration}<{Root}/>")), V("XML1.TONG_HOP", ViolationRules.TableRoot));
    }

    private static void AddTruncationCases(Builder corpus)
    {
        var malformed = V(Envelope, ViolationRules.XmlMalformed);
        var d = Dossier(options: new() { DrugRows = 5, ServiceRows = 5 });
        corpus.Submit("truncated/inside the XML declaration", () => Truncated(d.Payload, 10), false, d.MaLk, malformed);
        corpus.Submit("truncated/after the root start tag", () => Truncated(d.Payload, d.Payload.AsSpan().IndexOf("<THONGTINDONVI>"u8)), false, d.MaLk, malformed);
        corpus.Submit("truncated/at a quarter", () => Truncated(d.Payload, d.Payload.Length / 4), false, d.MaLk, malformed);
        corpus.Submit("truncated/at half", () => Truncated(d.Payload, d.Payload.Length / 2), false, d.MaLk, malformed);
        corpus.Submit("truncated/inside the signature", () => Truncated(d.Payload, d.Payload.AsSpan().IndexOf("<SignatureValue>"u8) + 20), false, d.MaLk, malformed);
        corpus.Submit("truncated/last byte missing", () => Truncated(d.Payload, d.Payload.Length - 1), false, d.MaLk, malformed);
        corpus.Submit("truncated/only the XML declaration", () => Utf8(Declaration), false, null, malformed);
        corpus.Submit("xml/a second root element", () => Concat(d.Payload, Utf8($"<{Root}/>")), false, d.MaLk, malformed);
        corpus.Submit("xml/trailing garbage after the root", () => Concat(d.Payload, "garbage"u8.ToArray()), false, d.MaLk, malformed);
        corpus.Submit("xml/mismatched end tag", () => Replace(d.Payload, "</THONGTINDONVI>", "</THONGTINHOSO>"), false, d.MaLk, malformed);
        corpus.Submit("xml/a Signature element smuggled into THONGTINDONVI", () => Replace(d.Payload, "</THONGTINDONVI>",
            "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature></THONGTINDONVI>"), true, d.MaLk,
            V("ENVELOPE.THONGTINDONVI.Signature", ViolationRules.EnvelopeStructure));
        corpus.Submit("xml/unclosed CDATA section", () => Replace(d.Payload, "<CHUKYDONVI>", "<CHUKYDONVI><![CDATA[x"), false, d.MaLk, malformed);
        corpus.Submit("xml/undefined entity reference", () => Replace(d.Payload, "<CHUKYDONVI>", "<CHUKYDONVI>&xxe;"), false, d.MaLk, malformed);
        corpus.Submit("xml/empty document", () => [], V("REQUEST.document", ViolationRules.Required));
        corpus.Submit("xml/wrong root element", () => Utf8($"{Declaration}<HOSO><FILEHOSO/></HOSO>"), V("ENVELOPE.GIAMDINHHS", ViolationRules.EnvelopeStructure));

        AddInner(corpus, "truncated/inner XML1 at half", "XML1", x => CutBeforeTag(x, 0.5), ViolationRules.XmlMalformed);
        AddInner(corpus, "truncated/inner XML2 last byte missing", "XML2", x => Truncated(x, x.Length - 1), ViolationRules.XmlMalformed);
        AddInner(corpus, "truncated/inner XML3 after its declaration", "XML3", x => Truncated(x, Declaration.Length), ViolationRules.XmlMalformed);
    }
}
