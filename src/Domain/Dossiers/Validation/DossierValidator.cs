using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Dossiers.Internal;
using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Validation;

/// <summary>
/// Validates dossiers and check-in documents against the data standard that governs their episode (QĐ 4750, QĐ 3176 …, chosen by
/// the episode's end day, see <see cref="DossierCheck.EpisodeDay"/>), the code lists and administrative units in force on the
/// visit's days, and the rules of QĐ 130/4750, collecting every violation (up to <see cref="DossierValidationOptions.MaxViolations"/>)
/// instead of stopping at the first. The result starts with the reader's violations, so it is the complete list for the document.
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

    /// <summary>The residence fields checked against the administrative units, by table.</summary>
    private static readonly HashSet<string> ResidenceTables = new(StringComparer.Ordinal) { TableCodes.Xml1, TableCodes.Xml6, TableCodes.Xml9 };

    private readonly DossierValidationOptions _options;
    private readonly DossierRules _rules;
    private readonly IcdCatalogue? _icd;
    private readonly IcdSexRestrictions? _sexRestrictions;
    private readonly Dictionary<string, ConditionalRequirement[]> _conditions;
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _foreignFields;
    private readonly HashSet<string> _results;
    private readonly HashSet<string> _dischargeTypes;
    private readonly HashSet<string> _sexCodes;
    private readonly HashSet<string> _inpatient;
    private readonly HashSet<string> _dischargeCertificateExits;
    private readonly HashSet<string> _deathResults;
    private readonly HashSet<string> _transferExits;
    private readonly string _transferExitText;

    /// <summary>A validator of one standard for every episode, without dated lists (tools and tests that check one field list).</summary>
    public DossierValidator(DossierValidationOptions options, FieldRuleCatalogue fields, IcdCatalogue? icd = null, IcdSexRestrictions? sexRestrictions = null)
        : this(options, new DossierRules { Standards = StandardCatalogue.Single(fields ?? throw new ArgumentNullException(nameof(fields))), Icd = icd, SexRestrictions = sexRestrictions })
    {
    }

    /// <summary>A validator of the given standards and dated lists.</summary>
    public DossierValidator(DossierValidationOptions options, DossierRules rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        _options = options;
        _rules = rules;
        _icd = rules.Icd;
        _sexRestrictions = rules.SexRestrictions;
        _conditions = ConditionalRequirement.All.GroupBy(c => c.Table).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _foreignFields = rules.Standards.Standards.ToDictionary(s => s.Id, s => ForeignFields(s, rules.Standards), StringComparer.Ordinal);
        _results = new HashSet<string>(options.TreatmentResultCodes, StringComparer.Ordinal);
        _dischargeTypes = new HashSet<string>(options.DischargeTypeCodes, StringComparer.Ordinal);
        _sexCodes = new HashSet<string>(options.SexCodes, StringComparer.Ordinal);
        _inpatient = new HashSet<string>(options.InpatientVisitTypes, StringComparer.Ordinal);
        _dischargeCertificateExits = new HashSet<string>(options.DischargeCertificateExitTypes, StringComparer.Ordinal);
        _deathResults = new HashSet<string>(options.DeathResultCodes, StringComparer.Ordinal);
        _transferExits = new HashSet<string>(options.TransferExitTypes, StringComparer.Ordinal);
        _transferExitText = string.Join(" or ", options.TransferExitTypes);
    }

    /// <summary>The data standards the validator chooses from.</summary>
    public StandardCatalogue Standards => _rules.Standards;

    /// <summary>The rules it checks against.</summary>
    public DossierRules Rules => _rules;

    /// <summary>Every violation of a dossier (read violations first). <paramref name="now"/> bounds NGAY_VAO and NGAY_SINH.</summary>
    public IReadOnlyList<Violation> Validate(Dossier dossier, DateTimeOffset now) => Check(dossier, now).Violations;

    /// <summary>
    /// Validates a dossier against the standard of its episode's day and the lists in force on its visit's days: the standard, the
    /// day that chose it, every violation (read violations first) and the notices.
    /// </summary>
    public DossierCheck Check(Dossier dossier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var summary = dossier.Summary;
        var context = NewContext(summary?.NgayVao, summary?.NgayRa, now);
        var v = new ViolationCollector(_options.MaxViolations);
        v.AddRange(dossier.ReadViolations);

        CheckGoverned(context, TableCodes.Xml1, summary?.NgayRa is not null ? "NGAY_RA" : "NGAY_VAO", v);
        ValidateEnvelope(dossier, v);
        foreach (var table in dossier.Tables)
        {
            foreach (var row in table.Rows)
            {
                if (v.IsFull)
                {
                    return context.Result(v);
                }

                ValidateRow(row, now, v, context);
            }
        }

        ValidateCrossTable(dossier, v);
        ValidatePresence(dossier, v);
        return context.Result(v);
    }

    /// <summary>
    /// Every violation of a check-in document (read violations first). When <paramref name="expectedFacilityCode"/> is given
    /// (the maCSKCB of the request), each row's MA_CSKCB must equal it.
    /// </summary>
    public IReadOnlyList<Violation> Validate(CheckInDocument checkIn, DateTimeOffset now, string? expectedFacilityCode = null) =>
        Check(checkIn, now, expectedFacilityCode).Violations;

    /// <summary>Validates a check-in document against the standard of its arrival day (NGAY_VAO of its first row).</summary>
    public DossierCheck Check(CheckInDocument checkIn, DateTimeOffset now, string? expectedFacilityCode = null)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var first = checkIn.Table.Rows.Count > 0 ? checkIn.Table.Rows[0] : null;
        var arrival = VnDateTime.ParseOrNull(first?["NGAY_VAO"]);
        var context = NewContext(arrival, null, now);
        var v = new ViolationCollector(_options.MaxViolations);
        v.AddRange(checkIn.ReadViolations);
        CheckGoverned(context, TableCodes.Xml0, "TRANG_THAI_KCB[1].NGAY_VAO", v);
        foreach (var row in checkIn.Table.Rows)
        {
            if (v.IsFull)
            {
                break;
            }

            ValidateRow(row, now, v, context);
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

        return context.Result(v);
    }

    /// <summary>The standard an episode that ended (or, for a check-in, began) on <paramref name="day"/> follows.</summary>
    public DataStandard StandardFor(DateOnly day) => _rules.Standards.For(day);

    /// <summary>What the code list of <paramref name="field"/> says about <paramref name="code"/> on <paramref name="day"/>.</summary>
    public CodeVerdict CheckCode(string field, string code, DateOnly day) =>
        _rules.CodeListOf(field)?.Check(code, day) ?? CodeVerdict.NoList;

    /// <summary>The decisions of the code list of <paramref name="field"/> in force on <paramref name="day"/>, for messages.</summary>
    public string DescribeCodeList(string field, DateOnly day) =>
        _rules.CodeListOf(field)?.DecisionsOn(day) is { Count: > 0 } decisions ? string.Join("; ", decisions) : "no list";

    /// <summary>The local calendar day of a dossier date.</summary>
    public static DateOnly LocalDay(VnDateTime value) => DateOnly.FromDateTime(value.Value.ToOffset(VnDateTime.VietnamOffset).DateTime);

    /// <summary>The local calendar day of an instant.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VnDateTime.VietnamOffset).DateTime);

    private ValidationContext NewContext(VnDateTime? admitted, VnDateTime? ended, DateTimeOffset now)
    {
        var endDay = ended is { } e ? LocalDay(e) : admitted is { } a ? LocalDay(a) : LocalDay(now);
        var startDay = admitted is { } s ? LocalDay(s) : endDay;
        var standard = _rules.Standards.For(endDay);
        var units = _rules.AdministrativeUnits;
        return new ValidationContext(standard, endDay, startDay, _rules.FieldSizes.On(endDay), units.On(startDay), units.On(endDay),
            _foreignFields[standard.Id])
        {
            IsKnownDistrict = units.IsKnownDistrict,
        };
    }

    private static void CheckGoverned(ValidationContext context, string table, string field, ViolationCollector v)
    {
        if (!context.Standard.Governs(context.EndDay))
        {
            v.Add(table, field, ViolationRules.StandardMismatch,
                $"{table}: no data standard the hub knows governs episodes of {DataStandard.Format(context.EndDay)}; the earliest, {context.Standard.Name}, applies {context.Standard.Period}.");
        }
    }

    /// <summary>
    /// For each table of <paramref name="standard"/>, the fields that other standards have and it has not, with what to say when a
    /// document of its episodes carries one (renamed, removed, or not yet introduced).
    /// </summary>
    private static Dictionary<string, Dictionary<string, string>> ForeignFields(DataStandard standard, StandardCatalogue all)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var other in all.Standards)
        {
            if (ReferenceEquals(other, standard))
            {
                continue;
            }

            var later = other.EpisodesFrom > standard.EpisodesFrom || (standard.EpisodesFrom is null && other.EpisodesFrom is not null);
            foreach (var table in other.Fields.Tables)
            {
                var own = standard.Fields.GetTableRules(table);
                if (own.Count == 0)
                {
                    continue;
                }

                foreach (var rule in other.Fields.GetTableRules(table))
                {
                    if (standard.Fields.TryGetRule(table, rule.Field, out _))
                    {
                        continue;
                    }

                    if (!result.TryGetValue(table, out var fields))
                    {
                        result[table] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    }

                    if (fields.ContainsKey(rule.Field))
                    {
                        continue;
                    }

                    var renamedTo = own.FirstOrDefault(r => r.RenamedFrom == rule.Field);
                    var ownName = rule.RenamedFrom is { } older && standard.Fields.TryGetRule(table, older, out _) ? older : null;
                    fields[rule.Field] = (renamedTo, ownName) switch
                    {
                        ({ } renamed, _) =>
                            $"{rule.Field} is the {other.Name} name; {standard.Period} {table} carries {renamed.Field} ({standard.Name}).",
                        (_, { } name) =>
                            $"{rule.Field} is the {other.Name} name, for episodes {other.Period}; episodes {standard.Period} follow {standard.Name}, whose {table} carries {name}.",
                        _ when later =>
                            $"{rule.Field} is a field of {other.Name} (episodes {other.Period}), not of {standard.Name}, which governs episodes {standard.Period}.",
                        _ => $"{rule.Field} was a field of {other.Name}; {standard.Name} removed it from {table} for episodes {standard.Period}.",
                    };
                }
            }
        }

        return result;
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

    private void ValidateRow(TableRow row, DateTimeOffset now, ViolationCollector v, ValidationContext context)
    {
        var table = row.Table;
        var fields = context.Standard.Fields;
        var rules = fields.GetTableRules(table);
        for (var i = 0; i < rules.Count; i++)
        {
            CheckField(rules[i], row, v, context);
        }

        if (context.ForeignFields.TryGetValue(table, out var foreign))
        {
            foreach (var name in row.Fields.Keys)
            {
                if (foreign.TryGetValue(name, out var message))
                {
                    v.Add(table, row.PathOf(name), ViolationRules.StandardMismatch, $"{table}: {message}");
                }
            }
        }

        if (_options.ReportUnknownFields)
        {
            foreach (var name in row.Fields.Keys)
            {
                if (!fields.TryGetRule(table, name, out _) && (foreign is null || !foreign.ContainsKey(name)))
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
        CheckCodeLists(row, v, context);
        CheckResidence(row, v, context);
        CheckDates(row, now, v);
        CheckIdentity(row, v);
        CheckDiagnoses(row, v);
    }

    private static void CheckField(FieldRule rule, TableRow row, ViolationCollector v, ValidationContext context)
    {
        var value = row[rule.Field];
        if (string.IsNullOrWhiteSpace(value))
        {
            // After the 2025 reform there is no district level and no guidance on MAHUYEN_CU_TRU: blank is accepted.
            if (rule.Required && !(rule.Field == ResidenceDistrict && context.WithoutDistricts))
            {
                v.Add(row.Table, row.PathOf(rule.Field), ViolationRules.Required, $"{row.Table}: {row.PathOf(rule.Field)} is required.");
            }

            return;
        }

        var max = rule.MaxLength;
        var dated = context.Sizes.Count > 0 && context.Sizes.TryGetValue((row.Table, rule.Field), out var size) ? size : null;
        if (dated is not null)
        {
            max = dated.MaxLength;
        }

        // A single date's format fixes its length, so only the date rule reports it.
        if (max is int limit && value.Length > limit && !(rule.IsDate && !rule.MultipleDates))
        {
            v.Add(row.Table, row.PathOf(rule.Field), ViolationRules.MaxLength,
                $"{row.Table}: {row.PathOf(rule.Field)} has {value.Length} characters; at most {limit} are allowed"
                + (dated is null ? "." : $" ({dated.Decision})."));
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
                CheckCode(row, "GIOI_TINH", _sexCodes, v);
                break;
            case TableCodes.Xml1:
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

    /// <summary>
    /// Each dated code list in every table that has its field: a code must be valid on the episode's end day or on its first day
    /// (a transition lets both lists serve); a code missing from a list known to be incomplete becomes a notice.
    /// </summary>
    private void CheckCodeLists(TableRow row, ViolationCollector v, ValidationContext context)
    {
        foreach (var list in _rules.CodeLists)
        {
            var value = row[list.Field];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            foreach (var code in MultiValue.Split(value))
            {
                var verdict = Best(list.Check(code, context.EndDay), context.StartDay == context.EndDay ? CodeVerdict.NotListed : list.Check(code, context.StartDay));
                if (verdict is CodeVerdict.Listed or CodeVerdict.NoList)
                {
                    continue;
                }

                var shown = code.Length <= 6 ? $"'{code}'" : "the value";
                var decisions = string.Join("; ", list.DecisionsOn(context.EndDay).DefaultIfEmpty(string.Join("; ", list.DecisionsOn(context.StartDay))));
                if (verdict == CodeVerdict.NotListed)
                {
                    v.Add(row.Table, row.PathOf(list.Field), ViolationRules.CodeList,
                        $"{row.Table}: {row.PathOf(list.Field)} {shown} is not in the code list in force on {DataStandard.Format(context.EndDay)} ({decisions}).");
                }
                else
                {
                    context.Notices.Add(new Violation(row.Table, row.PathOf(list.Field), ViolationRules.CodeListIncomplete,
                        $"{row.Table}: {row.PathOf(list.Field)} {shown} is not in the hub's copy of the list in force on {DataStandard.Format(context.EndDay)} ({decisions}), which is known to be incomplete: accepted unchecked."));
                }
            }
        }

        static CodeVerdict Best(CodeVerdict a, CodeVerdict b) => (CodeVerdict)Math.Min((int)a, (int)b);
    }

    /// <summary>
    /// MATINH_CU_TRU, MAHUYEN_CU_TRU and MAXA_CU_TRU against the administrative-unit list in force on the episode's first day or
    /// its end day (an address recorded at admission may predate a reform that the discharge follows). Under a list without
    /// districts (from 01/07/2025), MAHUYEN_CU_TRU may be blank or a former district: no official guidance exists. Days no list
    /// covers are not checked. Messages name the province, never the resident's commune.
    /// </summary>
    private static void CheckResidence(TableRow row, ViolationCollector v, ValidationContext context)
    {
        if (!ResidenceTables.Contains(row.Table) || (context.UnitsAtStart is null && context.UnitsAtEnd is null))
        {
            return;
        }

        var province = row[ResidenceProvince]?.Trim();
        var district = row[ResidenceDistrict]?.Trim();
        var commune = row[ResidenceCommune]?.Trim();
        if (string.IsNullOrEmpty(province) && string.IsNullOrEmpty(district) && string.IsNullOrEmpty(commune))
        {
            return;
        }

        (string Field, string Message)? first = null;
        foreach (var list in new[] { context.UnitsAtEnd, context.UnitsAtStart })
        {
            if (list is null)
            {
                continue;
            }

            var problem = ResidenceProblem(list, province, district, commune, context);
            if (problem is null)
            {
                return;
            }

            first ??= problem;
        }

        if (first is { } found)
        {
            v.Add(row.Table, row.PathOf(found.Field), ViolationRules.AdministrativeUnit, $"{row.Table}: {row.PathOf(found.Field)} {found.Message}");
        }
    }

    private static (string Field, string Message)? ResidenceProblem(AdministrativeUnitCatalogue list, string? province, string? district, string? commune,
        ValidationContext context)
    {
        var on = $"the list in force from {DataStandard.Format(list.ValidFrom)}" + (list.HasDistricts ? string.Empty : " (no district level)");
        if (!string.IsNullOrEmpty(province) && list.FindProvince(province) is null)
        {
            var formed = list.ProvinceFormedFrom(province);
            return (ResidenceProvince, formed is null
                ? $"'{province}' is not a province in {on}."
                : $"'{province}' is not a province in {on}; it is part of province {formed}.");
        }

        if (list.HasDistricts)
        {
            if (!string.IsNullOrEmpty(district))
            {
                if (list.FindDistrict(district) is not { } found)
                {
                    return (ResidenceDistrict, $"is not a district in {on}.");
                }

                if (!string.IsNullOrEmpty(province) && found.ProvinceCode != province)
                {
                    return (ResidenceDistrict, $"is not a district of province {province} in {on}.");
                }
            }

            if (!string.IsNullOrEmpty(commune))
            {
                if (list.FindCommune(commune) is not { } inDistrict)
                {
                    return (ResidenceCommune, $"is not a commune in {on}.");
                }

                if (!string.IsNullOrEmpty(district) && inDistrict.DistrictCode != district)
                {
                    return (ResidenceCommune, $"is not a commune of the district given in {ResidenceDistrict} in {on}.");
                }

                if (!string.IsNullOrEmpty(province) && list.ProvinceOfCommune(commune) != province)
                {
                    return (ResidenceCommune, $"is not a commune of province {province} in {on}.");
                }
            }

            return null;
        }

        if (!string.IsNullOrEmpty(district)
            && (district.Length != 3 || !district.All(char.IsAsciiDigit) || !context.IsKnownDistrict(district)))
        {
            return (ResidenceDistrict, $"is neither blank nor a district code of the earlier lists; {on} has no districts, so leave it blank or keep the former district.");
        }

        if (!string.IsNullOrEmpty(commune))
        {
            if (list.ProvinceOfCommune(commune) is not { } of)
            {
                return (ResidenceCommune, $"is not a commune in {on}.");
            }

            if (!string.IsNullOrEmpty(province) && of != province)
            {
                return (ResidenceCommune, $"is not a commune of province {province} in {on}.");
            }
        }

        return null;
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

    private const string ResidenceProvince = "MATINH_CU_TRU";
    private const string ResidenceDistrict = "MAHUYEN_CU_TRU";
    private const string ResidenceCommune = "MAXA_CU_TRU";

    /// <summary>What one document's validation decided once: its standard, its days and the lists in force on them.</summary>
    private sealed class ValidationContext(
        DataStandard standard,
        DateOnly endDay,
        DateOnly startDay,
        IReadOnlyDictionary<(string Table, string Field), DatedFieldSize> sizes,
        AdministrativeUnitCatalogue? unitsAtStart,
        AdministrativeUnitCatalogue? unitsAtEnd,
        Dictionary<string, Dictionary<string, string>> foreignFields)
    {
        public DataStandard Standard { get; } = standard;

        public DateOnly EndDay { get; } = endDay;

        public DateOnly StartDay { get; } = startDay;

        public IReadOnlyDictionary<(string Table, string Field), DatedFieldSize> Sizes { get; } = sizes;

        public AdministrativeUnitCatalogue? UnitsAtStart { get; } = unitsAtStart;

        public AdministrativeUnitCatalogue? UnitsAtEnd { get; } = unitsAtEnd;

        public Dictionary<string, Dictionary<string, string>> ForeignFields { get; } = foreignFields;

        /// <summary>True when the list of the episode's end has no district level (MAHUYEN_CU_TRU may be blank).</summary>
        public bool WithoutDistricts => UnitsAtEnd is { HasDistricts: false };

        public List<Violation> Notices { get; } = [];

        /// <summary>True for a district code of some list (a former district, after the reform).</summary>
        public Func<string, bool> IsKnownDistrict { get; init; } = _ => true;

        public DossierCheck Result(ViolationCollector v) => new(Standard, EndDay, v.ToList(), Notices.ToArray());
    }
}
