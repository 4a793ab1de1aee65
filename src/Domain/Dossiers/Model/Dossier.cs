namespace SoSucKhoe.Dossiers.Model;

/// <summary>
/// A read GIAMDINHHS envelope: one episode (MA_LK) of one facility, with its decoded tables.
/// Produced by <see cref="Reading.DossierReader"/>; tables that could not be decoded or parsed are absent
/// and their problems are listed in <see cref="ReadViolations"/>.
/// </summary>
public sealed class Dossier
{
    private readonly Dictionary<string, RawTable> _tablesByCode;

    internal Dossier(
        ReadOnlyMemory<byte> document,
        string facilityCode,
        string? ngayLap,
        string? soLuongHoSo,
        int hoSoCount,
        IReadOnlyList<DossierFile> files,
        IReadOnlyList<RawTable> tables,
        bool hasSignatureElement,
        bool hasSignature,
        IReadOnlyList<Violation> readViolations)
    {
        Document = document;
        FacilityCode = facilityCode;
        NgayLap = ngayLap;
        SoLuongHoSo = soLuongHoSo;
        HoSoCount = hoSoCount;
        Files = files;
        Tables = tables;
        HasSignatureElement = hasSignatureElement;
        HasSignature = hasSignature;
        ReadViolations = readViolations;

        _tablesByCode = new Dictionary<string, RawTable>(tables.Count, StringComparer.Ordinal);
        foreach (var t in tables)
        {
            _tablesByCode.TryAdd(t.Code, t);
        }

        Summary = Single(TableCodes.Xml1, static r => new TreatmentSummary(r));
        Drugs = List(TableCodes.Xml2, static r => new DrugLine(r));
        Services = List(TableCodes.Xml3, static r => new ServiceLine(r));
        ClinicalTests = List(TableCodes.Xml4, static r => new ClinicalTestResult(r));
        ClinicalProgress = List(TableCodes.Xml5, static r => new ClinicalProgressNote(r));
        Discharge = Single(TableCodes.Xml7, static r => new DischargeCertificate(r));
        RecordSummary = Single(TableCodes.Xml8, static r => new MedicalRecordSummary(r));
        SickLeave = Single(TableCodes.Xml11, static r => new SickLeaveCertificate(r));
        Transfer = Single(TableCodes.Xml13, static r => new TransferCertificate(r));
        ReExam = Single(TableCodes.Xml14, static r => new ReExamAppointment(r));
    }

    /// <summary>The exact envelope bytes as received (what the facility signed; hash it with <see cref="DossierHash"/>).</summary>
    public ReadOnlyMemory<byte> Document { get; }

    /// <summary>THONGTINDONVI/MACSKCB as sent ("" when absent).</summary>
    public string FacilityCode { get; }

    /// <summary>THONGTINHOSO/NGAYLAP as sent (yyyyMMdd), or null.</summary>
    public string? NgayLap { get; }

    /// <summary>NGAYLAP parsed, or null when absent or malformed.</summary>
    public VnDateTime? NgayLapDate => VnDateTime.ParseOrNull(NgayLap);

    /// <summary>THONGTINHOSO/SOLUONGHOSO as sent, or null.</summary>
    public string? SoLuongHoSo { get; }

    /// <summary>The number of HOSO elements found in DANHSACHHOSO.</summary>
    public int HoSoCount { get; }

    /// <summary>Every FILEHOSO whose content decoded, in document order (including tables that failed to parse).</summary>
    public IReadOnlyList<DossierFile> Files { get; }

    /// <summary>Every table that decoded and parsed, in document order.</summary>
    public IReadOnlyList<RawTable> Tables { get; }

    /// <summary>True when the envelope has a CHUKYDONVI element.</summary>
    public bool HasSignatureElement { get; }

    /// <summary>True when CHUKYDONVI holds a (not yet verified) XML-DSig Signature element.</summary>
    public bool HasSignature { get; }

    /// <summary>Problems found while reading; <see cref="Validation.DossierValidator"/> includes them in its result.</summary>
    public IReadOnlyList<Violation> ReadViolations { get; }

    /// <summary>The episode key: XML1 MA_LK, or null when XML1 is missing or has none.</summary>
    public string? MaLk => Summary?.MaLk;

    public TreatmentSummary? Summary { get; }

    public IReadOnlyList<DrugLine> Drugs { get; }

    public IReadOnlyList<ServiceLine> Services { get; }

    public IReadOnlyList<ClinicalTestResult> ClinicalTests { get; }

    public IReadOnlyList<ClinicalProgressNote> ClinicalProgress { get; }

    public DischargeCertificate? Discharge { get; }

    public MedicalRecordSummary? RecordSummary { get; }

    public SickLeaveCertificate? SickLeave { get; }

    public TransferCertificate? Transfer { get; }

    public ReExamAppointment? ReExam { get; }

    /// <summary>Any parsed table by code (e.g. "XML6", "XML9", "XML10", "XML15" which have no typed view), or null.</summary>
    public RawTable? GetTable(string code) => _tablesByCode.GetValueOrDefault(code);

    /// <summary>True when a table of that code was parsed.</summary>
    public bool HasTable(string code) => _tablesByCode.ContainsKey(code);

    /// <summary>True when a FILEHOSO of that code was present and decoded (even if it did not parse).</summary>
    public bool HasFile(string code)
    {
        foreach (var f in Files)
        {
            if (f.LoaiHoSo == code)
            {
                return true;
            }
        }

        return false;
    }

    private T? Single<T>(string code, Func<TableRow, T> create)
        where T : class =>
        _tablesByCode.TryGetValue(code, out var t) && t.Rows.Count > 0 ? create(t.Rows[0]) : null;

    private T[] List<T>(string code, Func<TableRow, T> create)
    {
        if (!_tablesByCode.TryGetValue(code, out var t) || t.Rows.Count == 0)
        {
            return [];
        }

        var result = new T[t.Rows.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = create(t.Rows[i]);
        }

        return result;
    }
}
