using System.Globalization;

namespace SoSucKhoe.TestData.Tests;

/// <summary>
/// Every generated table of every visit type satisfies the field rules of the data standard of its episode: QĐ 4750 for an
/// episode of 2024, QĐ 3176 (the product's reading of its annex over the QĐ 4750 list) for one of 2025.
/// </summary>
public sealed class FieldRulesTests
{
    private static readonly DateTimeOffset Arrival2024 = new(2024, 11, 4, 8, 15, 0, TimeSpan.FromHours(7));

    private static readonly Lazy<IReadOnlyList<(string Type, byte[] Content, string Label, string Standard)>> Generated = new(GenerateAll);

    public static TheoryData<string> TablesProduced() => ["XML0", "XML1", "XML2", "XML3", "XML4", "XML5", "XML7", "XML8", "XML11", "XML13", "XML14"];

    private static IReadOnlyList<(string Type, byte[] Content, string Label, string Standard)> GenerateAll()
    {
        var factory = new DossierFactory(Scenario.Seed);
        var result = new List<(string, byte[], string, string)>();
        var variants = new[]
        {
            DossierOptions.Default with { Sign = false },
            new DossierOptions { Sign = false, ReExamBooked = true, SickLeave = true, DischargeType = 2, LabResults = true, SummaryForEveryVisit = true, ServiceRows = 30, DrugRows = 12 },
            new DossierOptions { Sign = false, DischargeType = 5, PaymentTimeKnown = false, TreatmentResult = 8, DrugRows = 0, ServiceRows = 0, DottedDiagnosisCodes = false },
        };
        foreach (var visitType in VisitTypes.All)
        {
            foreach (var citizen in new[] { Scenario.Insured, Scenario.Uninsured, Scenario.Province.Citizens[^1] })
            {
                foreach (var options in variants)
                {
                    foreach (var arrival in new[] { Arrival2024, Scenario.Arrival })
                    {
                        var episode = factory.CreateEpisode(citizen, Scenario.FacilityFor(visitType), visitType, arrival, options);
                        var label = $"{visitType}/{episode.Dossier.MaLk} ({episode.Dossier.Standard})";
                        result.Add(("XML0", episode.CheckIn.Unsigned, label, episode.CheckIn.Standard));
                        result.AddRange(episode.Dossier.Tables.Select(t => (t.Type, t.Content, label, episode.Dossier.Standard)));
                    }
                }
            }
        }

        return result;
    }

    private static IEnumerable<(XElement Record, string Label, string Standard)> RecordsOf(string table)
    {
        var records = Generated.Value.Where(g => g.Type == table)
            .SelectMany(g => Documents.Records(table, g.Content).Select(r => (r, g.Label, g.Standard)))
            .ToList();
        Assert.NotEmpty(records);
        Assert.Equal(["3176", "4750"], records.Select(r => r.Standard).Distinct().Order());
        return records;
    }

    [Theory]
    [MemberData(nameof(TablesProduced))]
    public void Every_required_field_is_present_and_not_empty(string table)
    {
        foreach (var (record, label, standard) in RecordsOf(table))
        {
            var required = FieldCatalog.For(table, standard).Where(s => s.IsRequired).Select(s => s.Field).ToList();
            Assert.NotEmpty(required);
            foreach (var field in required)
            {
                var value = Documents.Value(record, field);
                Assert.False(string.IsNullOrEmpty(value), $"{table}.{field} missing in {label}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TablesProduced))]
    public void Values_fit_max_length_and_numbers_are_numeric(string table)
    {
        foreach (var (record, label, standard) in RecordsOf(table))
        {
            var specs = FieldCatalog.For(table, standard).ToDictionary(s => s.Field);
            foreach (var element in record.Elements())
            {
                Assert.True(specs.TryGetValue(element.Name.LocalName, out var spec), $"{table}.{element.Name} is not in the catalogue ({label})");
                var value = element.Value;
                if (value.Length == 0)
                {
                    continue;
                }

                if (spec.MaxLength is { } max)
                {
                    Assert.True(value.Length <= max, $"{table}.{spec.Field} length {value.Length} > {max} in {label}");
                }

                if (spec.IsNumber)
                {
                    Assert.True(decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), $"{table}.{spec.Field} not numeric in {label}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TablesProduced))]
    public void Fields_are_written_in_the_official_order(string table)
    {
        foreach (var (record, label, standard) in RecordsOf(table).Take(100))
        {
            var order = FieldCatalog.For(table, standard).Select(s => s.Field).ToList();
            var positions = record.Elements().Select(e => order.IndexOf(e.Name.LocalName)).ToList();
            Assert.True(positions.SequenceEqual(positions.Order()), $"{table} field order differs from the catalogue in {label}");
        }
    }

    [Theory]
    [MemberData(nameof(TablesProduced))]
    public void Dates_are_8_or_12_digit_local_times(string table)
    {
        foreach (var (record, label, standard) in RecordsOf(table))
        {
            var specs = FieldCatalog.For(table, standard).ToDictionary(s => s.Field);
            foreach (var element in record.Elements().Where(e => IsDateField(e.Name.LocalName) && e.Value.Length > 0))
            {
                var name = element.Name.LocalName;
                var value = element.Value;
                var expected = specs[name].MaxLength is 8 or 12 ? specs[name].MaxLength!.Value : value.Length;
                Assert.True(value.Length == expected && value.Length is 8 or 12 && value.All(char.IsAsciiDigit), $"{table}.{name}='{value}' in {label}");
                if (name != "NGAY_SINH")
                {
                    var format = value.Length == 8 ? "yyyyMMdd" : "yyyyMMddHHmm";
                    Assert.True(DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{table}.{name}='{value}' in {label}");
                }
            }
        }
    }

    [Fact]
    public void Arrival_is_written_in_UTC_plus_7_whatever_the_callers_offset()
    {
        var utcArrival = new DateTimeOffset(2025, 3, 10, 1, 15, 0, TimeSpan.Zero);
        var dossier = new DossierFactory(1).Create(Scenario.Insured, Scenario.Hospital, "01", utcArrival, new DossierOptions { Sign = false });
        Assert.Equal("202503100815", Documents.Value(Documents.Records("XML1", dossier.InnerTables["XML1"])[0], "NGAY_VAO"));
    }

    [Fact]
    public void Conditionally_required_fields_are_filled_when_their_condition_holds()
    {
        foreach (var (row, label, _) in RecordsOf("XML0"))
        {
            Assert.True(new[] { "MA_DICH_VU", "MA_THUOC", "MA_VAT_TU" }.Any(f => Documents.Value(row, f) is { Length: > 0 }), label);
        }

        foreach (var (row, label, _) in RecordsOf("XML1"))
        {
            if (Documents.Value(row, "NGAY_VAO_NOI_TRU") is { Length: > 0 })
            {
                Assert.NotEmpty(Documents.Value(row, "LY_DO_VNT")!);
            }
        }

        foreach (var (row, label, _) in RecordsOf("XML3"))
        {
            var group = Documents.Value(row, "MA_NHOM");
            if (group is "1" or "2" or "3" or "8" or "18")
            {
                Assert.False(string.IsNullOrEmpty(Documents.Value(row, "NGUOI_THUC_HIEN")), label);
                Assert.False(string.IsNullOrEmpty(Documents.Value(row, "NGAY_TH_YL")), label);
            }

            if (group == "10")
            {
                Assert.False(string.IsNullOrEmpty(Documents.Value(row, "TT_THAU")), label);
                Assert.False(string.IsNullOrEmpty(Documents.Value(row, "MA_VAT_TU")), label);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(Documents.Value(row, "MA_DICH_VU")), label);
            }
        }

        foreach (var (row, label, _) in RecordsOf("XML2"))
        {
            Assert.False(string.IsNullOrEmpty(Documents.Value(row, "TT_THAU")), label);
        }

        foreach (var (row, label, _) in RecordsOf("XML4"))
        {
            if (Documents.Value(row, "GIA_TRI") is { Length: > 0 })
            {
                Assert.False(string.IsNullOrEmpty(Documents.Value(row, "NGAY_KQ")), label);
            }
        }
    }

    [Fact]
    public void Code_fields_keep_their_leading_zeros()
    {
        var row = RecordsOf("XML1").First().Record;
        Assert.Equal("000", Documents.Value(row, "MA_QUOCTICH"));
        Assert.Equal("01", Documents.Value(row, "MA_DANTOC"));
        Assert.Matches("^(0[1-9]|10)$", Documents.Value(row, "MA_LOAI_KCB"));
        Assert.Matches("^[0-9]{12}$", Documents.Value(row, "SO_CCCD"));
    }

    private static bool IsDateField(string name) =>
        name.StartsWith("NGAY", StringComparison.Ordinal) || name.StartsWith("GT_THE_", StringComparison.Ordinal)
        || name is "TU_NGAY" or "DEN_NGAY" or "THOI_DIEM_DBLS" or "NGOAITRU_TUNGAY" or "NGOAITRU_DENNGAY";
}
