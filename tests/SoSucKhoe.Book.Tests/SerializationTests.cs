using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace SoSucKhoe.Book.Tests;

/// <summary>The book's records travel between grains and are kept in grain state: they must round-trip through Orleans' serializer.</summary>
public sealed class SerializationTests
{
    [Fact]
    public void A_health_book_and_its_entries_round_trip_through_the_orleans_serializer()
    {
        var entries = new[]
        {
            Samples.Entry(Samples.Generate(VisitTypes.Inpatient, Samples.At(2025, 3, 1), new DossierOptions { DrugRows = 2, ServiceRows = 20, LabResults = true, ReExamBooked = true, SickLeave = true, DischargeType = 2 }, sequence: 71), 1, Samples.At(2025, 3, 9), icd: ReferenceData.Icd10),
            Samples.Entry(Samples.Generate(VisitTypes.OutpatientExam, Samples.At(2025, 4, 1), facility: 1, sequence: 72), 1, Samples.At(2025, 4, 2), cancelled: true),
        };
        var book = HealthBookBuilder.Build(entries, new DateOnly(2025, 3, 15));
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var bookCopy = serializer.Deserialize<HealthBookView>(serializer.SerializeToArray(book));
        var entryCopy = serializer.Deserialize<BookEntry>(serializer.SerializeToArray(entries[0]));

        Assert.Equal(JsonSerializer.Serialize(book), JsonSerializer.Serialize(bookCopy));
        Assert.Equal(JsonSerializer.Serialize(entries[0]), JsonSerializer.Serialize(entryCopy));
        Assert.NotNull(bookCopy!.Visits[0].SickLeave);
        Assert.Equal(1, bookCopy!.CancelledCount);
    }
}
