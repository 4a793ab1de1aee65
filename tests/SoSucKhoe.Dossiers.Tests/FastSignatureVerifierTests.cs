using System.Security.Cryptography.X509Certificates;
using System.Text;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Dossiers.Tests.Support;
using FacilityCertificates = SoSucKhoe.TestData.FacilityCertificates;
using XmlSec1 = SoSucKhoe.TestData.XmlSec1;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>
/// The streaming fast path of the hot verifier (<c>Verify(document, options, cache)</c>) against the general SignedXml path: it
/// answers Valid exactly where SignedXml does for the documents facilities send, and never answers anything else.
/// </summary>
public sealed class FastSignatureVerifierTests
{
    private const string C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    private static readonly Lazy<X509Certificate2> FacilityCertificate = new(() => FacilityCertificates.For("70001"));
    private static readonly Lazy<X509Certificate2> OtherCertificate = new(() => FacilityCertificates.For("79901"));

    public static IEnumerable<object[]> Corpus => FastSignatureCorpus.Names;

    private static byte[] Signed(string name) => DossierSigner.Sign(FastSignatureCorpus.Unsigned(name), FacilityCertificate.Value);

    private static byte[] Edit(byte[] document, string from, string to)
    {
        var text = Encoding.UTF8.GetString(document);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in the document.");
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }

    private static void AssertSameAnswer(SignatureVerification expected, SignatureVerification actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.Thumbprint, actual.Thumbprint);
        Assert.Same(expected.Certificate, actual.Certificate);
    }

    /// <summary>The fast path answers Valid itself, with exactly SignedXml's result, and the hot overload returns that result.</summary>
    private static void AssertFastPathAnswersValid(byte[] document)
    {
        var cache = new SigningCertificateCache();
        var slow = DossierSignatureVerifier.VerifyWithSignedXml(document, DossierReaderOptions.Default, cache);
        Assert.Equal(SignatureStatus.Valid, slow.Status);

        var fast = DossierSignatureVerifier.TryVerifyFast(document, DossierReaderOptions.Default, cache);
        Assert.NotNull(fast);
        AssertSameAnswer(slow, fast);
        AssertSameAnswer(slow, DossierSignatureVerifier.Verify(document, DossierReaderOptions.Default, cache));
        Assert.Equal(1, cache.Count);
    }

    /// <summary>The fast path declines, and the hot overload answers exactly what SignedXml answers (the given status).</summary>
    private static void AssertFallsBackTo(SignatureStatus expected, byte[] document)
    {
        var cache = new SigningCertificateCache();
        Assert.Null(DossierSignatureVerifier.TryVerifyFast(document, DossierReaderOptions.Default, cache));
        var slow = DossierSignatureVerifier.VerifyWithSignedXml(document, DossierReaderOptions.Default, cache);
        Assert.Equal(expected, slow.Status);
        AssertSameAnswer(slow, DossierSignatureVerifier.Verify(document, DossierReaderOptions.Default, cache));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Documents_signed_with_SignedXml_are_valid_on_the_fast_path_with_the_same_result(string name) =>
        AssertFastPathAnswersValid(Signed(name));

    [Theory]
    [MemberData(nameof(Corpus))]
    public void One_more_character_in_any_signed_document_is_invalid_and_not_answered_by_the_fast_path(string name) =>
        AssertFallsBackTo(SignatureStatus.Invalid, Edit(Signed(name), "<CHUKYDONVI", " <CHUKYDONVI"));

    [Fact]
    public void The_caller_owned_overload_also_gets_a_fresh_certificate_from_the_fast_path()
    {
        var result = DossierSignatureVerifier.Verify(Signed("outpatient fixture"));
        using var certificate = result.Certificate;
        Assert.Equal(SignatureStatus.Valid, result.Status);
        Assert.Equal(FacilityCertificate.Value.Thumbprint, certificate!.Thumbprint);
        Assert.NotSame(SigningCertificateCache.Shared.GetOrAdd(FacilityCertificate.Value.RawData)!.Certificate, certificate);
    }

    [Fact]
    public void Removing_the_XML_declaration_after_signing_changes_nothing_on_either_path()
    {
        var signed = Signed("outpatient fixture");
        var text = Encoding.UTF8.GetString(signed);
        Assert.StartsWith("<?xml", text);
        AssertFastPathAnswersValid(Encoding.UTF8.GetBytes(text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public void A_CR_LF_pair_split_across_read_chunks_is_digested_as_one_line_feed()
    {
        foreach (var before in new[] { 2_045, 2_046, 2_047, 2_048, 4_095, 4_096 })
        {
            AssertFastPathAnswersValid(SignedInPlace("<T>" + new string('x', before) + "&#13;&#10;y&#13;</T><U>" + new string('z', before) + "&#13;</U>"));
        }
    }

    [Fact]
    public async Task A_document_signed_by_xmlsec1_with_the_facility_template_verifies_on_the_fast_path()
    {
        var template = "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>" +
            $"<CanonicalizationMethod Algorithm=\"{C14N}\"/><SignatureMethod Algorithm=\"{XmlDsig.RsaSha256}\"/>" +
            $"<Reference URI=\"\"><Transforms><Transform Algorithm=\"{XmlDsig.EnvelopedTransform}\"/><Transform Algorithm=\"{C14N}\"/></Transforms>" +
            $"<DigestMethod Algorithm=\"{XmlDsig.Sha256}\"/><DigestValue></DigestValue></Reference></SignedInfo>" +
            "<SignatureValue></SignatureValue><KeyInfo><X509Data><X509Certificate></X509Certificate></X509Data></KeyInfo></Signature>";
        var unsigned = Fixtures.Outpatient().BuildString().Replace("<CHUKYDONVI/>", "<CHUKYDONVI>" + template + "</CHUKYDONVI>", StringComparison.Ordinal);
        var signed = await XmlSec1.SignAsync(Encoding.UTF8.GetBytes(unsigned), FacilityCertificate.Value);

        Assert.DoesNotContain("<DigestValue></DigestValue>", Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
        AssertFastPathAnswersValid(signed);
    }

    [Fact]
    public async Task A_document_signed_by_xmlsec1_with_a_prefixed_indented_signature_verifies_on_the_fast_path()
    {
        var template = "\n    <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n      <ds:SignedInfo>\n" +
            $"        <ds:CanonicalizationMethod Algorithm=\"{C14N}\"/>\n        <ds:SignatureMethod Algorithm=\"{XmlDsig.RsaSha256}\"/>\n" +
            $"        <ds:Reference URI=\"\">\n          <ds:Transforms>\n            <ds:Transform Algorithm=\"{XmlDsig.EnvelopedTransform}\"/>\n" +
            $"          </ds:Transforms>\n          <ds:DigestMethod Algorithm=\"{XmlDsig.Sha256}\"/>\n          <ds:DigestValue></ds:DigestValue>\n" +
            "        </ds:Reference>\n      </ds:SignedInfo>\n      <ds:SignatureValue></ds:SignatureValue>\n" +
            "      <ds:KeyInfo>\n        <ds:X509Data>\n          <ds:X509Certificate></ds:X509Certificate>\n        </ds:X509Data>\n      </ds:KeyInfo>\n" +
            "    </ds:Signature>\n  ";
        var unsigned = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?his-export v1?>\n" +
            "<GIAMDINHHS xmlns=\"urn:sosuckhoe:test\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <!-- exported -->\n" +
            "  <THONGTINDONVI>\n    <MACSKCB xsi:nil=\"false\">70001</MACSKCB>\n  </THONGTINDONVI>\n" +
            "  <GHICHU loai=\"a &amp; b\"><![CDATA[a < b & c]]> Khám Nội &lt;1&gt;</GHICHU>\n  <TRONG/>\n" +
            "  <CHUKYDONVI>" + template + "</CHUKYDONVI>\n</GIAMDINHHS>\n<!-- end -->";
        var signed = await XmlSec1.SignAsync(Encoding.UTF8.GetBytes(unsigned), FacilityCertificate.Value);

        Assert.DoesNotContain("<ds:SignatureValue></ds:SignatureValue>", Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
        AssertFastPathAnswersValid(signed);
    }

    [Fact]
    public async Task A_fixture_signed_by_xmlsec1_with_a_prefixed_signature_verifies_on_the_fast_path()
    {
        var unsigned = Fixtures.Inpatient().BuildString().Replace("<CHUKYDONVI/>", "<CHUKYDONVI>" + PrefixedTemplate + "</CHUKYDONVI>", StringComparison.Ordinal);
        AssertFastPathAnswersValid(await XmlSec1.SignAsync(Encoding.UTF8.GetBytes(unsigned), FacilityCertificate.Value));
    }

    [Fact]
    public async Task Repeated_xml_attributes_in_the_body_are_digested_alike_by_xmlsec1_SignedXml_and_the_fast_path()
    {
        var body = "<A xml:lang=\"vi\"><B xml:lang=\"vi\">x</B><C xml:lang=\"en\" xml:space=\"preserve\"> </C></A>";
        var unsigned = "<GIAMDINHHS>" + body + "<CHUKYDONVI>" + PrefixedTemplate + "</CHUKYDONVI></GIAMDINHHS>";
        AssertFastPathAnswersValid(await XmlSec1.SignAsync(Encoding.UTF8.GetBytes(unsigned), FacilityCertificate.Value));
        AssertFastPathAnswersValid(DossierSigner.Sign(Encoding.UTF8.GetBytes("<GIAMDINHHS>" + body + "<CHUKYDONVI/></GIAMDINHHS>"), FacilityCertificate.Value));
    }

    [Fact]
    public async Task An_empty_default_namespace_around_a_prefixed_signature_gets_the_same_answer_on_both_paths()
    {
        var unsigned = "<GIAMDINHHS xmlns=\"urn:sosuckhoe:test\"><A/><CHUKYDONVI xmlns=\"\">" + PrefixedTemplate + "</CHUKYDONVI></GIAMDINHHS>";
        var signed = await XmlSec1.SignAsync(Encoding.UTF8.GetBytes(unsigned), FacilityCertificate.Value);
        AssertFallsBackTo(SignatureStatus.Invalid, signed);
    }

    [Fact]
    public async Task A_CR_kept_in_text_by_a_strictly_conformant_signer_gets_SignedXml_s_answer()
    {
        // xmlsec1 digests the CR as &#xD; (C14N 1.0); SignedXml digests it as a line feed and refuses the document. The fast path
        // must not answer differently, so it declines and the document keeps SignedXml's answer.
        var unsigned = "<GIAMDINHHS><A>x&#13;y</A><CHUKYDONVI>" + PrefixedTemplate + "</CHUKYDONVI></GIAMDINHHS>";
        var signed = await XmlSec1.SignAsync(Encoding.UTF8.GetBytes(unsigned), FacilityCertificate.Value);
        AssertFallsBackTo(SignatureStatus.Invalid, signed);
    }

    [Fact]
    public void A_changed_character_in_the_text_is_invalid_and_not_answered_by_the_fast_path() =>
        AssertFallsBackTo(SignatureStatus.Invalid, Edit(Signed("outpatient fixture"), "<NGAYLAP>20250310</NGAYLAP>", "<NGAYLAP>20250311</NGAYLAP>"));

    [Fact]
    public void A_changed_character_in_an_attribute_is_invalid_and_not_answered_by_the_fast_path() =>
        AssertFallsBackTo(SignatureStatus.Invalid, Edit(Signed("empty elements"), "<C x=\"1\" />", "<C x=\"2\" />"));

    [Fact]
    public void Quotes_spacing_and_the_empty_element_form_do_not_change_the_canonical_form() =>
        AssertFastPathAnswersValid(Edit(Signed("empty elements"), "<C x=\"1\" />", "<C   x='1'\n></C>"));

    [Fact]
    public void Reordered_attributes_keep_their_canonical_form_and_stay_valid()
    {
        var signed = Signed("attributes in odd order");
        var text = Encoding.UTF8.GetString(signed);
        var start = text.IndexOf("<A ", StringComparison.Ordinal);
        var tag = text[start..(text.IndexOf("/>", start, StringComparison.Ordinal) + 2)];
        Assert.Equal("<A z=\"1\" b:y=\"2\" xsi:type=\"t\" a:y=\"3\" b=\"4\" a:b=\"5\" Z=\"6\" xml:lang=\"vi\" aa=\"7\" />", tag);
        AssertFastPathAnswersValid(Edit(signed, tag, "<A aa=\"7\" xml:lang=\"vi\" a:b=\"5\" Z=\"6\" b=\"4\" a:y=\"3\" xsi:type=\"t\" b:y=\"2\" z=\"1\"/>"));
    }

    [Theory]
    [InlineData("<T a=\"one&#13;two&#13;&#10;three&#9;four\">line&#13;next&#13;&#10;last&#13;</T><W>&#13;</W><X>x&#13;<![CDATA[\ny]]></X>")]
    [InlineData("<T>&#13;</T><U a=\"&#9;&#9;\">&#13;&#10;&#13;&#13;</U>")]
    public void Character_references_to_CR_and_TAB_are_digested_as_SignedXml_digests_them(string body) =>
        // DossierSigner's writer would normalize the CR away, so the signature is put into the original text, as a HIS does.
        AssertFastPathAnswersValid(SignedInPlace(body));

    [Fact]
    public void A_changed_SignedInfo_is_invalid_and_not_answered_by_the_fast_path() =>
        AssertFallsBackTo(SignatureStatus.Invalid, Edit(Signed("outpatient fixture"), "<SignedInfo>", "<SignedInfo>\n"));

    [Fact]
    public void A_changed_DigestValue_is_invalid_and_not_answered_by_the_fast_path()
    {
        var signed = Signed("outpatient fixture");
        var text = Encoding.UTF8.GetString(signed);
        var at = text.IndexOf("<DigestValue>", StringComparison.Ordinal) + "<DigestValue>".Length;
        var changed = text[at] == 'A' ? 'B' : 'A';
        AssertFallsBackTo(SignatureStatus.Invalid, Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), changed.ToString(), text.AsSpan(at + 1))));
    }

    [Fact]
    public void A_changed_SignatureValue_is_invalid_and_not_answered_by_the_fast_path()
    {
        var signed = Signed("outpatient fixture");
        var text = Encoding.UTF8.GetString(signed);
        var at = text.IndexOf("<SignatureValue>", StringComparison.Ordinal) + "<SignatureValue>".Length + 10;
        var changed = text[at] == 'A' ? 'B' : 'A';
        AssertFallsBackTo(SignatureStatus.Invalid, Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), changed.ToString(), text.AsSpan(at + 1))));
    }

    [Fact]
    public void A_second_signature_is_wrapping_and_not_answered_by_the_fast_path()
    {
        var signed = Signed("outpatient fixture");
        var signature = SignatureElement(signed);
        AssertFallsBackTo(SignatureStatus.Wrapping, Edit(signed, "</CHUKYDONVI>", signature + "</CHUKYDONVI>"));
        AssertFallsBackTo(SignatureStatus.Wrapping, Edit(signed, "<THONGTINDONVI>", "<THONGTINDONVI>" + signature));
    }

    [Fact]
    public void A_signature_moved_out_of_CHUKYDONVI_is_wrapping_and_not_answered_by_the_fast_path()
    {
        var signed = Signed("outpatient fixture");
        var signature = SignatureElement(signed);
        var moved = Edit(Edit(signed, signature, string.Empty), "<THONGTINDONVI>", "<THONGTINDONVI>" + signature);
        AssertFallsBackTo(SignatureStatus.Wrapping, moved);
        var underRoot = Edit(Edit(signed, signature, string.Empty), "</GIAMDINHHS>", signature + "</GIAMDINHHS>");
        AssertFallsBackTo(SignatureStatus.Wrapping, underRoot);
    }

    [Fact]
    public void A_swapped_certificate_is_invalid_and_not_answered_by_the_fast_path()
    {
        var signed = Signed("outpatient fixture");
        var swapped = Edit(signed, Convert.ToBase64String(FacilityCertificate.Value.RawData), Convert.ToBase64String(OtherCertificate.Value.RawData));
        AssertFallsBackTo(SignatureStatus.Invalid, swapped);
    }

    [Fact]
    public void An_unsigned_document_is_missing_and_not_answered_by_the_fast_path() =>
        AssertFallsBackTo(SignatureStatus.Missing, Fixtures.Outpatient().Build());

    [Fact]
    public void A_weak_signature_method_is_left_to_the_general_verifier() =>
        AssertFallsBackTo(SignatureStatus.WeakAlgorithm, Edit(Signed("outpatient fixture"), XmlDsig.RsaSha256, "http://www.w3.org/2000/09/xmldsig#rsa-sha1"));

    [Fact]
    public void A_partial_reference_is_left_to_the_general_verifier() =>
        AssertFallsBackTo(SignatureStatus.Wrapping, Edit(Signed("outpatient fixture"), "URI=\"\"", "URI=\"#part\""));

    [Fact]
    public void Exclusive_canonicalization_is_left_to_the_general_verifier() =>
        AssertFallsBackTo(SignatureStatus.Invalid, Edit(Signed("outpatient fixture"),
            "<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"",
            "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\""));

    [Fact]
    public void A_comment_inside_SignedInfo_is_left_to_the_general_verifier()
    {
        // C14N without comments drops it, so the signature is still valid, but only the general verifier answers.
        var commented = Edit(Signed("outpatient fixture"), "<SignatureMethod", "<!-- note --><SignatureMethod");
        var cache = new SigningCertificateCache();
        Assert.Null(DossierSignatureVerifier.TryVerifyFast(commented, DossierReaderOptions.Default, cache));
        AssertSameAnswer(DossierSignatureVerifier.VerifyWithSignedXml(commented, DossierReaderOptions.Default, cache),
            DossierSignatureVerifier.Verify(commented, DossierReaderOptions.Default, cache));
    }

    [Fact]
    public void An_unknown_element_in_SignedInfo_or_Signature_is_left_to_the_general_verifier()
    {
        var signed = Signed("outpatient fixture");
        AssertFallsBackTo(SignatureStatus.Malformed, Edit(signed, "<SignatureMethod", "<Extra /><SignatureMethod"));
        AssertFallsBackTo(SignatureStatus.Malformed, Edit(signed, "</Signature>", "<Object><Extra /></Object><Extra2 /></Signature>"));
    }

    [Fact]
    public void A_KeyInfo_without_a_certificate_or_repeated_is_left_to_the_general_verifier()
    {
        var signed = Signed("outpatient fixture");
        var text = Encoding.UTF8.GetString(signed);
        var keyInfo = text[text.IndexOf("<KeyInfo>", StringComparison.Ordinal)..(text.IndexOf("</KeyInfo>", StringComparison.Ordinal) + "</KeyInfo>".Length)];
        AssertFallsBackTo(SignatureStatus.CertificateMissing, Edit(signed, keyInfo, "<KeyInfo><KeyName>x</KeyName></KeyInfo>"));
        AssertFallsBackTo(SignatureStatus.Malformed, Edit(signed, keyInfo, keyInfo + keyInfo));
    }

    [Fact]
    public void A_document_above_the_element_limit_is_left_to_the_general_verifier()
    {
        var signed = Signed("outpatient fixture");
        var options = new DossierReaderOptions { MaxElements = 20 };
        var cache = new SigningCertificateCache();
        Assert.Null(DossierSignatureVerifier.TryVerifyFast(signed, options, cache));
        var result = DossierSignatureVerifier.Verify(signed, options, cache);
        Assert.Equal(SignatureStatus.Malformed, result.Status);
        AssertSameAnswer(DossierSignatureVerifier.VerifyWithSignedXml(signed, options, cache), result);
    }

    [Fact]
    public void Truncated_and_hostile_documents_never_make_the_fast_path_throw()
    {
        var signed = Signed("outpatient fixture");
        var cache = new SigningCertificateCache();
        for (var length = 0; length < signed.Length; length += 61)
        {
            var cut = signed.AsMemory(0, length);
            Assert.Null(DossierSignatureVerifier.TryVerifyFast(cut, DossierReaderOptions.Default, cache));
            AssertSameAnswer(DossierSignatureVerifier.VerifyWithSignedXml(cut, DossierReaderOptions.Default, cache),
                DossierSignatureVerifier.Verify(cut, DossierReaderOptions.Default, cache));
        }

        Assert.Null(DossierSignatureVerifier.TryVerifyFast("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"u8.ToArray(), DossierReaderOptions.Default, cache));
        Assert.Null(DossierSignatureVerifier.TryVerifyFast(Edit(signed, "<X509Certificate>", "<X509Certificate>AAAA"), DossierReaderOptions.Default, cache));
    }

    [Fact]
    public void A_declined_document_does_not_disturb_the_next_verification_on_the_same_thread()
    {
        var valid = Signed("outpatient fixture");
        var altered = Edit(valid, "<NGAYLAP>20250310</NGAYLAP>", "<NGAYLAP>20250311</NGAYLAP>");
        var truncated = valid.AsMemory(0, valid.Length / 2);
        var cache = new SigningCertificateCache();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(DossierSignatureVerifier.TryVerifyFast(altered, DossierReaderOptions.Default, cache));
            Assert.NotNull(DossierSignatureVerifier.TryVerifyFast(valid, DossierReaderOptions.Default, cache));
            Assert.Null(DossierSignatureVerifier.TryVerifyFast(truncated, DossierReaderOptions.Default, cache));
            Assert.NotNull(DossierSignatureVerifier.TryVerifyFast(valid, DossierReaderOptions.Default, cache));
        }
    }

    [Fact]
    public void Concurrent_fast_verifications_agree_with_sequential_ones()
    {
        var cache = new SigningCertificateCache();
        var valid = Signed("inpatient fixture");
        var altered = Edit(valid, "<NGAYLAP>20250310</NGAYLAP>", "<NGAYLAP>20250311</NGAYLAP>");
        var outcomes = new SignatureVerification?[400];
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => outcomes[i] = DossierSignatureVerifier.TryVerifyFast(i % 2 == 0 ? valid : altered, DossierReaderOptions.Default, cache));

        for (var i = 0; i < outcomes.Length; i++)
        {
            Assert.Equal(i % 2 == 0, outcomes[i] is { Status: SignatureStatus.Valid });
        }
    }

    private static string PrefixedTemplate =>
        "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>" +
        $"<ds:CanonicalizationMethod Algorithm=\"{C14N}\"/><ds:SignatureMethod Algorithm=\"{XmlDsig.RsaSha256}\"/>" +
        $"<ds:Reference URI=\"\"><ds:Transforms><ds:Transform Algorithm=\"{XmlDsig.EnvelopedTransform}\"/></ds:Transforms>" +
        $"<ds:DigestMethod Algorithm=\"{XmlDsig.Sha256}\"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo>" +
        "<ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate></ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>";

    /// <summary>Signs the body with DossierSigner and puts the signature into the original text (keeping its character references).</summary>
    private static byte[] SignedInPlace(string body)
    {
        var unsigned = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<GIAMDINHHS>" + body + "<CHUKYDONVI/></GIAMDINHHS>";
        var signature = SignatureElement(DossierSigner.Sign(Encoding.UTF8.GetBytes(unsigned), FacilityCertificate.Value));
        return Encoding.UTF8.GetBytes(unsigned.Replace("<CHUKYDONVI/>", "<CHUKYDONVI>" + signature + "</CHUKYDONVI>", StringComparison.Ordinal));
    }

    private static string SignatureElement(byte[] signed)
    {
        var text = Encoding.UTF8.GetString(signed);
        var start = text.IndexOf("<Signature ", StringComparison.Ordinal);
        var end = text.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length;
        Assert.True(start > 0 && end > start);
        return text[start..end];
    }
}
