using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Dossiers.Internal;
using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Validation;

/// <summary>
/// Validates dossiers and check-in documents against the field catalogue and the rules of QĐ 130/4750, collecting every
/// violation (up to <see cref="DossierValidationOptions.MaxViolations"/>) instead of stopping at the first.
/// The result starts with the reader's violations, so it is the complete list for the document.
/// Create once and share: the validator is immutable and thread-safe.
/// </summary>
public sealed class DossierValidator
{
    private static readonly (string Earlier, string Later)[] DateOrder =
    [
        ("NGAY_VAO", "NGAY_RA"),
        ("NGAY_VAO", "NGAY_VAO_NOI_TRU"),
        ("NGAY_VAO_NOI_TRU", "NGAY_RA"),
        ("TU_NGAY", "DEN_NGAY"),
        ("NGOAITRU_TUNGAY", "NGOAITRU_DENNGAY"),
    ];

    private readonly DossierValidationOptions _options;
    private readonly FieldRuleCatalogue _fields;
    private readonly IcdCatalogue? _icd;
    private readonly IcdSexRestrictions? _sexRestrictions;
    private readonly Dictionary<string, ConditionalRequirement[]> _conditions;
    private readonly HashSet<string> _visitTypes;
    private readonly HashSet<string> _results;
    private readonly HashSet<string> _dischargeTypes;
    private readonly HashSet<string> _sexCodes;
    private readonly HashSet<string> _inpatient;
    private readonly HashSet<string> _dischargeCertificateExits;
    private readonly HashSet<string> _deathResults;
    private readonly HashSet<string> _transferExits;
    private readonly string _transferExitText;

    public DossierValidator(DossierValidationOptions options, FieldRuleCatalogue fields, IcdCatalogue? icd = null, IcdSexRestrictions? sexRestrictions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fields);
        _options = options;
        _fields = fields;
        _icd = icd;
        _sexRestrictions = sexRestrictions;
        _conditions = ConditionalRequirement.All.GroupBy(c => c.Table).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _visitTypes = new HashSet<string>(options.VisitTypeCodes, StringComparer.Ordinal);
        _results = new HashSet<string>(options.TreatmentResultCodes, StringComparer.Ordinal);
        _dischargeTypes = new HashSet<string>(options.DischargeTypeCodes, StringComparer.Ordinal);
        _sexCodes = new HashSet<string>(options.SexCodes, StringComparer.Ordinal);
        _inpatient = new HashSet<string>(options.InpatientVisitTypes, StringComparer.Ordinal);
        _dischargeCertificateExits = new HashSet<string>(options.DischargeCertificateExitTypes, StringComparer.Ordinal);
        _deathResults = new HashSet<string>(options.DeathResultCodes, StringComparer.Ordinal);
        _transferExits = new HashSet<string>(options.TransferExitTypes, StringComparer.Ordinal);
        _transferExitText = string.Join(" or ", options.TransferExitTypes);
    }

    /// <summary>Every violation of a dossier (read violations first). <paramref name="now"/> bounds NGAY_VAO and NGAY_SINH.</summary>
    public IReadOnlyList<Violation> Validate(Dossier dossier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var v = new ViolationCollector(_options.MaxViolations);
        v.AddRange(dossier.ReadViolations);

        ValidateEnvelope(dossier, v);
        foreach (var table in dossier.Tables)
        {
            foreach (var row in table.Rows)
            {
                if (v.IsFull)
                {
                    return v.ToList();
                }

                ValidateRow(row, now, v);
            }
        }

        ValidateCrossTable(dossier, v);
        ValidatePresence(dossier, v);
        return v.ToList();
    }

    /// <summary>
    /// Every violation of a check-in document (read violations first). When <paramref name="expectedFacilityCode"/> is given
    /// (the maCSKCB of the request), each row's MA_CSKCB must equal it.
    /// </summary>
    public IReadOnlyList<Violation> Validate(CheckInDocument checkIn, DateTimeOffset now, string? expectedFacilityCode = null)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var v = new ViolationCollector(_options.MaxViolations);
        v.AddRange(checkIn.ReadViolations);
        foreach (var row in checkIn.Table.Rows)
        {
            if (v.IsFull)
            {
                break;
            }

            ValidateRow(row, now, v);
            var facility = row["MA_CSKCB"];
            if (!string.IsNullOrWhiteSpace(facility))
            {
                if (!FacilityCode.TryParse(facility, out _, out var reason))
                {
                    v.Add(TableCodes.Xml0, row.PathOf("MA_CSKCB"), ViolationRules.FacilityCodeStructure, $"{row.PathOf("MA_CSKCB")}: {reason}");
                }
                else if (!string.IsNullOrWhiteSpace(expectedFacilityCode) && facility.Trim() != expectedFacilityCode.Trim())
                {
                    v.Add(TableCodes.Xml0, row.PathOf("MA_CSKCB"), ViolationRules.FacilityMismatch,
                        $"{row.PathOf("MA_CSKCB")} differs from the facility code of the request.");
                }
            }
        }

        return v.ToList();
    }

    private static void ValidateEnvelope(Dossier dossier, ViolationCollector v)
    {
        if (string.IsNullOrWhiteSpace(dossier.FacilityCode))
        {
            v.Add(TableCodes.Envelope, "MACSKCB", ViolationRules.Required, "Envelope: THONGTINDONVI/MACSKCB is required.");
        }
        else if (!FacilityCode.TryParse(dossier.FacilityCode, out _, out var reason))
        {
            v.Add(TableCodes.Envelope, "MACSKCB", ViolationRules.FacilityCodeStructure, "Envelope: MACSKCB is invalid. " + reason);
        }

        if (string.IsNullOrWhiteSpace(dossier.NgayLap))
        {
            v.Add(TableCodes.Envelope, "NGAYLAP", ViolationRules.Required, "Envelope: THONGTINHOSO/NGAYLAP is required.");
        }
        else if (!VnDateTime.TryParse(dossier.NgayLap, VnDateFormats.Date8, out _, out var reason))
        {
            v.Add(TableCodes.Envelope, "NGAYLAP", ViolationRules.DateFormat, $"Envelope: NGAYLAP {reason}.");
        }

        if (string.IsNullOrWhiteSpace(dossier.SoLuongHoSo))
        {
            v.Add(TableCodes.Envelope, "SOLUONGHOSO", ViolationRules.Required, "Envelope: THONGTINHOSO/SOLUONGHOSO is required.");
        }
        else if (!IsNumber(dossier.SoLuongHoSo, allowSignAndDecimals: false))
        {
            v.Add(TableCodes.Envelope, "SOLUONGHOSO", ViolationRules.NumberFormat, "Envelope: SOLUONGHOSO must be a whole number.");
        }
    }

    private void ValidateRow(TableRow row, DateTimeOffset now, ViolationCollector v)
    {
        var table = row.Table;
        var rules = _fields.GetTableRules(table);
        for (var i = 0; i < rules.Count; i++)
        {
            CheckField(rules[i], row, v);
        }

        if (_options.ReportUnknownFields)
        {
            foreach (var name in row.Fields.Keys)
            {
                if (!_fields.TryGetRule(table, name, out _))
                {
                    v.Add(table, row.PathOf(name), ViolationRules.UnknownField, $"{table}: {row.PathOf(name)} is not a field of this table.");
                }
            }
        }

        if (_conditions.TryGetValue(table, out var conditions))
        {
            foreach (var c in conditions)
            {
                if (!row.HasValue(c.Field) && c.Applies(row))
                {
                    v.Add(table, row.PathOf(c.Field), ViolationRules.Required, $"{table}: {row.PathOf(c.Field)} is required {c.Condition}.");
                }
            }
        }

        CheckCodes(row, v);
        CheckDates(row, now, v);
        CheckIdentity(row, v);
        CheckDiagnoses(row, v);
    }

    private static void CheckField(FieldRule rule, TableRow row, ViolationCollector v)
    {
        var value = row[rule.Field];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (rule.Required)
            {
                v.Add(row.Table, row.PathOf(rule.Field), ViolationRules.Required, $"{row.Table}: {row.PathOf(rule.Field)} is required.");
            }

            return;
        }

        // A single date's format fixes its length, so only the date rule reports it.
        if (rule.MaxLength is int max && value.Length > max && !(rule.IsDate && !rule.MultipleDates))
        {
            v.Add(row.Table, row.PathOf(rule.Field), ViolationRules.MaxLength,
                $"{row.Table}: {row.PathOf(rule.Field)} has {value.Length} characters; at most {max} are allowed.");
        }

        if (rule.IsDate)
        {
            if (!CheckDateValue(rule, value, out var reason))
            {
                v.Add(row.Table, row.PathOf(rule.Field), ViolationRules.DateFormat, $"{row.Table}: {row.PathOf(rule.Field)} {reason}.");
            }
        }
        else if (rule.Type == FieldType.Number && !IsNumber(value, allowSignAndDecimals: true))
        {
            v.Add(row.Table, row.PathOf(rule.Field), ViolationRules.NumberFormat,
                $"{row.Table}: {row.PathOf(rule.Field)} must be a number (digits, optionally a leading '-' and a '.' decimal point).");
        }
    }

    private static bool CheckDateValue(FieldRule rule, string value, out string? reason)
    {
        var span = value.AsSpan();
        if (!rule.MultipleDates)
        {
            return rule.IsBirthDate
                ? VnDateTime.TryParseBirthDate(span, rule.DateFormats, out _, out reason)
                : VnDateTime.TryParse(span, rule.DateFormats, out _, out reason);
        }

        foreach (var range in span.Split(MultiValue.Separator))
        {
            var part = span[range].Trim();
            if (part.IsEmpty)
            {
                reason = "has an empty value between ';' separators";
                return false;
            }

            var ok = rule.IsBirthDate
                ? VnDateTime.TryParseBirthDate(part, rule.DateFormats, out _, out reason)
                : VnDateTime.TryParse(part, rule.DateFormats, out _, out reason);
            if (!ok)
            {
                reason = "has a value that " + reason;
                return false;
            }
        }

        reason = null;
        return true;
    }

    internal static bool IsNumber(ReadOnlySpan<char> value, bool allowSignAndDecimals)
    {
        value = value.Trim();
        if (allowSignAndDecimals && value.Length > 0 && value[0] == '-')
        {
            value = value[1..];
        }

        if (value.IsEmpty)
        {
            return false;
        }

        var digitsBefore = 0;
        var i = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
            digitsBefore++;
        }

        if (i == value.Length)
        {
            return digitsBefore > 0;
        }

        if (!allowSignAndDecimals || value[i] != '.' || digitsBefore == 0)
        {
            return false;
        }

        i++;
        var digitsAfter = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
            digitsAfter++;
        }

        return i == value.Length && digitsAfter > 0;
    }

    private void CheckCodes(TableRow row, ViolationCollector v)
    {
        switch (row.Table)
        {
            case TableCodes.Xml0:
                CheckCode(row, "MA_LOAI_KCB", _visitTypes, v);
                CheckCode(row, "GIOI_TINH", _sexCodes, v);
                break;
            case TableCodes.Xml1:
                CheckCode(row, "MA_LOAI_KCB", _visitTypes, v);
                CheckCode(row, "KET_QUA_DTRI", _results, v);
                CheckCode(row, "MA_LOAI_RV", _dischargeTypes, v);
                CheckCode(row, "GIOI_TINH", _sexCodes, v);
                break;
            case TableCodes.Xml8:
                CheckCode(row, "KET_QUA_DTRI", _results, v);
                break;
            case TableCodes.Xml13:
                CheckCode(row, "MA_LOAI_RV", _dischargeTypes, v);
                CheckCode(row, "GIOI_TINH", _sexCodes, v);
                break;
            case TableCodes.Xml6:
            case TableCodes.Xml14:
                CheckCode(row, "GIOI_TINH", _sexCodes, v);
                break;
        }
    }

    private static void CheckCode(TableRow row, string field, HashSet<string> allowed, ViolationCollector v)
    {
        var value = row[field];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var code = value.Trim();
        if (!allowed.Contains(code))
        {
            var shown = code.Length <= 4 ? $"'{code}'" : "the value";
            v.Add(row.Table, row.PathOf(field), ViolationRules.CodeList,
                $"{row.Table}: {row.PathOf(field)} {shown} is not in the code list ({string.Join(", ", allowed)}).");
        }
    }

    private void CheckDates(TableRow row, DateTimeOffset now, ViolationCollector v)
    {
        foreach (var (earlierField, laterField) in DateOrder)
        {
            var earlier = VnDateTime.ParseOrNull(row[earlierField]);
            var later = VnDateTime.ParseOrNull(row[laterField]);
            if (earlier is { } e && later is { } l && l.Value < e.Value)
            {
                v.Add(row.Table, row.PathOf(laterField), ViolationRules.DateOrder,
                    $"{row.Table}: {row.PathOf(laterField)} is earlier than {earlierField}.");
            }
        }

        var limit = now + _options.ClockSkewTolerance;
        var birth = VnDateTime.ParseBirthDateOrNull(row["NGAY_SINH"]);
        if (birth is { } b)
        {
            if (b.Value > limit)
            {
                v.Add(row.Table, row.PathOf("NGAY_SINH"), ViolationRules.FutureDate, $"{row.Table}: {row.PathOf("NGAY_SINH")} is in the future.");
            }
            else if (VnDateTime.ParseOrNull(row["NGAY_VAO"]) is { } admitted && b.Value > admitted.Value)
            {
                v.Add(row.Table, row.PathOf("NGAY_SINH"), ViolationRules.DateOrder, $"{row.Table}: {row.PathOf("NGAY_SINH")} is later than NGAY_VAO.");
            }
        }

        if (row.Table is TableCodes.Xml0 or TableCodes.Xml1 && VnDateTime.ParseOrNull(row["NGAY_VAO"]) is { } vao && vao.Value > limit)
        {
            v.Add(row.Table, row.PathOf("NGAY_VAO"), ViolationRules.FutureDate,
                $"{row.Table}: {row.PathOf("NGAY_VAO")} is in the future (beyond a tolerance of {_options.ClockSkewTolerance.TotalMinutes:0} minutes).");
        }
    }

    private static void CheckIdentity(TableRow row, ViolationCollector v)
    {
        var idText = row["SO_CCCD"];
        if (!string.IsNullOrWhiteSpace(idText))
        {
            if (!IdentityDocumentNumber.TryParse(idText, out var document, out var reason))
            {
                v.Add(row.Table, row.PathOf("SO_CCCD"), ViolationRules.PersonalIdStructure, $"{row.Table}: {row.PathOf("SO_CCCD")} is invalid. {reason}");
            }
            else if (document.PersonalId is { } id)
            {
                if (VnDateTime.ParseBirthDateOrNull(row["NGAY_SINH"]) is { } birth && birth.Year != id.BirthYear)
                {
                    v.Add(row.Table, row.PathOf("SO_CCCD"), ViolationRules.PersonalIdBirthMismatch,
                        $"{row.Table}: the birth year and century encoded in {row.PathOf("SO_CCCD")} do not match NGAY_SINH.");
                }

                var sex = row["GIOI_TINH"]?.Trim();
                if ((sex == "1" && id.Sex != Sex.Male) || (sex == "2" && id.Sex != Sex.Female))
                {
                    v.Add(row.Table, row.PathOf("SO_CCCD"), ViolationRules.PersonalIdSexMismatch,
                        $"{row.Table}: the sex encoded in {row.PathOf("SO_CCCD")} does not match GIOI_TINH.");
                }
            }
        }

        var cards = row["MA_THE_BHYT"];
        if (!string.IsNullOrWhiteSpace(cards))
        {
            var span = cards.AsSpan();
            var position = 0;
            foreach (var range in span.Split(MultiValue.Separator))
            {
                position++;
                var part = span[range].Trim();
                if (!InsuranceCardNumber.TryParse(part.ToString(), out _, out var reason))
                {
                    var which = position == 1 && span.IndexOf(MultiValue.Separator) < 0 ? string.Empty : $" (value {position})";
                    v.Add(row.Table, row.PathOf("MA_THE_BHYT"), ViolationRules.CardStructure,
                        $"{row.Table}: {row.PathOf("MA_THE_BHYT")}{which} is invalid. {reason}");
                }
            }
        }

        if (row.Table is TableCodes.Xml0 or TableCodes.Xml1)
        {
            var dkbd = row["MA_DKBD"];
            if (!string.IsNullOrWhiteSpace(dkbd))
            {
                foreach (var code in MultiValue.Split(dkbd))
                {
                    if (!FacilityCode.TryParse(code, out _, out var reason))
                    {
                        v.Add(row.Table, row.PathOf("MA_DKBD"), ViolationRules.FacilityCodeStructure, $"{row.Table}: {row.PathOf("MA_DKBD")} is invalid. {reason}");
                        break;
                    }
                }
            }
        }
    }

    private void CheckDiagnoses(TableRow row, ViolationCollector v)
    {
        if (row.Table is not (TableCodes.Xml1 or TableCodes.Xml13 or TableCodes.Xml14))
        {
            return;
        }

        var sex = row["GIOI_TINH"]?.Trim();
        var main = row["MA_BENH_CHINH"];
        if (!string.IsNullOrWhiteSpace(main))
        {
            if (main.Contains(MultiValue.Separator))
            {
                v.Add(row.Table, row.PathOf("MA_BENH_CHINH"), ViolationRules.MaxItems, $"{row.Table}: {row.PathOf("MA_BENH_CHINH")} must hold exactly one code.");
            }

            var mainCodes = MultiValue.Split(main);
            for (var i = 0; i < mainCodes.Count; i++)
            {
                CheckDiagnosis(row, "MA_BENH_CHINH", mainCodes[i], i + 1, mainCodes.Count, sex, v);
            }
        }

        var secondary = row["MA_BENH_KT"];
        if (!string.IsNullOrWhiteSpace(secondary))
        {
            var codes = MultiValue.Split(secondary);
            if (codes.Count > _options.MaxSecondaryDiagnoses)
            {
                v.Add(row.Table, row.PathOf("MA_BENH_KT"), ViolationRules.MaxItems,
                    $"{row.Table}: {row.PathOf("MA_BENH_KT")} holds {codes.Count} codes; at most {_options.MaxSecondaryDiagnoses} are allowed.");
            }

            for (var i = 0; i < codes.Count; i++)
            {
                CheckDiagnosis(row, "MA_BENH_KT", codes[i], i + 1, codes.Count, sex, v);
            }
        }
    }

    /// <remarks>Messages name the position of the code, never the code itself: a diagnosis is health data.</remarks>
    private void CheckDiagnosis(TableRow row, string field, string code, int position, int count, string? sex, ViolationCollector v)
    {
        var which = count == 1 ? $"{row.PathOf(field)}" : $"{row.PathOf(field)} (code {position} of {count})";
        if (_icd is not null && !_icd.Contains(code))
        {
            v.Add(row.Table, row.PathOf(field), ViolationRules.Icd10Unknown, $"{row.Table}: {which} is not in the ICD-10 catalogue.");
            return;
        }

        if (_sexRestrictions is null)
        {
            return;
        }

        if (sex == "1" && _sexRestrictions.IsFemaleOnly(code))
        {
            v.Add(row.Table, row.PathOf(field), ViolationRules.Icd10SexMismatch,
                $"{row.Table}: {which} is a female-only diagnosis, but GIOI_TINH is male.");
        }
        else if (sex == "2" && _sexRestrictions.IsMaleOnly(code))
        {
            v.Add(row.Table, row.PathOf(field), ViolationRules.Icd10SexMismatch,
                $"{row.Table}: {which} is a male-only diagnosis, but GIOI_TINH is female.");
        }
    }

    private static void ValidateCrossTable(Dossier dossier, ViolationCollector v)
    {
        var maLk = dossier.MaLk?.Trim();
        var facility = dossier.FacilityCode.Trim();
        foreach (var table in dossier.Tables)
        {
            foreach (var row in table.Rows)
            {
                if (v.IsFull)
                {
                    return;
                }

                if (!string.IsNullOrEmpty(maLk) && table.Code != TableCodes.Xml1)
                {
                    var value = row["MA_LK"];
                    if (!string.IsNullOrWhiteSpace(value) && value.Trim() != maLk)
                    {
                        v.Add(table.Code, row.PathOf("MA_LK"), ViolationRules.MaLkMismatch,
                            $"{table.Code}: {row.PathOf("MA_LK")} differs from the MA_LK of XML1; a dossier holds one episode.");
                    }
                }

                if (facility.Length > 0)
                {
                    var value = row["MA_CSKCB"];
                    if (!string.IsNullOrWhiteSpace(value) && value.Trim() != facility)
                    {
                        v.Add(table.Code, row.PathOf("MA_CSKCB"), ViolationRules.FacilityMismatch,
                            $"{table.Code}: {row.PathOf("MA_CSKCB")} differs from the envelope's MACSKCB.");
                    }
                }
            }
        }
    }

    private void ValidatePresence(Dossier dossier, ViolationCollector v)
    {
        var summary = dossier.Summary;
        if (summary is null)
        {
            return;
        }

        var visitType = summary.MaLoaiKcb?.Trim();
        var inpatient = visitType is not null && _inpatient.Contains(visitType);
        var exit = summary.MaLoaiRv?.Trim();
        var result = summary.KetQuaDtri?.Trim();

        if ((inpatient || _options.RequireRecordSummaryForEveryVisit) && !dossier.HasFile(TableCodes.Xml8))
        {
            v.Add(TableCodes.Xml8, "LOAIHOSO", ViolationRules.TablePresence,
                inpatient
                    ? $"XML8 (medical record summary) is required when MA_LOAI_KCB is {visitType}."
                    : "XML8 (medical record summary) is required for every visit in this province.");
        }

        if (_options.RequireDischargeCertificateForInpatient && inpatient
            && exit is not null && _dischargeCertificateExits.Contains(exit)
            && (result is null || !_deathResults.Contains(result))
            && !dossier.HasFile(TableCodes.Xml7))
        {
            v.Add(TableCodes.Xml7, "LOAIHOSO", ViolationRules.TablePresence,
                $"XML7 (discharge certificate) is required for an inpatient discharge (MA_LOAI_KCB {visitType}, MA_LOAI_RV {exit}).");
        }

        var transfer = exit is not null && _transferExits.Contains(exit);
        if (dossier.HasFile(TableCodes.Xml13) && !transfer)
        {
            v.Add(TableCodes.Xml13, "LOAIHOSO", ViolationRules.TablePresence,
                $"XML13 (transfer certificate) is only sent when MA_LOAI_RV is {_transferExitText}.");
        }
        else if (transfer && _options.RequireTransferCertificateOnTransfer && !dossier.HasFile(TableCodes.Xml13))
        {
            v.Add(TableCodes.Xml13, "LOAIHOSO", ViolationRules.TablePresence, $"XML13 (transfer certificate) is required when MA_LOAI_RV is {exit}.");
        }

        if (_options.RequireReExamAppointmentWhenBooked && summary.NgayTaiKham is not null && !dossier.HasFile(TableCodes.Xml14))
        {
            v.Add(TableCodes.Xml14, "LOAIHOSO", ViolationRules.TablePresence, "XML14 (re-exam appointment) is required when NGAY_TAI_KHAM is present.");
        }
    }
}
