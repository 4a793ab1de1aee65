using System.Text.Json;

namespace SoSucKhoe.Book.Tests;

/// <summary>
/// The book's records cross grain boundaries and are kept in grain state only as an encoded projection: it must round-trip
/// through the book codec, and the book built from the decoded entries must be the same.
/// </summary>
public sealed class SerializationTests
{
    [Fact]
    public void A_health_book_and_its_entries_round_trip_through_the_book_codec()
    {
        var entries = new[]
        {
            Samples.Entry(Samples.Generate(VisitTypes.Inpatient, Samples.At(2025, 3, 1), new DossierOptions { DrugRows = 2, ServiceRows = 20, LabResults = true, ReExamBooked = true, SickLeave = true, DischargeType = 2 }, sequence: 71), 1, Samples.At(2025, 3, 9), icd: ReferenceData.Icd10),
            Samples.Entry(Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 4, 1), facility: 1, sequence: 72), 1, Samples.At(2025, 4, 2), cancelled: true),
        };
        var book = HealthBookBuilder.Build(entries, new DateOnly(2025, 3, 15));

        var decoded = entries
            .Select(e => BookProjectionCodec.Decode(BookProjectionCodec.Encode(new BookProjection(e.Visit, e.Admin)))
                .ToEntry(e.Visit.Version, e.Cancelled, e.AcceptedAt)!)
            .ToArray();
        var bookCopy = HealthBookBuilder.Build(decoded, new DateOnly(2025, 3, 15));

        Assert.Equal(JsonSerializer.Serialize(book), JsonSerializer.Serialize(bookCopy));
        Assert.Equal(JsonSerializer.Serialize(entries[0]), JsonSerializer.Serialize(decoded[0]));
        Assert.NotNull(bookCopy.Visits[0].SickLeave);
        Assert.Equal(1, bookCopy.CancelledCount);
    }
}
