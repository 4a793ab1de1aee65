using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Silo.Security.Audit;

namespace SoSucKhoe.Storage.Tests.Audit;

/// <summary>The checks and transformations every audit store applies before writing.</summary>
public sealed class AuditRulesTests
{
    private static readonly AuditSubjectProtector Protector = new(AuditSamples.SubjectHashKey);
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static AuditRow Row(AuditRecord entry) => AuditRules.ToRow(entry, Protector, Now);

    [Fact]
    public void A_personal_id_is_stored_as_its_first_four_and_last_two_digits_plus_a_keyed_hash()
    {
        var row = Row(AuditSamples.Read("70", AuditSamples.T0));

        Assert.Equal("0700******34", row.SubjectMasked);
        Assert.Equal(64, row.SubjectHash!.Length);
        Assert.True(row.SubjectHash.All(char.IsAsciiHexDigitLower));
        Assert.Equal(Protector.Hash(AuditSamples.PersonA), row.SubjectHash);
    }

    [Fact]
    public void The_subject_hash_depends_on_the_secret_and_on_every_digit()
    {
        var other = new AuditSubjectProtector("another-secret-of-the-same-kind");

        Assert.Equal(Protector.Hash(AuditSamples.PersonA), new AuditSubjectProtector(AuditSamples.SubjectHashKey).Hash(AuditSamples.PersonA));
        Assert.NotEqual(Protector.Hash(AuditSamples.PersonA), other.Hash(AuditSamples.PersonA));
        Assert.NotEqual(Protector.Hash(AuditSamples.PersonA), Protector.Hash("070090001235"));
    }

    [Fact]
    public void A_short_subject_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AuditSubjectProtector("short"));
        Assert.ThrowsAny<ArgumentException>(() => new AuditSubjectProtector(""));
    }

    [Fact]
    public void Long_digit_runs_in_free_text_are_masked()
    {
        var row = Row(AuditSamples.Read("70", AuditSamples.T0) with
        {
            Details = "card HC4797012345678 and id 070090001234, visit 12345678",
            Purpose = "follow-up of 070191005678",
        });

        Assert.Equal("card HC4797*******78 and id 0700******34, visit 12345678", row.Details);
        Assert.Equal("follow-up of 0701******78", row.Purpose);
    }

    [Fact]
    public void Times_are_kept_in_utc_to_the_microsecond_and_a_missing_time_is_now()
    {
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(7)).AddTicks(9);

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero), Row(AuditSamples.Read("70", at)).OccurredAt);
        Assert.Equal(Now, Row(AuditSamples.Read("70", default)).OccurredAt);
        Assert.Equal(
            new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerMicrosecond),
            AuditRules.CeilingToMicroseconds(at));
        Assert.Equal(AuditSamples.T0.ToUniversalTime(), AuditRules.CeilingToMicroseconds(AuditSamples.T0));
    }

    [Fact]
    public void Blank_optional_fields_are_stored_as_absent_and_text_is_trimmed()
    {
        var row = Row(AuditSamples.Read("70", AuditSamples.T0) with { FacilityCode = "  ", SubjectKey = "", ActorId = " key-1 " });

        Assert.Null(row.FacilityCode);
        Assert.Null(row.SubjectMasked);
        Assert.Null(row.SubjectHash);
        Assert.Equal("key-1", row.ActorId);
    }

    public static TheoryData<string, AuditRecord> InvalidEntries()
    {
        var valid = AuditSamples.Read("70", AuditSamples.T0);
        return new TheoryData<string, AuditRecord>
        {
            { "Id", valid with { Id = 7 } },
            { "Action", valid with { Action = "" } },
            { "Action", valid with { Action = "HealthBook.Read" } },
            { "Action", valid with { Action = "read" } },
            { "Action", valid with { Action = "healthbook.read; drop" } },
            { "ActorRole", valid with { ActorRole = "root" } },
            { "ActorId", valid with { ActorId = " " } },
            { "ActorId", valid with { ActorId = new string('k', AuditRules.MaxActorIdLength + 1) } },
            { "Outcome", valid with { Outcome = "" } },
            { "Details", valid with { Details = new string('d', AuditRules.MaxDetailsLength + 1) } },
            { "Details", valid with { Details = "line one\nline two" } },
            { "Purpose", valid with { Purpose = new string('p', AuditRules.MaxPurposeLength + 1) } },
            { "SubjectKey", valid with { SubjectKey = new string('1', AuditRules.MaxSubjectLength + 1) } },
            { "FacilityCode", valid with { FacilityCode = new string('7', AuditRules.MaxCodeLength + 1) } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public void An_entry_breaking_a_rule_is_refused_naming_the_field(string field, AuditRecord entry)
    {
        var error = Assert.Throws<ArgumentException>(() => Row(entry));

        Assert.Contains($"field {field} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_action_code_the_hub_records_is_accepted()
    {
        var codes = typeof(AuditActions).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Contains(AuditActions.DeadLetterReplayed, codes);
        Assert.All(codes, code => Assert.Equal(code, Row(AuditSamples.Read("70", AuditSamples.T0) with { Action = code }).Action));
    }

    [Fact]
    public void A_query_page_must_hold_between_one_and_a_thousand_entries_in_a_known_order()
    {
        AuditRules.Check(new AuditQuery { Limit = 1 });
        AuditRules.Check(new AuditQuery { Limit = AuditQuery.MaxLimit });

        Assert.Throws<ArgumentException>(() => AuditRules.Check(new AuditQuery { Limit = AuditQuery.MaxLimit + 1 }));
        Assert.Throws<ArgumentException>(() => AuditRules.Check(new AuditQuery { Limit = -1 }));
        Assert.Throws<ArgumentException>(() => AuditRules.Check(new AuditQuery { Order = (AuditOrder)5 }));
        Assert.Throws<ArgumentException>(() => AuditRules.Check(new AuditQuery { Actions = [" "] }));
    }
}
