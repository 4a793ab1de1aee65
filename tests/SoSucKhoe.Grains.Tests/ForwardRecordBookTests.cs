using SoSucKhoe.Book;
using SoSucKhoe.Grains.Patients;

namespace SoSucKhoe.Grains.Tests;

/// <summary>How a dossier version keeps its book projection: the bytes the intake encoded, and the re-exam booking beside them.</summary>
public sealed class ForwardRecordBookTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    private static BookVisit Visit(BookReExam? reExam) => new(
        "70001", "LK-1", 1, "hash", Arrival, Arrival.AddHours(2), "01", "Ho", new BookDiagnosis("J06.9", "Nhiễm trùng hô hấp trên"),
        [], [], "1", "1", null, 12.5m, [], [], [], [], null, null, null, reExam, null, null, null, null, null, null);

    private static BookAdministrativeUpdate Administrative() => new(
        "70001:LK-1", Arrival, "Nguyễn Văn A", "20000101", "1", "01", "000", null, null, null, null, null, null, null, []);

    [Fact]
    public void A_projection_stored_as_bytes_reads_back_equal()
    {
        var reExam = new BookReExam([Arrival.AddDays(7)], "70002", "H-9", null, "XML14");
        var projection = new BookProjection(Visit(reExam), Administrative());
        var record = new ForwardRecord { Version = 1, Book = BookProjectionCodec.Encode(projection), ReExam = ReExamBooking.Of(reExam) };

        var read = BookProjectionCodec.Decode(record.Book);

        Assert.NotNull(read);
        Assert.Equal(projection.Visit!.MainDiagnosis, read.Visit!.MainDiagnosis);
        Assert.Equal(projection.Visit.WeightKg, read.Visit.WeightKg);
        Assert.Equal(projection.Administrative!.FullName, read.Administrative!.FullName);
        Assert.Equal(projection.Administrative.AsOf, read.Administrative.AsOf);
        Assert.Equal("70002", record.ReExam!.FacilityCode);
    }

    [Fact]
    public void A_check_in_record_has_no_book()
    {
        var checkIn = new ForwardRecord { Version = 1 };

        Assert.Null(checkIn.Book);
        Assert.Null(checkIn.ReExam);
    }
}
