using System.Security;
using System.Text;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>
/// Minimal synthetic documents in the shapes of letter 1245/BHXH-CNTT: an XML0 check-in and a GIAMDINHHS dossier whose XML1
/// (TONG_HOP) travels as base64 in NOIDUNGFILE. IDs are synthetic (structure only).
/// </summary>
internal static class TestDocuments
{
    public const string Province = "70";
    public const string Facility = "70001";
    public const string OtherFacility = "70002";

    /// <summary>A synthetic 12-digit personal ID: Bình Phước (070), 1900s male (0), born 1985, six digits.</summary>
    public const string PersonId = "070085123456";

    public const string OtherPersonId = "070290654321";

    /// <summary>A check-in of an arrival on <paramref name="day"/> (yyyyMMdd: 2025, so a QĐ 3176 check-in, by default).</summary>
    public static byte[] CheckIn(string maLk, string personId = PersonId, string facility = Facility, string day = "20250115")
    {
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <CHI_TIEU_TRANG_THAI_KCB>
              <DSACH_TRANG_THAI_KCB>
                <TRANG_THAI_KCB>
                  <MA_LK>{E(maLk)}</MA_LK>
                  <STT>1</STT>
                  <MA_BN>BN0001</MA_BN>
                  <HO_TEN>Nguyễn Văn Thử</HO_TEN>
                  <SO_CCCD>{E(personId)}</SO_CCCD>
                  <NGAY_SINH>198501010000</NGAY_SINH>
                  <GIOI_TINH>1</GIOI_TINH>
                  <MA_LOAI_KCB>01</MA_LOAI_KCB>
                  <MA_CSKCB>{E(facility)}</MA_CSKCB>
                  <NGAY_YL>{day}0830</NGAY_YL>
                </TRANG_THAI_KCB>
              </DSACH_TRANG_THAI_KCB>
              <CHUKYDONVI/>
            </CHI_TIEU_TRANG_THAI_KCB>
            """;
        return Encoding.UTF8.GetBytes(xml);
    }

    /// <summary>
    /// A dossier of an episode on <paramref name="day"/> (yyyyMMdd: 2025, so a QĐ 3176 dossier, by default); <paramref name="note"/>
    /// changes the content without changing the episode (a new version).
    /// </summary>
    public static byte[] Dossier(string maLk, string personId = PersonId, string facility = Facility, string envelopeFacility = "", string note = "", string envelopeComment = "",
        string day = "20250115")
    {
        var summary = $"""
            <TONG_HOP>
              <MA_LK>{E(maLk)}</MA_LK>
              <STT>1</STT>
              <MA_BN>BN0001</MA_BN>
              <HO_TEN>Nguyễn Văn Thử</HO_TEN>
              <SO_CCCD>{E(personId)}</SO_CCCD>
              <NGAY_SINH>198501010000</NGAY_SINH>
              <GIOI_TINH>1</GIOI_TINH>
              <MA_BENH_CHINH>J06.9</MA_BENH_CHINH>
              <NGAY_VAO>{day}0800</NGAY_VAO>
              <NGAY_RA>{day}1000</NGAY_RA>
              <KET_QUA_DTRI>1</KET_QUA_DTRI>
              <MA_LOAI_RV>1</MA_LOAI_RV>
              <GHI_CHU>{E(note)}</GHI_CHU>
              <MA_LOAI_KCB>01</MA_LOAI_KCB>
              <MA_CSKCB>{E(facility)}</MA_CSKCB>
            </TONG_HOP>
            """;
        var xml1 = Convert.ToBase64String(Encoding.UTF8.GetBytes(summary));
        var envelope = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <GIAMDINHHS xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
              <THONGTINDONVI>
                <MACSKCB>{E(envelopeFacility.Length > 0 ? envelopeFacility : facility)}</MACSKCB>
              </THONGTINDONVI>
              <THONGTINHOSO>
                <NGAYLAP>20250115</NGAYLAP>
                <SOLUONGHOSO>1</SOLUONGHOSO>
                <DANHSACHHOSO>
                  <HOSO>
                    <FILEHOSO>
                      <LOAIHOSO>XML1</LOAIHOSO>
                      <NOIDUNGFILE>{xml1}</NOIDUNGFILE>
                    </FILEHOSO>
                  </HOSO>
                </DANHSACHHOSO>
              </THONGTINHOSO>
              <!--{envelopeComment}-->
              <CHUKYDONVI/>
            </GIAMDINHHS>
            """;
        return Encoding.UTF8.GetBytes(envelope);
    }

    private static string E(string value) => SecurityElement.Escape(value);
}
