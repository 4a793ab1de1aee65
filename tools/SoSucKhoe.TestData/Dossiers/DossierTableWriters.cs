using System.Globalization;
using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.TestData;

/// <summary>Projects an <see cref="Episode"/> into the inner tables, fields in the official skeleton order.</summary>
internal static class DossierTableWriters
{
    public static List<DossierTable> WriteAll(Episode e)
    {
        var tables = new List<DossierTable>(8) { new("XML1", Xml1(e)) };
        if (e.Drugs.Count > 0)
        {
            tables.Add(new("XML2", Xml2(e)));
        }

        if (e.Services.Count > 0)
        {
            tables.Add(new("XML3", Xml3(e)));
        }

        if (e.LabResults.Count > 0)
        {
            tables.Add(new("XML4", Xml4(e)));
        }

        if (e.ProgressNotes.Count > 0)
        {
            tables.Add(new("XML5", Xml5(e)));
        }

        if (VisitTypes.IsInpatientStay(e.VisitType))
        {
            tables.Add(new("XML7", Xml7(e)));
        }

        if (e.IncludeSummary)
        {
            tables.Add(new("XML8", Xml8(e)));
        }

        if (e.SickLeave is not null)
        {
            tables.Add(new("XML11", Xml11(e)));
        }

        if (e.ReferralDestination is not null)
        {
            tables.Add(new("XML13", Xml13(e)));
        }

        if (e.ReExamDate is not null)
        {
            tables.Add(new("XML14", Xml14(e)));
        }

        return tables;
    }

    private static string D12(DateTimeOffset value) => QdFormat.DateTime12(value);

    private static string? D12(DateTimeOffset? value) => value is { } v ? QdFormat.DateTime12(v) : null;

    private static string D8(DateOnly value) => QdFormat.Date8(value);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static bool Knows(Episode e, string table, string field) => e.Standard.Fields.TryGetRule(table, field, out _);

    /// <summary>MA_NGHE_NGHIEP: the 5-digit code of QĐ 34/2020 ("00000" for none); QĐ 3176 keeps its level-2 part ("00").</summary>
    private static string Occupation(Episode e, string table)
    {
        var code = e.Citizen.OccupationCode;
        return e.Standard.Fields.TryGetRule(table, "MA_NGHE_NGHIEP", out var rule) && rule.MaxLength is int max && code.Length > max
            ? code[..max]
            : code;
    }

    private static byte[] Xml1(Episode e)
    {
        var c = e.Citizen;
        var card = c.Card;
        using var w = new TableWriter(TableLayout.Xml1, 4096, e.Standard.Fields);
        w.Field("MA_LK", e.MaLk);
        w.Field("STT", 1);
        w.Field("MA_BN", c.PatientCode);
        w.Field("HO_TEN", c.FullName);
        w.Field("SO_CCCD", c.PersonalId);
        w.Field("NGAY_SINH", c.BirthDate.ToYyyyMmDdHhMm());
        w.Field("GIOI_TINH", (int)c.Sex);
        w.Field("NHOM_MAU", null);
        w.Field("MA_QUOCTICH", c.NationalityCode);
        w.Field("MA_DANTOC", c.EthnicityCode);
        w.Field("MA_NGHE_NGHIEP", Occupation(e, "XML1"));
        w.Field("DIA_CHI", c.Address);
        w.Field("MATINH_CU_TRU", e.Residence.ProvinceCode);
        w.Field("MAHUYEN_CU_TRU", e.Residence.DistrictCode);
        w.Field("MAXA_CU_TRU", e.Residence.CommuneCode);
        w.Field("DIEN_THOAI", c.Phone);
        w.Field("MA_THE_BHYT", card?.Number);
        w.Field("MA_DKBD", card?.RegisteredFacilityCode);
        w.Field("GT_THE_TU", card is null ? null : D8(e.CardFrom));
        w.Field("GT_THE_DEN", card is null ? null : D8(e.CardTo));
        w.Field("NGAY_MIEN_CCT", null);
        w.Field("LY_DO_VV", $"Đến khám vì {e.MainDiagnosisText.ToLowerInvariant()}");
        w.Field("LY_DO_VNT", e.InpatientAdmission is null ? null : $"Điều trị nội trú: {e.MainDiagnosisText.ToLowerInvariant()}");
        w.Field("MA_LY_DO_VNT", null);
        w.Field("CHAN_DOAN_VAO", e.MainDiagnosisText);
        w.Field("CHAN_DOAN_RV", e.DischargeDiagnosisText);
        w.Field("MA_BENH_CHINH", e.MainDiagnosis);
        w.Field("MA_BENH_KT", e.SecondaryDiagnoses.Count == 0 ? null : string.Join(';', e.SecondaryDiagnoses));
        w.Field("MA_BENH_YHCT", null);
        w.Field("MA_PTTT_QT", null);
        w.Field("MA_DOITUONG_KCB", e.BeneficiaryCode);
        w.Field("MA_NOI_DI", null);
        w.Field("MA_NOI_DEN", e.ReferralDestination);
        w.Field("MA_TAI_NAN", null);
        w.Field("NGAY_VAO", D12(e.Arrival));
        w.Field("NGAY_VAO_NOI_TRU", D12(e.InpatientAdmission));
        w.Field("NGAY_RA", D12(e.Discharge));
        w.Field("GIAY_CHUYEN_TUYEN", null);
        w.Field("SO_NGAY_DTRI", e.TreatmentDays);
        w.Field("PP_DIEU_TRI", e.TreatmentMethod);
        w.Field("KET_QUA_DTRI", e.TreatmentResult);
        w.Field("MA_LOAI_RV", e.DischargeType);
        w.Field("GHI_CHU", null);
        w.Field("NGAY_TTOAN", D12(e.Payment));
        w.Field("T_THUOC", e.TotalDrugs);
        w.Field("T_VTYT", e.TotalMaterials);
        w.Field("T_TONGCHI_BV", e.TotalHospital);
        w.Field("T_TONGCHI_BH", e.TotalInsuranceBase);
        w.Field("T_BNTT", e.TotalPatientPays);
        w.Field("T_BNCCT", e.TotalCoPay);
        w.Field("T_BHTT", e.TotalInsurancePays);
        w.Field("T_NGUONKHAC", 0m);
        w.Field("T_BHTT_GDV", e.TotalInsurancePays);
        var settlement = e.SettlementTime.ToOffset(QdFormat.LocalOffset);
        w.Field("NAM_QT", settlement.Year);
        w.Field("THANG_QT", settlement.Month);
        w.Field("MA_LOAI_KCB", e.VisitType);
        w.Field("MA_KHOA", e.Department);
        w.Field("MA_CSKCB", e.Facility.Code);
        w.Field("MA_KHUVUC", null);
        w.Field("CAN_NANG", c.WeightKg);
        w.Field("CAN_NANG_CON", null);
        w.Field("NAM_NAM_LIEN_TUC", null);
        w.Field("NGAY_TAI_KHAM", e.ReExamDate is { } r ? D8(r) : null);
        w.Field("MA_HSBA", e.MedicalRecordNumber);
        w.Field("MA_TTDV", e.Facility.HeadSocialInsuranceCode);
        w.Field("DU_PHONG", null);
        return w.Finish();
    }

    private static void WriteMoney(TableWriter w, CostRow cost)
    {
        w.Field("T_NGUONKHAC_NSNN", 0m);
        w.Field("T_NGUONKHAC_VTNN", 0m);
        w.Field("T_NGUONKHAC_VTTN", 0m);
        w.Field("T_NGUONKHAC_CL", 0m);
        w.Field("T_NGUONKHAC", 0m);
        w.Field("MUC_HUONG", cost.Coverage);
        w.Field("T_BNTT", cost.PatientPays);
        w.Field("T_BNCCT", cost.PatientCoPay);
        w.Field("T_BHTT", cost.InsurancePays);
    }

    private static byte[] Xml2(Episode e)
    {
        using var w = new TableWriter(TableLayout.Xml2, 1024 + e.Drugs.Count * 1100, e.Standard.Fields);
        foreach (var d in e.Drugs)
        {
            var c = d.Cost;
            w.BeginRow();
            w.Field("MA_LK", e.MaLk);
            w.Field("STT", c.Stt);
            w.Field("MA_THUOC", d.Item.Code);
            w.Field("MA_PP_CHEBIEN", null);
            w.Field("MA_CSKCB_THUOC", null);
            w.Field("MA_NHOM", 4);
            w.Field("TEN_THUOC", d.Item.Name);
            w.Field("DON_VI_TINH", d.Item.Unit);
            w.Field("HAM_LUONG", d.Item.Strength);
            w.Field("DUONG_DUNG", d.Item.Route);
            w.Field("DANG_BAO_CHE", d.Item.Form);
            w.Field("LIEU_DUNG", d.Dosage);
            w.Field("CACH_DUNG", "Sau ăn");
            w.Field("SO_DANG_KY", d.RegistrationNumber);
            w.Field("TT_THAU", d.Tender);
            w.Field("PHAM_VI", 1);
            w.Field("TYLE_TT_BH", c.InsuranceRatio);
            w.Field("SO_LUONG", c.Quantity);
            w.Field("DON_GIA", c.UnitPriceHospital);
            w.Field("THANH_TIEN_BV", c.AmountHospital);
            w.Field("THANH_TIEN_BH", c.AmountInsurance);
            WriteMoney(w, c);
            w.Field("MA_KHOA", c.Department);
            w.Field("MA_BAC_SI", c.Doctor);
            w.Field("MA_DICH_VU", null);
            w.Field("NGAY_YL", D12(c.Ordered));
            w.Field("NGAY_TH_YL", D12(c.Performed));
            w.Field("MA_PTTT", 1);
            w.Field("NGUON_CTRA", 1);
            w.Field("VET_THUONG_TP", null);
            w.Field("DU_PHONG", null);
            w.EndRow();
        }

        return w.Finish();
    }

    private static byte[] Xml3(Episode e)
    {
        using var w = new TableWriter(TableLayout.Xml3, 1024 + e.Services.Count * 1300, e.Standard.Fields);
        var diseases = e.AllDiagnosisCodes;
        foreach (var s in e.Services)
        {
            var c = s.Cost;
            var material = s.Item.IsMaterial;
            w.BeginRow();
            w.Field("MA_LK", e.MaLk);
            w.Field("STT", c.Stt);
            w.Field("MA_DICH_VU", material ? null : s.Item.Code);
            w.Field("MA_PTTT_QT", null);
            w.Field("MA_VAT_TU", material ? s.Item.Code : null);
            w.Field("MA_NHOM", s.Item.Group);
            w.Field("GOI_VTYT", null);
            w.Field("TEN_VAT_TU", material ? s.Item.Name : null);
            w.Field("TEN_DICH_VU", material ? null : s.Item.Name);
            w.Field("MA_XANG_DAU", null);
            w.Field("DON_VI_TINH", s.Item.Unit);
            w.Field("PHAM_VI", 1);
            w.Field("SO_LUONG", c.Quantity);
            w.Field("DON_GIA_BV", c.UnitPriceHospital);
            w.Field("DON_GIA_BH", c.UnitPriceInsurance);
            w.Field("TT_THAU", material ? "2024.05;G1;N2;2024" : null);
            w.Field("TYLE_TT_DV", c.ServiceRatio);
            w.Field("TYLE_TT_BH", c.InsuranceRatio);
            w.Field("THANH_TIEN_BV", c.AmountHospital);
            w.Field("THANH_TIEN_BH", c.AmountInsurance);
            w.Field("T_TRANTT", null);
            w.Field("MUC_HUONG", c.Coverage);
            w.Field("T_NGUONKHAC_NSNN", 0m);
            w.Field("T_NGUONKHAC_VTNN", 0m);
            w.Field("T_NGUONKHAC_VTTN", 0m);
            w.Field("T_NGUONKHAC_CL", 0m);
            w.Field("T_NGUONKHAC", 0m);
            w.Field("T_BNTT", c.PatientPays);
            w.Field("T_BNCCT", c.PatientCoPay);
            w.Field("T_BHTT", c.InsurancePays);
            w.Field("MA_KHOA", c.Department);
            w.Field("MA_GIUONG", s.Bed);
            w.Field("MA_BAC_SI", c.Doctor);
            w.Field("NGUOI_THUC_HIEN", s.Performer);
            w.Field("MA_BENH", diseases);
            w.Field("MA_BENH_YHCT", null);
            w.Field("NGAY_YL", D12(c.Ordered));
            w.Field("NGAY_TH_YL", D12(c.Performed));
            w.Field("NGAY_KQ", D12(c.Resulted));
            w.Field("MA_PTTT", 1);
            w.Field("VET_THUONG_TP", null);
            w.Field("PP_VO_CAM", s.Item.Group == 8 ? "1" : null);
            w.Field("VI_TRI_TH_DVKT", null);
            w.Field("MA_MAY", null);
            w.Field("MA_HIEU_SP", null);
            w.Field("TAI_SU_DUNG", null);
            w.Field("DU_PHONG", null);
            w.EndRow();
        }

        return w.Finish();
    }

    private static byte[] Xml4(Episode e)
    {
        using var w = new TableWriter(TableLayout.Xml4, 512 + e.LabResults.Count * 500, e.Standard.Fields);
        foreach (var r in e.LabResults)
        {
            w.BeginRow();
            w.Field("MA_LK", e.MaLk);
            w.Field("STT", r.Stt);
            w.Field("MA_DICH_VU", r.Service.Item.Code);
            w.Field("MA_CHI_SO", r.Index.Code);
            w.Field("TEN_CHI_SO", r.Index.Name);
            w.Field("GIA_TRI", r.Value);
            w.Field("DON_VI_DO", r.Index.Unit);
            w.Field("MO_TA", null);
            w.Field("KET_LUAN", r.Conclusion);
            w.Field("NGAY_KQ", D12(r.Service.Cost.Resulted ?? r.Service.Cost.Ordered));
            w.Field("MA_BS_DOC_KQ", r.Service.Performer);
            w.Field("DU_PHONG", null);
            w.EndRow();
        }

        return w.Finish();
    }

    private static byte[] Xml5(Episode e)
    {
        using var w = new TableWriter(TableLayout.Xml5, 512 + e.ProgressNotes.Count * 400, e.Standard.Fields);
        foreach (var n in e.ProgressNotes)
        {
            w.BeginRow();
            w.Field("MA_LK", e.MaLk);
            w.Field("STT", n.Stt);
            w.Field("DIEN_BIEN_LS", n.Text);
            w.Field("GIAI_DOAN_BENH", null);
            w.Field("HOI_CHAN", null);
            w.Field("PHAU_THUAT", null);
            w.Field("THOI_DIEM_DBLS", D12(n.At));
            w.Field("NGUOI_THUC_HIEN", n.Doctor);
            w.Field("DU_PHONG", null);
            w.EndRow();
        }

        return w.Finish();
    }

    private static byte[] Xml7(Episode e)
    {
        using var w = new TableWriter(TableLayout.Xml7, 2048, e.Standard.Fields);
        w.Field("MA_LK", e.MaLk);
        w.Field("SO_LUU_TRU", string.Create(CultureInfo.InvariantCulture, $"LT{e.Sequence:D8}"));
        w.Field("MA_YTE", e.Citizen.PatientCode);
        w.Field("MA_KHOA_RV", e.Department);
        w.Field("NGAY_VAO", D12(e.Arrival));
        w.Field("NGAY_RA", D12(e.Discharge));
        w.Field("MA_DINH_CHI_THAI", null);
        w.Field("NGUYENNHAN_DINHCHI", null);
        w.Field("THOIGIAN_DINHCHI", null);
        w.Field("TUOI_THAI", null);
        w.Field("CHAN_DOAN_RV", Truncate(e.DischargeDiagnosisText, 1500));
        w.Field("PP_DIEUTRI", e.TreatmentMethod);
        w.Field("GHI_CHU", null);
        w.Field("MA_TTDV", e.Facility.HeadSocialInsuranceCode);
        w.Field("MA_BS", e.DoctorCode);
        w.Field("TEN_BS", e.DoctorName);
        w.Field("NGAY_CT", D8(QdFormat.LocalDate(e.Discharge)));
        w.Field("MA_CHA", null);
        w.Field("MA_ME", null);
        w.Field("MA_THE_TAM", null);
        w.Field("HO_TEN_CHA", null);
        w.Field("HO_TEN_ME", null);
        w.Field("SO_NGAY_NGHI", null);
        w.Field("NGOAITRU_TUNGAY", null);
        w.Field("NGOAITRU_DENNGAY", null);
        w.Field("DU_PHONG", null);
        return w.Finish();
    }

    private static byte[] Xml8(Episode e)
    {
        using var w = new TableWriter(TableLayout.Xml8, 2048, e.Standard.Fields);
        w.Field("MA_LK", e.MaLk);
        w.Field("MA_LOAI_KCB", e.VisitType);
        w.Field("HO_TEN_CHA", null);
        w.Field("HO_TEN_ME", null);
        w.Field("NGUOI_GIAM_HO", null);
        w.Field("DON_VI", null);
        w.Field("NGAY_VAO", D12(e.Arrival));
        w.Field("NGAY_RA", D12(e.Discharge));
        w.Field("CHAN_DOAN_VAO", e.MainDiagnosisText);
        w.Field("CHAN_DOAN_RV", e.DischargeDiagnosisText);
        w.Field("QT_BENHLY", $"Khởi phát với biểu hiện {e.MainDiagnosisText.ToLowerInvariant()}, vào viện khám và điều trị");
        w.Field("TOMTAT_KQ", e.LabResults.Count > 0 ? "Cận lâm sàng: xem kết quả xét nghiệm kèm theo" : "Không có bất thường cận lâm sàng đáng kể");
        w.Field("PP_DIEUTRI", e.TreatmentMethod);
        w.Field("NGAY_SINHCON", null);
        w.Field("NGAY_CONCHET", null);
        w.Field("SO_CONCHET", null);
        w.Field("KET_QUA_DTRI", e.TreatmentResult);
        w.Field("GHI_CHU", null);
        w.Field("MA_TTDV", e.Facility.HeadSocialInsuranceCode);
        w.Field("NGAY_CT", D8(QdFormat.LocalDate(e.Discharge)));
        w.Field("MA_THE_TAM", null);
        w.Field("DU_PHONG", null);
        return w.Finish();
    }

    private static byte[] Xml11(Episode e)
    {
        var leave = e.SickLeave!;
        using var w = new TableWriter(TableLayout.Xml11, 2048, e.Standard.Fields);
        w.Field("MA_LK", e.MaLk);
        w.Field("SO_CT", string.Create(CultureInfo.InvariantCulture, $"{e.Sequence:D7}"));
        w.Field("SO_SERI", string.Create(CultureInfo.InvariantCulture, $"{e.Facility.Code}{e.Sequence % 100_000:D5}"));
        w.Field("SO_KCB", e.MedicalRecordNumber);
        w.Field("DON_VI", leave.Employer);
        w.Field("MA_BHXH", leave.SocialInsuranceNumber);
        w.Field("MA_THE_BHYT", e.Citizen.Card?.Number);
        w.Field("CHAN_DOAN_RV", e.DischargeDiagnosisText);
        w.Field("PP_DIEUTRI", e.TreatmentMethod);
        w.Field("MA_DINH_CHI_THAI", null);
        w.Field("NGUYENNHAN_DINHCHI", null);
        w.Field("TUOI_THAI", null);
        w.Field("SO_NGAY_NGHI", leave.Days);
        w.Field("TU_NGAY", D8(leave.From));
        w.Field("DEN_NGAY", D8(leave.To));
        w.Field("HO_TEN_CHA", null);
        w.Field("HO_TEN_ME", null);
        w.Field("MA_TTDV", e.Facility.HeadSocialInsuranceCode);
        w.Field("MA_BS", e.DoctorCode);
        w.Field("NGAY_CT", D8(QdFormat.LocalDate(e.Discharge)));
        w.Field("MA_THE_TAM", null);
        w.Field("MAU_SO", "CT07");
        w.Field("DU_PHONG", null);
        return w.Finish();
    }

    private static byte[] Xml13(Episode e)
    {
        var c = e.Citizen;
        using var w = new TableWriter(TableLayout.Xml13, 4096, e.Standard.Fields);
        w.Field("MA_LK", e.MaLk);
        w.Field("SO_HOSO", e.MedicalRecordNumber);
        w.Field("SO_CHUYENTUYEN", string.Create(CultureInfo.InvariantCulture, $"CT{e.Sequence:D8}"));
        w.Field("GIAY_CHUYEN_TUYEN", string.Create(CultureInfo.InvariantCulture, $"{e.Facility.Code}/CT{e.Sequence:D8}"));
        w.Field("MA_CSKCB", e.Facility.Code);
        w.Field("MA_NOI_DI", null);
        w.Field("MA_NOI_DEN", e.ReferralDestination);
        w.Field("HO_TEN", c.FullName);
        w.Field("NGAY_SINH", c.BirthDate.ToYyyyMmDdHhMm());
        w.Field("GIOI_TINH", (int)c.Sex);
        w.Field("MA_QUOCTICH", c.NationalityCode);
        w.Field("MA_DANTOC", c.EthnicityCode);
        w.Field("MA_NGHE_NGHIEP", Occupation(e, "XML13"));
        w.Field("DIA_CHI", c.Address);
        w.Field("MA_THE_BHYT", c.Card?.Number);
        w.Field("GT_THE_DEN", c.Card is null ? null : D8(e.CardTo));
        w.Field("NGAY_VAO", D12(e.Arrival));
        w.Field("NGAY_VAO_NOI_TRU", D12(e.InpatientAdmission));
        w.Field("NGAY_RA", D12(e.Discharge));
        w.Field("DAU_HIEU_LS", $"Biểu hiện lâm sàng của {e.MainDiagnosisText.ToLowerInvariant()}");
        w.Field("CHAN_DOAN_RV", Truncate(e.DischargeDiagnosisText, 4000));
        w.Field("QT_BENHLY", $"Điều trị {e.MainDiagnosisText.ToLowerInvariant()} chưa đáp ứng, cần chuyển tuyến");
        w.Field("TOMTAT_KQ", "Xem kết quả cận lâm sàng kèm theo");
        w.Field("PP_DIEUTRI", e.TreatmentMethod);
        w.Field("MA_BENH_CHINH", e.MainDiagnosis);
        w.Field("MA_BENH_KT", e.SecondaryDiagnoses.Count == 0 ? null : string.Join(';', e.SecondaryDiagnoses));
        w.Field("MA_BENH_YHCT", null);
        w.Field("TEN_DICH_VU", e.Services.Count == 0
            ? "Khám bệnh"
            : Truncate(string.Join("; ", e.Services.Select(s => s.Item.Name).Distinct(StringComparer.Ordinal)), 1024));
        w.Field("TEN_THUOC", e.Drugs.Count == 0
            ? null
            : Truncate(string.Join("; ", e.Drugs.Select(d => d.Item.Name).Distinct(StringComparer.Ordinal)), 1024));
        // QĐ 3176 renamed PP_DIEU_TRI to TINH_TRANG_CT, the patient's condition at the transfer.
        w.Field("PP_DIEU_TRI", Knows(e, "XML13", "TINH_TRANG_CT") ? "Tình trạng khi chuyển: tỉnh, sinh hiệu ổn định" : e.TreatmentMethod);
        w.Field("MA_LOAI_RV", e.DischargeType);
        w.Field("MA_LYDO_CT", e.DischargeType == 5 ? 3 : 1);
        w.Field("HUONG_DIEU_TRI", "Tiếp tục điều trị tại tuyến trên");
        w.Field("PHUONGTIEN_VC", "Xe cứu thương");
        w.Field("HOTEN_NGUOI_HT", null);
        w.Field("CHUCDANH_NGUOI_HT", null);
        w.Field("MA_BAC_SI", e.DoctorCode);
        w.Field("MA_TTDV", e.Facility.HeadSocialInsuranceCode);
        w.Field("DU_PHONG", null);
        return w.Finish();
    }

    private static byte[] Xml14(Episode e)
    {
        var c = e.Citizen;
        using var w = new TableWriter(TableLayout.Xml14, 2048, e.Standard.Fields);
        w.Field("MA_LK", e.MaLk);
        w.Field("SO_GIAYHEN_KL", string.Create(CultureInfo.InvariantCulture, $"GH{e.Sequence:D8}"));
        w.Field("MA_CSKCB", e.Facility.Code);
        w.Field("HO_TEN", c.FullName);
        w.Field("NGAY_SINH", c.BirthDate.ToYyyyMmDdHhMm());
        w.Field("GIOI_TINH", (int)c.Sex);
        w.Field("DIA_CHI", c.Address);
        w.Field("MA_THE_BHYT", c.Card?.Number);
        w.Field("GT_THE_DEN", c.Card is null ? null : D8(e.CardTo));
        w.Field("NGAY_VAO", D12(e.Arrival));
        w.Field("NGAY_VAO_NOI_TRU", D12(e.InpatientAdmission));
        w.Field("NGAY_RA", D12(e.Discharge));
        // QĐ 3176: NGAY_HEN_KL is a day (8 characters), no longer a time (12).
        w.Field("NGAY_HEN_KL", e.Standard.Fields.TryGetRule("XML14", "NGAY_HEN_KL", out var appointment) && appointment.DateFormats == VnDateFormats.Date8
            ? D8(e.ReExamDate!.Value)
            : D8(e.ReExamDate!.Value) + "0730");
        w.Field("CHAN_DOAN_RV", Truncate(e.DischargeDiagnosisText, 4000));
        w.Field("MA_BENH_CHINH", e.MainDiagnosis);
        w.Field("MA_BENH_KT", e.SecondaryDiagnoses.Count == 0 ? null : string.Join(';', e.SecondaryDiagnoses));
        w.Field("MA_BENH_YHCT", null);
        w.Field("MA_DOITUONG_KCB", e.BeneficiaryCode);
        w.Field("MA_BAC_SI", e.DoctorCode);
        w.Field("MA_TTDV", e.Facility.HeadSocialInsuranceCode);
        w.Field("NGAY_CT", D8(QdFormat.LocalDate(e.Discharge)));
        w.Field("DU_PHONG", null);
        return w.Finish();
    }
}
