using System.Diagnostics;

namespace SoSucKhoe.Logging.Tests;

public sealed class PerformanceTests
{
    private static readonly string[] TypicalLines =
    [
        "[08:30:12 INF] SoSucKhoe.Grains.Patients.PatientGrain: Dossier accepted for person 0701******89 from 70001: version 2, encounter 7",
        "[08:30:12 INF] SoSucKhoe.Grains.Gateway.GatewayClient: 130 for 70001 acknowledged: maGiaoDich 9f86d081884c7d659a2feaa0c55ad015, 1 attempt(s), 35 ms, standard 4750",
        "{\"@t\":\"2025-01-15T01:30:12.1234567Z\",\"@mt\":\"Check-in for person {Person} at {Facility}\",\"Person\":\"070123456789\",\"Facility\":\"70001\",\"SourceContext\":\"SoSucKhoe.Grains.Patients.PatientGrain\"}",
        "[08:30:13 WRN] Orleans.Runtime.GrainTimer: Grain sosuckhoe.patient/070123456789 activation [S127.0.0.1:11111:123456789] slow: 1200 ms",
        "[08:30:13 INF] Microsoft.AspNetCore.Hosting.Diagnostics: Request finished HTTP/2 POST http://127.0.0.1:5080/sosuckhoe.v1.Intake/SubmitDossier - 200 - application/grpc 12.3456ms",
        "[08:30:14 ERR] SoSucKhoe.Api.Intake.DossierIntake: Dossier refused at 70001: MA_THE_BHYT DN4701234567845 does not match SO_CCCD 070123456789",
        "[08:30:14 INF] SoSucKhoe.Grains.Interop.ForwarderGrain: Forwarded 25 dossiers of 70001 (LK2025000123 .. LK2025000147), trace 4bf92f3577b34da6a3ce929d0e0e4736",
        "[08:30:15 DBG] SoSucKhoe.Grains.Identity.IdentityLinkGrain: Linked bhyt:7012345678 and passport:B1234567 to person key legacy:285123456",
    ];

    [Fact]
    public void Masking_10000_typical_log_lines_takes_well_under_a_second()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => TypicalLines[i % TypicalLines.Length] + " #" + i).ToArray();
        foreach (var line in TypicalLines)
        {
            _ = PersonalDataMasker.Mask(line);
        }

        var masked = 0;
        var stopwatch = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            if (!ReferenceEquals(PersonalDataMasker.Mask(line), line))
            {
                masked++;
            }
        }

        stopwatch.Stop();
        Assert.Equal(5_000, masked);
        Assert.True(stopwatch.ElapsedMilliseconds < 500, $"Masking 10,000 lines took {stopwatch.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public void Logging_10000_events_through_enricher_and_masking_formatter_stays_within_a_small_budget()
    {
        // Steady state is about 15 µs per event including JSON formatting; the budget leaves room for a loaded 2-core build machine.
        var (logger, sink) = TestLoggers.WithJson();
        using (logger)
        {
            for (var i = 0; i < 5_000; i++)
            {
                LogOne(logger, i);
            }

            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < 10_000; i++)
            {
                LogOne(logger, i);
            }

            stopwatch.Stop();
            Assert.True(stopwatch.ElapsedMilliseconds < 2_000, $"Logging 10,000 events took {stopwatch.ElapsedMilliseconds} ms.");
        }

        Assert.Equal(15_000, sink.Lines.Count);
        Assert.DoesNotContain("070123456789", sink.Text, StringComparison.Ordinal);
    }

    private static void LogOne(Serilog.ILogger logger, int i)
    {
        if (i % 2 == 0)
        {
            logger.Information("Dossier accepted for person {Person} from {Facility}: version {Version}, encounter {Sequence}",
                "070123456789", "70001", 2, i);
        }
        else
        {
            logger.Information("Forwarded {Count} dossiers of {Facility} as {MaLk}", i, "70001", "LK2025000123");
        }
    }
}
