namespace SoSucKhoe.Dossiers;

/// <summary>Table codes as written in LOAIHOSO, plus the pseudo-table of the envelope.</summary>
public static class TableCodes
{
    public const string Envelope = "ENVELOPE";
    public const string Xml0 = "XML0";
    public const string Xml1 = "XML1";
    public const string Xml2 = "XML2";
    public const string Xml3 = "XML3";
    public const string Xml4 = "XML4";
    public const string Xml5 = "XML5";
    public const string Xml6 = "XML6";
    public const string Xml7 = "XML7";
    public const string Xml8 = "XML8";
    public const string Xml9 = "XML9";
    public const string Xml10 = "XML10";
    public const string Xml11 = "XML11";
    public const string Xml12 = "XML12";
    public const string Xml13 = "XML13";
    public const string Xml14 = "XML14";
    public const string Xml15 = "XML15";
}
