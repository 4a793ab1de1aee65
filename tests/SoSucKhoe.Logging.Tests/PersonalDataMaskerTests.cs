namespace SoSucKhoe.Logging.Tests;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("070123456789", "0701******89")]
    [InlineData("CCCD 070123456789.", "CCCD 0701******89.")]
    [InlineData("SO_CCCD=070123456789;", "SO_CCCD=0701******89;")]
    [InlineData("\"070123456789\"", "\"0701******89\"")]
    [InlineData("x_070123456789_y", "x_0701******89_y")]
    [InlineData("mã số070123456789", "mã số0701******89")]
    public void A_12_digit_personal_id_keeps_its_first_4_and_last_2_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("patient/070123456789", "patient/0701******89")]
    [InlineData("sosuckhoe.patient/070123456789", "sosuckhoe.patient/0701******89")]
    [InlineData("[Activation: S127.0.0.1:11111:98765432/patient/070123456789@a1b2c3d4e5f6]",
        "[Activation: S127.0.0.1:11111:98765432/patient/0701******89@a1b2c3d4e5f6]")]
    [InlineData("passport:B1234567", "passport:B*****67")]
    [InlineData("legacy:285123456", "legacy:*******56")]
    [InlineData("cmnd:285123456", "cmnd:*******56")]
    [InlineData("bhyt:7012345678", "bhyt:********78")]
    [InlineData("identitylink/bhyt:DN4701234567845", "identitylink/bhyt:DN470********45")]
    public void Orleans_grain_ids_and_namespaced_person_keys_are_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("285123456", "*******56")]
    [InlineData("old id 285123456 given", "old id *******56 given")]
    public void A_9_digit_old_id_keeps_its_last_2_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("B1234567", "B*****67")]
    [InlineData("passport C7654321 at the desk", "passport C*****21 at the desk")]
    public void A_passport_keeps_its_letter_and_last_2_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("DN4701234567845", "DN470********45")]
    [InlineData("MA_THE_BHYT=HT3751234567890", "MA_THE_BHYT=HT375********90")]
    [InlineData("cards DN4701234567845;GD4790123456781", "cards DN470********45;GD479********81")]
    public void An_insurance_card_keeps_group_level_and_province_and_the_last_2_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("7012345678", "********78")]
    [InlineData("short card 7012345678 read", "short card ********78 read")]
    public void A_bare_10_digit_social_insurance_number_keeps_its_last_2_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("0912345678", "********78")]
    [InlineData("tel +84912345678", "tel +84*******78")]
    [InlineData("84912345678", "*********78")]
    [InlineData("0912 345 678", "**** *** *78")]
    [InlineData("0912.345.678", "****.***.*78")]
    [InlineData("091-234-5678", "***-***-**78")]
    [InlineData("+84 912 345 678", "+84 *** *** *78")]
    public void Phone_numbers_keep_only_the_country_prefix_and_last_2_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("nguyen.van.a@example.com", "n*****.***.*@example.com")]
    [InlineData("contact: an@benhvien.vn.", "contact: a*@benhvien.vn.")]
    public void E_mail_addresses_keep_the_first_character_and_the_domain(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("12345070123456789012")]
    [InlineData("0701234567890")]
    [InlineData("ab070123456789cd")]
    [InlineData("id070123456789")]
    [InlineData("LKB1234567")]
    [InlineData("b1234567")]
    [InlineData("DN6701234567845")]
    [InlineData("XDN4701234567845")]
    public void Digit_runs_are_identifiers_only_on_word_boundaries_and_in_their_exact_shape(string text) =>
        Assert.Same(text, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("70001")]
    [InlineData("MA_CSKCB=70001")]
    [InlineData("LK2025000123")]
    [InlineData("70001:LK2025000123")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("0123456789ab070123456789cd0123456789ab070123456789cdef0123456789")]
    [InlineData("2025-01-15T08:30:00.1234567+07:00")]
    [InlineData("2025-01-15T01:30:00.0000000Z")]
    [InlineData("20250115")]
    [InlineData("20250115083000")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-030512345678")]
    [InlineData("S127.0.0.1:11111:123456789")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7")]
    [InlineData("took 1234 ms, 5 attempts, version 3, sequence 42")]
    [InlineData("user@host")]
    public void Facility_codes_episode_keys_hashes_timestamps_and_diagnostics_are_left_alone(string text) =>
        Assert.Same(text, PersonalDataMasker.Mask(text));

    [Fact]
    public void A_bare_12_digit_date_is_masked_because_it_may_be_a_wrong_id() =>
        Assert.Equal("admitted 2025******30", PersonalDataMasker.Mask("admitted 202501150830"));

    [Theory]
    [InlineData("NGAY_VAO=202501150830")]
    [InlineData("{\"NgayRa\":\"202501201000\"}")]
    [InlineData("ReceivedAt: 202501150830")]
    [InlineData("{ NGAY_TTOAN: \"202501201015\" }")]
    [InlineData("{\\\"NGAY_RA\\\":\\\"202501201000\\\"}")]
    [InlineData("NGAY_VAO=199000000000")]
    public void A_12_digit_date_labelled_by_a_date_key_is_kept(string text) =>
        Assert.Same(text, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("NGAY_SINH=199001150000", "NGAY_SINH=1990******00")]
    [InlineData("DateOfBirth: 199001150000", "DateOfBirth: 1990******00")]
    [InlineData("NGAY_VAO=070123456789", "NGAY_VAO=0701******89")]
    [InlineData("NGAY_VAO=202513150830", "NGAY_VAO=2025******30")]
    [InlineData("NGAY_VAO=202502300830", "NGAY_VAO=2025******30")]
    public void Birth_dates_personal_ids_and_impossible_dates_behind_a_date_key_are_still_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("NGAY_VAO", "202501150830", "202501150830")]
    [InlineData("ArrivalTime", "202501150830", "202501150830")]
    [InlineData("CheckedInAt", "199000000000", "199000000000")]
    [InlineData("NGAY_VAO", "070123456789", "0701******89")]
    [InlineData("NGAY_SINH", "199001150000", "1990******00")]
    [InlineData("MaLk", "202501150830", "2025******30")]
    public void A_property_named_as_a_date_keeps_plausible_dates_only(string property, string value, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(value, property));

    [Fact]
    public void Text_without_identifiers_is_returned_as_the_same_instance()
    {
        const string line = "Dossier accepted from 70001: MA_LK LK2025000123, version 2, encounter 7";
        Assert.Same(line, PersonalDataMasker.Mask(line));
        Assert.False(PersonalDataMasker.ContainsPersonalData(line));
        Assert.Null(PersonalDataMasker.Mask(null));
        Assert.Equal(string.Empty, PersonalDataMasker.Mask(string.Empty));
    }

    [Fact]
    public void Several_identifiers_in_one_line_are_all_masked()
    {
        var masked = PersonalDataMasker.Mask(
            "person 070123456789 card DN4701234567845 phone 0912345678 passport B1234567 old 285123456 mail an@example.com");
        Assert.Equal(
            "person 0701******89 card DN470********45 phone ********78 passport B*****67 old *******56 mail a*@example.com", masked);
        Assert.True(PersonalDataMasker.ContainsPersonalData("x 070123456789"));
    }

    [Fact]
    public void Masking_is_idempotent_and_length_preserving()
    {
        const string line = "patient/070123456789 DN4701234567845 +84912345678";
        var once = PersonalDataMasker.Mask(line);
        Assert.Equal(line.Length, once.Length);
        Assert.Same(once, PersonalDataMasker.Mask(once));
    }

    [Fact]
    public void Span_and_writer_forms_mask_like_the_string_form()
    {
        const string line = "grain patient/070123456789 failed; card DN4701234567845";
        var expected = PersonalDataMasker.Mask(line);

        var buffer = line.ToCharArray();
        Assert.Equal(2, PersonalDataMasker.MaskInPlace(buffer));
        Assert.Equal(expected, new string(buffer));

        using var writer = new StringWriter();
        PersonalDataMasker.MaskTo(line, writer);
        PersonalDataMasker.MaskTo("clean 70001", writer);
        Assert.Equal(expected + "clean 70001", writer.ToString());
    }
}
