using System.Diagnostics;
using Xunit.Abstractions;

namespace SoSucKhoe.Book.Tests;

/// <summary>
/// What the stored form of the book projection costs: its size, and the time to encode it (at intake, once per dossier version)
/// and to decode it (when a book is read), over twenty generated dossiers of every visit type. Run:
/// dotnet test tests/SoSucKhoe.Book.Tests -c Release --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class BookCodecBenchmark(ITestOutputHelper output)
{
    private const int Warmup = 200;
    private const int Rounds = 100;

    [Fact]
    public void Size_and_time_of_the_stored_book_projection()
    {
        var projections = VisitTypes.All
            .SelectMany((type, t) => Enumerable.Range(0, 20).Select(i =>
                Samples.Generate(type, Samples.At(2025, 3, 1).AddHours(i), facility: i % 10, sequence: (t * 20) + i + 1)))
            .Select(generated =>
            {
                var dossier = Samples.Read(generated);
                return new BookProjection(BookProjector.ProjectVisit(dossier, Samples.Hash(generated), 0, ReferenceData.Icd10),
                    BookProjector.ProjectAdministrative(dossier, $"{generated.FacilityCode}:{generated.MaLk}", Samples.At(2025, 3, 1)));
            })
            .ToList();
        var encoded = projections.Select(BookProjectionCodec.Encode).ToList();

        var encode = Time(() => projections.ForEach(p => BookProjectionCodec.Encode(p)));
        var decode = Time(() => encoded.ForEach(e => BookProjectionCodec.Decode(e)));

        Assert.All(encoded.Zip(projections), pair => Assert.Equal(pair.Second.Visit!.MaLk, BookProjectionCodec.Decode(pair.First).Visit!.MaLk));
        output.WriteLine($"{projections.Count} projections: mean {encoded.Average(e => e.Length):F0} bytes (min {encoded.Min(e => e.Length)}, " +
            $"max {encoded.Max(e => e.Length)}); encode {encode / projections.Count:F1} µs, decode {decode / projections.Count:F1} µs");
    }

    private static double Time(Action round)
    {
        for (var i = 0; i < Warmup; i++)
        {
            round();
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            round();
        }

        return clock.Elapsed.TotalMicroseconds / Rounds;
    }
}
