using System.Globalization;
using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.TestData;

/// <summary>
/// Deterministic generator of a synthetic province. The same seed and options always give the same
/// facilities and citizens. Citizen <c>i</c> depends only on (seed, options, i), so load tools can
/// draw <see cref="CitizenAt"/> for any index without materialising the others.
/// </summary>
public sealed class ProvinceGenerator
{
    private const long CitizenStream = 1;
    private const long FacilityStream = 2;

    private static readonly string[] OtherBirthProvinces = ["001", "079", "074", "075", "038", "040", "036", "066", "067", "072"];

    private static readonly (string Group, int Level)[] WorkingAgeGroups =
    [
        ("DN", 4), ("HC", 4), ("GD", 4), ("HN", 2), ("CN", 3), ("CK", 2), ("BT", 2), ("TS", 2), ("XN", 4), ("NO", 4),
    ];

    private static readonly string[] Occupations = ["22110", "23300", "51200", "61100", "92110", "33130", "24110", "91120", "72120", "52230"];

    private readonly int _seed;
    private readonly ProvinceOptions _options;
    private readonly IReadOnlyList<AdministrativeUnit> _units;
    private readonly string[] _districts;
    private IReadOnlyList<SyntheticFacility>? _facilities;

    public ProvinceGenerator(int seed, ProvinceOptions? options = null)
    {
        _seed = seed;
        _options = options ?? ProvinceOptions.Default;
        _units = _options.AdministrativeUnits is { Count: > 0 } units
            ? units
            : AdministrativeUnit.FromCatalogues(_options.ProvinceCode, ShippedCatalogues.AdministrativeUnits) is { Count: > 0 } real
                ? real
                : SyntheticUnits(_options);
        _districts = _units.Select(u => u.DistrictCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public int Seed => _seed;

    public ProvinceOptions Options => _options;

    /// <summary>Generates facilities and <see cref="ProvinceOptions.CitizenCount"/> citizens.</summary>
    public SyntheticProvince Generate()
    {
        var citizens = new SyntheticCitizen[_options.CitizenCount];
        for (var i = 0; i < citizens.Length; i++)
        {
            citizens[i] = CitizenAt(i);
        }

        return new SyntheticProvince(_seed, _options, Facilities(), citizens);
    }

    /// <summary>
    /// The province's facilities: codes <c>{province}001…</c> (from <see cref="ProvinceOptions.FirstFacilityNumber"/>); one provincial hospital per 60 facilities
    /// (at least one), one medical centre per district, one health station per commune up to the count,
    /// then private hospitals and clinics.
    /// </summary>
    public IReadOnlyList<SyntheticFacility> Facilities() => _facilities ??= BuildFacilities();

    /// <summary>The citizen with the given index (independent of any other citizen).</summary>
    public SyntheticCitizen CitizenAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(SeedMixer.Mix(_seed, CitizenStream, index));
        var reference = _options.ReferenceDate;

        var sex = random.Chance(0.5) ? Sex.Male : Sex.Female;
        var age = AgeDraw(random);
        var year = reference.Year - age - 1 + (random.Chance(0.5) ? 1 : 0);
        year = Math.Clamp(year, 1900, reference.Year);
        var month = random.Next(1, 13);
        var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        var birth = new PartialDate(year, month, day);
        if (year < 1960 && random.Chance(_options.UnknownBirthDayShare))
        {
            birth = random.Chance(0.7) ? new PartialDate(year, 0, 0) : new PartialDate(year, month, 0);
        }

        var birthProvince = random.Chance(_options.BornElsewhereShare)
            ? random.Pick(OtherBirthProvinces)
            : _options.BirthProvinceCode;
        // A multiplicative bijection keeps the 6 serial digits unique within a birth-year/sex bucket for up to 10^6 citizens.
        var serial = (int)SeedMixer.Permute(index, 387_643, (uint)SeedMixer.Mix(_seed, 7, 0) % 1_000_000, 1_000_000);
        var personalId = PersonalIdNumber.Compose(birthProvince, year, sex, serial);

        var unit = random.Pick(_units);
        var ageNow = birth.AgeAt(reference);
        var occupation = ageNow < 18 || ageNow >= 65 || random.Chance(0.15) ? "00000" : random.Pick(Occupations);
        var name = VietnameseNames.Compose(random, sex);
        var address = string.Create(
            CultureInfo.InvariantCulture,
            $"Số {random.Next(1, 400)}, tổ {random.Next(1, 30)}, {unit.CommuneName}");
        var phone = "09" + random.Digits(8);

        InsuranceCard? card = null;
        if (!random.Chance(_options.UninsuredShare))
        {
            var (group, level) = ageNow switch
            {
                < 6 => ("TE", 1),
                < 18 => ("HS", 4),
                < 23 when random.Chance(0.5) => ("SV", 4),
                >= 60 when random.Chance(0.7) => ("HT", 3),
                _ => random.Pick(WorkingAgeGroups),
            };
            var cardProvince = random.Chance(0.9) ? _options.ProvinceCode : random.Pick(OtherBirthProvinces)[1..];
            var socialInsurance = cardProvince + SeedMixer.Permute(index, 48_271, 12_345, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var registered = RegisteredFacility(random, unit.DistrictCode);
            card = new InsuranceCard(group, level, cardProvince, socialInsurance, registered);
        }

        var weight = ageNow switch
        {
            < 1 => 3m + random.Next(0, 700) / 100m,
            < 16 => 10m + ageNow * 3m + random.Next(0, 500) / 100m,
            _ => 42m + random.Next(0, 4000) / 100m,
        };

        return new SyntheticCitizen(
            index, personalId, name, birth, sex, "01", "000", occupation,
            _options.ProvinceCode, unit.DistrictCode, unit.CommuneCode, address, phone, card, weight)
        {
            CurrentProvinceCode = unit.CurrentProvinceCode,
            CurrentCommuneCode = unit.CurrentCommuneCode,
        };
    }

    private static int AgeDraw(Random random)
    {
        var bucket = random.NextDouble();
        return bucket switch
        {
            < 0.08 => random.Next(0, 6),
            < 0.22 => random.Next(6, 18),
            < 0.30 => random.Next(18, 23),
            < 0.80 => random.Next(23, 60),
            _ => random.Next(60, 96),
        };
    }

    private string RegisteredFacility(Random random, string districtCode)
    {
        var inDistrict = Facilities().Where(f => f.DistrictCode == districtCode && f.Level != FacilityLevel.PrivateClinic).ToList();
        return inDistrict.Count > 0 ? random.Pick(inDistrict).Code : random.Pick(Facilities()).Code;
    }

    private List<SyntheticFacility> BuildFacilities()
    {
        var random = new Random(SeedMixer.Mix(_seed, FacilityStream, 0));
        var count = _options.FacilityCount;
        if (count is < 1 or > 999)
        {
            throw new InvalidOperationException("FacilityCount must be between 1 and 999.");
        }

        if (_options.FirstFacilityNumber < 1 || _options.FirstFacilityNumber + count - 1 > 999)
        {
            throw new InvalidOperationException("The facility numbers (FirstFacilityNumber + FacilityCount - 1) must stay within 1..999.");
        }

        var result = new List<SyntheticFacility>(count);
        var provincial = Math.Max(1, count / 60);
        var communes = _units.ToArray();

        for (var n = 1; n <= count; n++)
        {
            FacilityLevel level;
            string district;
            string name;
            var slot = n - 1;
            if (slot < provincial)
            {
                level = FacilityLevel.ProvincialHospital;
                district = _districts[slot % _districts.Length];
                name = slot == 0 ? "Bệnh viện đa khoa tỉnh (mô phỏng)" : $"Bệnh viện chuyên khoa tỉnh số {slot} (mô phỏng)";
            }
            else if (slot < provincial + _districts.Length)
            {
                level = FacilityLevel.DistrictMedicalCentre;
                district = _districts[slot - provincial];
                name = $"Trung tâm Y tế huyện {district} (mô phỏng)";
            }
            else if (slot < provincial + _districts.Length + communes.Length && slot < count * 3 / 4)
            {
                var commune = communes[slot - provincial - _districts.Length];
                level = FacilityLevel.CommuneHealthStation;
                district = commune.DistrictCode;
                name = $"Trạm Y tế {commune.CommuneName} (mô phỏng)";
            }
            else
            {
                level = random.Chance(0.15) ? FacilityLevel.PrivateHospital : FacilityLevel.PrivateClinic;
                district = random.Pick(_districts);
                name = level == FacilityLevel.PrivateHospital
                    ? $"Bệnh viện tư nhân {random.Pick(VietnameseNames.MaleGivenNames)} {n} (mô phỏng)"
                    : $"Phòng khám đa khoa {random.Pick(VietnameseNames.FemaleGivenNames)} {n} (mô phỏng)";
            }

            var code = _options.ProvinceCode + (_options.FirstFacilityNumber + n - 1).ToString("D3", CultureInfo.InvariantCulture);
            var head = _options.ProvinceCode + random.Digits(8);
            // A commune station sits in its commune; other facilities in a commune of their district picked from the code.
            var inDistrict = communes.Where(c => c.DistrictCode == district).ToArray();
            var place = level == FacilityLevel.CommuneHealthStation && slot - provincial - _districts.Length < communes.Length
                ? communes[slot - provincial - _districts.Length]
                : inDistrict.Length > 0 ? inDistrict[n % inDistrict.Length] : null;
            result.Add(new SyntheticFacility(code, name, district, level, CareTypesFor(level), head, DepartmentsFor(level))
            {
                CommuneCode = place?.CommuneCode,
                CurrentProvinceCode = place?.CurrentProvinceCode,
                CurrentCommuneCode = place?.CurrentCommuneCode,
            });
        }

        return result;
    }

    private static IReadOnlyList<string> CareTypesFor(FacilityLevel level) => level switch
    {
        FacilityLevel.ProvincialHospital or FacilityLevel.DistrictMedicalCentre or FacilityLevel.PrivateHospital =>
            ["01", "02", "03", "04", "05", "07", "08", "09", "10"],
        FacilityLevel.CommuneHealthStation => ["01", "02", "05", "06", "07", "10"],
        _ => ["01", "02", "07", "08", "10"],
    };

    private static IReadOnlyList<string> DepartmentsFor(FacilityLevel level) => level switch
    {
        FacilityLevel.CommuneHealthStation or FacilityLevel.PrivateClinic => ["K01"],
        _ => ["K01", "K02", "K03", "K19", "K26", "K48"],
    };

    private static List<AdministrativeUnit> SyntheticUnits(ProvinceOptions options)
    {
        var units = new List<AdministrativeUnit>();
        var commune = 25_200;
        for (var d = 0; d < options.DistrictCount; d++)
        {
            var district = (options.FirstDistrictCode + d).ToString("D3", CultureInfo.InvariantCulture);
            for (var c = 0; c < options.CommunesPerDistrict; c++)
            {
                commune += 3;
                var communeCode = commune.ToString("D5", CultureInfo.InvariantCulture);
                units.Add(new AdministrativeUnit(options.ProvinceCode, district, communeCode, $"Xã mô phỏng {communeCode}"));
            }
        }

        return units;
    }
}
