using System.Diagnostics;
using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.LoadTest.Ceilings;

/// <summary>
/// Runs the hub's own dossier pipeline in-process on one thread (<see cref="DossierReader"/>, <see cref="DossierValidator"/>
/// with the configured catalogues, <see cref="DossierSignatureVerifier"/>) over pre-signed dossiers for a while, and measures the
/// CPU and wall time per dossier. Without the reference catalogues the validator is skipped (and the result says so).
/// </summary>
public static class CpuCeilingProbe
{
    public static (long Count, TimeSpan Cpu, TimeSpan Wall, bool Validated, int Problems) Measure(
        IReadOnlyList<byte[]> documents, string? catalogueDirectory, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return (0, TimeSpan.Zero, TimeSpan.Zero, false, 0);
        }

        DossierValidator? validator = null;
        if (catalogueDirectory is not null)
        {
            // The hub's dated rules: the standard, code lists and administrative units of each dossier's days.
            validator = new DossierValidator(new DossierValidationOptions(), ShippedCatalogues.LoadRules(catalogueDirectory));
        }

        var problems = new HashSet<int>();
        var result = (Count: 0L, Cpu: TimeSpan.Zero, Wall: TimeSpan.Zero);
        var thread = new Thread(() =>
        {
            // One warm-up pass (JIT, first-use caches), not measured.
            for (var i = 0; i < Math.Min(documents.Count, 20); i++)
            {
                _ = ProcessOne(documents[i], validator);
            }

            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var count = 0L;
            while (watch.Elapsed < duration)
            {
                var index = (int)(count % documents.Count);
                if (!ProcessOne(documents[index], validator))
                {
                    problems.Add(index);
                }

                count++;
            }

            process.Refresh();
            result = (count, process.TotalProcessorTime - cpuBefore, watch.Elapsed);
        }) { IsBackground = true, Name = "cpu-ceiling" };
        thread.Start();
        thread.Join();
        return (result.Count, result.Cpu, result.Wall, validator is not null, problems.Count);
    }

    private static bool ProcessOne(byte[] document, DossierValidator? validator)
    {
        var verification = DossierSignatureVerifier.Verify(document);
        verification.Certificate?.Dispose();
        var read = DossierReader.ReadDossier(document);
        var clean = verification.IsValid && read.IsClean;
        if (validator is not null && read.Dossier is { } dossier)
        {
            clean &= validator.Validate(dossier, DateTimeOffset.UtcNow).Count == 0;
        }

        return clean;
    }
}
