using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Book;

/// <summary>
/// Projects a read dossier onto the health book: the visit it describes and the administrative facts it states. Reads only the
/// typed views of XML1, XML2, XML3, XML4, XML7, XML8, XML11, XML13 and XML14 (and raw fields of those rows). It never looks at
/// XML6 (HIV/AIDS care), whose data must never reach the book, nor at XML5, XML9, XML10, XML12 or XML15.
/// Pure and thread-safe.
/// </summary>
public static class BookProjector
{
    /// <summary>Projects the visit of one dossier version.</summary>
    /// <param name="dossier">A dossier with an XML1 that has MA_LK and NGAY_VAO (every validated dossier has them).</param>
    /// <param name="contentHash">SHA-256 of the version's exact bytes.</param>
    /// <param name="version">The version number the hub gave it.</param>
    /// <param name="icd">The ICD-10 catalogue for diagnosis names, or null to leave names empty.</param>
    /// <exception cref="ArgumentException">The dossier has no XML1, no MA_LK or no valid NGAY_VAO.</exception>
    public static BookVisit ProjectVisit(Dossier dossier, string contentHash, int version, IcdCatalogue? icd)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(contentHash);
        var s = RequireSummary(dossier);
        var maLk = s.MaLk ?? throw new ArgumentException("The dossier's XML1 has no MA_LK.", nameof(dossier));
        var arrival = s.NgayVao?.Value ?? throw new ArgumentException("The dossier's XML1 has no valid NGAY_VAO.", nameof(dossier));
        var facility = FacilityOf(dossier, s);

        return new BookVisit(
            facility,
            maLk,
            version,
            contentHash,
            arrival,
            s.NgayRa?.Value,
            s.MaLoaiKcb ?? string.Empty,
            s.LyDoVv,
            s.MaBenhChinh is { } main ? Diagnosis(main, icd) : null,
            [.. MultiValue.Split(s.MaBenhKt).Select(code => Diagnosis(code, icd))],
            MultiValue.Split(s.MaBenhYhct),
            s.KetQuaDtri,
            s.MaLoaiRv,
            s.NhomMau,
            s.CanNang,
            [.. dossier.ClinicalTests.Select(LabResult)],
            [.. dossier.Drugs.Select(Drug)],
            [.. dossier.Services.Select(Service)],
            Procedures(s, dossier.Services),
            dossier.RecordSummary is { } x8 ? RecordSummary(x8) : null,
            dossier.Discharge is { } x7 ? DischargePaper(x7) : null,
            dossier.Transfer is { } x13 ? Referral(x13) : null,
            ReExam(s, dossier.ReExam, facility),
            dossier.SickLeave is { } x11 ? SickLeave(x11) : null,
            s.NgayVaoNoiTru?.Value,
            s.ChanDoanVao,
            s.ChanDoanRv,
            s.SoNgayDtri,
            s.MaKhoa);
    }

    /// <summary>The administrative facts the dossier's XML1 states, with <paramref name="dossierId"/> and <paramref name="asOf"/> as provenance.</summary>
    /// <exception cref="ArgumentException">The dossier has no XML1.</exception>
    public static BookAdministrativeUpdate ProjectAdministrative(Dossier dossier, string dossierId, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentException.ThrowIfNullOrEmpty(dossierId);
        var s = RequireSummary(dossier);

        return new BookAdministrativeUpdate(
            dossierId,
            asOf,
            s.HoTen,
            s["NGAY_SINH"] is { Length: > 0 } birth ? birth.Trim() : null,
            s.GioiTinh,
            s.MaDanToc,
            s.MaQuocTich,
            s.MaNgheNghiep,
            s.SoCccd,
            s.DiaChi,
            s.MaTinhCuTru,
            s.MaHuyenCuTru,
            s.MaXaCuTru,
            MultiValue.Split(s.MaDkbd) is { Count: > 0 } registered ? registered[0] : null,
            Cards(s, dossierId, asOf));
    }

    private static TreatmentSummary RequireSummary(Dossier dossier) =>
        dossier.Summary ?? throw new ArgumentException("The dossier has no XML1 (TONG_HOP) table.", nameof(dossier));

    private static string FacilityOf(Dossier dossier, TreatmentSummary s) =>
        s.MaCskcb ?? (dossier.FacilityCode.Length > 0 ? dossier.FacilityCode : string.Empty);

    private static BookDiagnosis Diagnosis(string code, IcdCatalogue? icd) =>
        new(code, icd is not null && icd.TryGetName(code, out var name) && name.Length > 0 ? name : null);

    private static BookLabResult LabResult(ClinicalTestResult r) =>
        new(r.MaDichVu, r.MaChiSo, r.TenChiSo, r.GiaTri, r.DonViDo, r.MoTa, r.KetLuan, r.NgayKq?.Value);

    private static BookDrug Drug(DrugLine d) =>
        new(d.MaThuoc, d.TenThuoc, d.HamLuong, d.DuongDung, d.LieuDung, d.CachDung, d.SoLuong, d.DonViTinh, d.NgayYl?.Value, d.NgayThYl?.Value);

    private static BookService Service(ServiceLine s)
    {
        var supply = s.MaDichVu is null && s.MaVatTu is not null;
        return new BookService(
            supply ? s.MaVatTu : s.MaDichVu,
            supply ? s.TenVatTu : s.TenDichVu ?? s.TenVatTu,
            supply,
            s.SoLuong,
            s.DonViTinh,
            (s.NgayThYl ?? s.NgayYl)?.Value,
            s.NgayKq?.Value,
            s.MaPtttQt);
    }

    private static List<string> Procedures(TreatmentSummary s, IReadOnlyList<ServiceLine> services)
    {
        var codes = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in MultiValue.Split(s.MaPtttQt))
        {
            if (seen.Add(code))
            {
                codes.Add(code);
            }
        }

        foreach (var service in services)
        {
            foreach (var code in MultiValue.Split(service.MaPtttQt))
            {
                if (seen.Add(code))
                {
                    codes.Add(code);
                }
            }
        }

        return codes;
    }

    private static BookRecordSummary RecordSummary(MedicalRecordSummary x8) =>
        new(x8.ChanDoanVao, x8.ChanDoanRv, x8.QtBenhLy, x8.TomTatKq, x8.PpDieuTri, x8.KetQuaDtri, x8.GhiChu, x8.NgayCt?.Value);

    private static BookDischargePaper DischargePaper(DischargeCertificate x7) =>
        new(x7.SoLuuTru, x7.MaKhoaRv, x7.NgayVao?.Value, x7.NgayRa?.Value, x7.ChanDoanRv, x7.PpDieuTri, x7.GhiChu, NonBlank(x7["TEN_BS"]), x7.NgayCt?.Value, x7.SoNgayNghi);

    private static BookReferral Referral(TransferCertificate x13) =>
        new(x13.SoChuyenTuyen, x13.GiayChuyenTuyen, x13.MaCskcb, x13.MaNoiDen, x13.ChanDoanRv, x13.MaBenhChinh, x13.MaLoaiRv, x13.MaLyDoCt, x13.HuongDieuTri);

    private static BookSickLeave SickLeave(SickLeaveCertificate x11) =>
        new(DateOf(x11.TuNgay), DateOf(x11.DenNgay), x11.SoNgayNghi, x11.SoCt, x11.SoSeri, x11.NgayCt?.Value);

    private static BookReExam? ReExam(TreatmentSummary s, ReExamAppointment? x14, string facility)
    {
        var dates = new List<DateTimeOffset>();
        if (x14?.NgayHenKl is { } booked)
        {
            dates.Add(booked.Value);
        }

        foreach (var text in MultiValue.Split(s.NgayTaiKham))
        {
            if (VnDateTime.ParseOrNull(text) is { } d && !dates.Any(x => DateOnly.FromDateTime(x.DateTime) == DateOnly.FromDateTime(d.Value.DateTime)))
            {
                dates.Add(d.Value);
            }
        }

        if (x14 is null && dates.Count == 0)
        {
            return null;
        }

        dates.Sort();
        return x14 is null
            ? new BookReExam(dates, facility, null, null, "XML1")
            : new BookReExam(dates, x14.MaCskcb ?? facility, x14.SoGiayHenKl, x14.ChanDoanRv, "XML14");
    }

    private static List<BookCard> Cards(TreatmentSummary s, string dossierId, DateTimeOffset asOf)
    {
        var numbers = MultiValue.Split(s.MaTheBhyt);
        if (numbers.Count == 0)
        {
            return [];
        }

        var from = MultiValue.Split(s.GtTheTu);
        var to = MultiValue.Split(s.GtTheDen);
        var registered = MultiValue.Split(s.MaDkbd);
        var cards = new List<BookCard>(numbers.Count);
        for (var i = 0; i < numbers.Count; i++)
        {
            cards.Add(new BookCard(
                numbers[i],
                DateOf(VnDateTime.ParseOrNull(At(from, i))),
                DateOf(VnDateTime.ParseOrNull(At(to, i))),
                At(registered, i),
                dossierId,
                asOf));
        }

        return cards;
    }

    private static string? At(IReadOnlyList<string> values, int index) => index < values.Count ? values[index] : null;

    private static DateOnly? DateOf(VnDateTime? value) => value is { } v ? DateOnly.FromDateTime(v.Value.DateTime) : null;

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
