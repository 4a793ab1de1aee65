namespace SoSucKhoe.TestData;

/// <summary>
/// Writes the XML0 check-in document CHI_TIEU_TRANG_THAI_KCB for an episode: one TRANG_THAI_KCB row
/// for the first chargeable item, then an empty CHUKYDONVI that the signer fills.
/// </summary>
internal static class CheckInWriter
{
    public static byte[] Write(Episode e)
    {
        var c = e.Citizen;
        var card = c.Card;
        var firstService = e.Services.Count > 0 ? e.Services[0] : null;
        var firstDrug = e.Drugs.Count > 0 ? e.Drugs[0] : null;
        using var w = new TableWriter(TableLayout.Xml0, 2048, e.CheckInStandard.Fields);
        w.BeginRow();
        w.Field("MA_LK", e.MaLk);
        w.Field("STT", 1);
        w.Field("MA_BN", c.PatientCode);
        w.Field("HO_TEN", c.FullName);
        w.Field("SO_CCCD", c.PersonalId);
        w.Field("NGAY_SINH", c.BirthDate.ToYyyyMmDdHhMm());
        w.Field("GIOI_TINH", (int)c.Sex);
        w.Field("MA_THE_BHYT", card?.Number);
        w.Field("MA_DKBD", card?.RegisteredFacilityCode);
        w.Field("GT_THE_TU", card is null ? null : QdFormat.Date8(e.CardFrom));
        w.Field("GT_THE_DEN", card is null ? null : QdFormat.Date8(e.CardTo));
        w.Field("MA_DOITUONG_KCB", e.BeneficiaryCode);
        w.Field("NGAY_VAO", QdFormat.DateTime12(e.Arrival));
        w.Field("NGAY_VAO_NOI_TRU", e.InpatientAdmission is { } a ? QdFormat.DateTime12(a) : null);
        w.Field("LY_DO_VNT", e.InpatientAdmission is null ? null : $"Điều trị nội trú: {e.MainDiagnosisText.ToLowerInvariant()}");
        w.Field("MA_LY_DO_VNT", null);
        w.Field("MA_LOAI_KCB", e.VisitType);
        w.Field("MA_CSKCB", e.Facility.Code);

        string? serviceCode = null, serviceName = null, drugCode = null, drugName = null, materialCode = null, materialName = null;
        DateTimeOffset ordered;
        if (firstService is not null)
        {
            if (firstService.Item.IsMaterial)
            {
                (materialCode, materialName) = (firstService.Item.Code, firstService.Item.Name);
            }
            else
            {
                (serviceCode, serviceName) = (firstService.Item.Code, firstService.Item.Name);
            }

            ordered = firstService.Cost.Ordered;
        }
        else if (firstDrug is not null)
        {
            (drugCode, drugName) = (firstDrug.Item.Code, firstDrug.Item.Name);
            ordered = firstDrug.Cost.Ordered;
        }
        else
        {
            (serviceCode, serviceName) = (MedicalCatalog.Exam.Code, MedicalCatalog.Exam.Name);
            ordered = e.Arrival;
        }

        w.Field("MA_DICH_VU", serviceCode);
        w.Field("TEN_DICH_VU", serviceName);
        w.Field("MA_THUOC", drugCode);
        w.Field("TEN_THUOC", drugName);
        w.Field("MA_VAT_TU", materialCode);
        w.Field("TEN_VAT_TU", materialName);
        w.Field("NGAY_YL", QdFormat.DateTime12(ordered));
        w.Field("DU_PHONG", null);
        w.EndRow();
        return w.Finish(x => x.WriteElementString("CHUKYDONVI", string.Empty));
    }
}
