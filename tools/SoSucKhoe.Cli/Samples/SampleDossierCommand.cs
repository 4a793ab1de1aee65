using System.Globalization;

namespace SoSucKhoe.Cli.Samples;

/// <summary><c>sample-dossier</c>: valid signed GIAMDINHHS dossiers of synthetic episodes that the hub accepts for the facility.</summary>
public sealed class SampleDossierCommand : ICliCommand
{
    private static readonly string[] Valued = [.. SampleOptions.Valued, "--count"];
    private static readonly string[] Switches = ["--unsigned"];

    /// <inheritdoc />
    public string Name => "sample-dossier";

    /// <inheritdoc />
    public string Summary => "valid signed sample dossiers (QĐ 130/4750) of synthetic episodes";

    /// <inheritdoc />
    public string Usage => $$"""
        usage: {{CliApp.Name}} sample-dossier --facility CODE --key signer.key --cert signer.crt --out dossier.xml
                 [--count N] [--seed N] [--visit-type NN] [--ma-lk TEXT] [--arrival TIME] [--unsigned]

        Writes the GIAMDINHHS dossier of a finished synthetic episode (tables XML1 … XML15 as the visit type needs them), signed
        in CHUKYDONVI with the facility's key as the hub expects (enveloped XML-DSig, RSA-SHA256, SHA-256, Reference URI="",
        the certificate in KeyInfo). Each dossier is read, validated and verified with the hub's own rules before it is written.
        Send it with: {{CliApp.Name}} call Intake/SubmitDossier '{}' --file document=dossier.xml

        {{SampleOptions.Help.TrimEnd()}}
          --count N           write N dossiers with distinct MA_LK and patients, 1-100 (default 1): dossier-1.xml …
                              dossier-N.xml from --out dossier.xml (the hub needs 5 clean conformance dossiers)

        """;

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var options = CommandOptions.Parse(args, Valued, Switches);
        options.AtMostPositionals(0);
        var now = DateTimeOffset.UtcNow;
        var facility = SampleOptions.Facility(options);
        var output = options.Required("--out");
        var count = options.Number("--count", 1, 1, 100);
        var visitType = SampleOptions.VisitType(options);
        var seed = SampleOptions.Seed(options);
        var arrival = SampleOptions.Arrival(options, now);
        var maLks = Enumerable.Range(1, count).Select(i => SampleOptions.MaLk(options, i, count)).ToList();
        using var signer = SampleOptions.Signer(options);

        for (var index = 1; index <= count; index++)
        {
            // Several dossiers of one run start ten minutes apart, as patients at a desk do.
            var builder = SampleEpisodes.Builder(facility, seed, index, visitType, arrival.AddMinutes(10 * (index - 1)), maLks[index - 1], signer);
            var dossier = builder.BuildDossier();
            if (dossier.Summary.Discharge > now || dossier.Summary.Payment > now)
            {
                throw new UsageException("the episode would end in the future: give an earlier --arrival.");
            }

            SampleValidation.CheckDossier(dossier.Payload, signer, now);
            var path = count == 1 ? output : Numbered(output, index);
            SigningFiles.WriteBytes(path, dossier.Payload);
            context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: MA_LK {dossier.MaLk}, visit type {visitType}, arrival {dossier.Summary.Arrival:yyyy-MM-dd HH:mm} (+07), {(signer is null ? "unsigned" : "signed")}"));
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>dossier.xml → dossier-3.xml.</summary>
    public static string Numbered(string path, int index)
    {
        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        var name = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(path)}-{index}{Path.GetExtension(path)}");
        return folder.Length == 0 ? name : Path.Combine(folder, name);
    }
}
