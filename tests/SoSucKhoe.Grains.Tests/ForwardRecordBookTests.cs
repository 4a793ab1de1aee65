using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SoSucKhoe.Book;
using SoSucKhoe.Grains.Patients;

namespace SoSucKhoe.Grains.Tests;

/// <summary>How a dossier version keeps its book projection: as bytes since round 7, as an object graph before.</summary>
public sealed class ForwardRecordBookTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    private static Serializer<BookProjection> NewSerializer() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<BookProjection>>();

    private static BookVisit Visit(BookReExam? reExam) => new(
        "70001", "LK-1", 1, "hash", Arrival, Arrival.AddHours(2), "01", "Ho", new BookDiagnosis("J06.9", "Nhiễm trùng hô hấp trên"),
        [], [], "1", "1", null, 12.5m, [], [], [], [], null, null, null, reExam, null, null, null, null, null, null);

    private static BookAdministrativeUpdate Administrative() => new(
        "70001:LK-1", Arrival, "Nguyễn Văn A", "20000101", "1", "01", "000", null, null, null, null, null, null, null, []);

    [Fact]
    public void A_projection_stored_as_bytes_reads_back_equal()
    {
        var serializer = NewSerializer();
        var reExam = new BookReExam([Arrival.AddDays(7)], "70002", "H-9", null, "XML14");
        var projection = new BookProjection(Visit(reExam), Administrative());
        var record = new ForwardRecord { Version = 1, Book = serializer.SerializeToArray(projection), ReExam = reExam };

        var read = record.ReadBook(serializer);

        Assert.NotNull(read);
        Assert.Equal(projection.Visit!.MainDiagnosis, read.Visit!.MainDiagnosis);
        Assert.Equal(projection.Visit.WeightKg, read.Visit.WeightKg);
        Assert.Equal(projection.Administrative!.FullName, read.Administrative!.FullName);
        Assert.Equal(projection.Administrative.AsOf, read.Administrative.AsOf);
        Assert.Equal("70002", record.BookReExam!.FacilityCode);
        Assert.Null(record.Visit);
    }

    [Fact]
    public void A_version_accepted_before_the_bytes_existed_still_reads_from_its_object_graph()
    {
        var reExam = new BookReExam([Arrival.AddDays(7)], "70003", null, null, "XML1");
        var visit = Visit(reExam);
        var administrative = Administrative();
        var legacy = new ForwardRecord { Version = 1, Visit = visit, Administrative = administrative };

        var read = legacy.ReadBook(NewSerializer());

        Assert.Same(visit, read!.Visit);
        Assert.Same(administrative, read.Administrative);
        Assert.Equal("70003", legacy.BookReExam!.FacilityCode);
    }

    [Fact]
    public void A_check_in_record_has_no_book()
    {
        var checkIn = new ForwardRecord { Version = 1 };

        Assert.Null(checkIn.ReadBook(NewSerializer()));
        Assert.Null(checkIn.BookReExam);
    }
}
