using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.TestData;

namespace SoSucKhoe.Cli.Samples;

/// <summary>The options the sample commands share, read and checked.</summary>
public static class SampleOptions
{
    /// <summary>Vietnam's offset: dossiers carry local times.</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    /// <summary>The options that take a value, common to the sample commands.</summary>
    public static readonly string[] Valued = ["--facility", "--key", "--cert", "--out", "--ma-lk", "--visit-type", "--seed", "--arrival"];

    /// <summary>The help lines of those options.</summary>
    public const string Help = """
          --facility CODE     MA_CSKCB of the facility, e.g. 70001
          --key PATH          the facility's private key (PEM, e.g. from make-cert)
          --cert PATH         its certificate (PEM): the one registered with Facilities/AddSigningCertificate
          --out PATH          where to write the document
          --ma-lk TEXT        the episode key MA_LK (default: facility code, arrival time and a number from the seed)
          --visit-type NN     MA_LOAI_KCB, 01-10 (default 01, outpatient examination)
          --seed N            which synthetic patient and episode (default 1): the same seed gives the same episode
          --arrival TIME      NGAY_VAO, Vietnam time: yyyy-MM-dd (at 08:00) or yyyy-MM-ddTHH:mm, in the past
                              (default: 30 days ago at 08:00)
          --unsigned          leave CHUKYDONVI empty (to sign with another tool); --key and --cert are then not needed
        """;

    /// <summary>The facility code of <c>--facility</c>.</summary>
    public static string Facility(CommandOptions options)
    {
        var text = options.Required("--facility");
        return FacilityCode.TryParse(text, out var code, out var reason) && code.Value == text
            ? code.Value
            : throw new UsageException($"--facility '{text}': {reason ?? "no surrounding spaces, please"}");
    }

    /// <summary>The visit type of <c>--visit-type</c> (default 01).</summary>
    public static string VisitType(CommandOptions options)
    {
        var visitType = options.Value("--visit-type") ?? VisitTypes.OutpatientExam;
        return VisitTypes.All.Contains(visitType)
            ? visitType
            : throw new UsageException($"--visit-type must be one of {string.Join(", ", VisitTypes.All)}, not '{visitType}'.");
    }

    /// <summary>The seed of <c>--seed</c> (default 1).</summary>
    public static int Seed(CommandOptions options) => options.Number("--seed", 1, 0, int.MaxValue);

    /// <summary>The arrival of <c>--arrival</c>, or 30 days ago at 08:00 Vietnam time.</summary>
    public static DateTimeOffset Arrival(CommandOptions options, DateTimeOffset now)
    {
        var text = options.Value("--arrival");
        if (text is null)
        {
            var today = now.ToOffset(LocalOffset).Date;
            return new DateTimeOffset(today.AddDays(-30).AddHours(8), LocalOffset);
        }

        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new UsageException($"--arrival must be yyyy-MM-dd or yyyy-MM-ddTHH:mm (Vietnam time), not '{text}'.");
        }

        // A date alone means the start of the morning clinic.
        var arrival = new DateTimeOffset(text.Length == 10 ? local.AddHours(8) : local, LocalOffset);
        return arrival < now
            ? arrival
            : throw new UsageException("--arrival must be in the past: the hub accepts dossiers of finished episodes only.");
    }

    /// <summary>The MA_LK of <c>--ma-lk</c> for the <paramref name="index"/>-th of <paramref name="count"/> documents, or null.</summary>
    public static string? MaLk(CommandOptions options, int index, int count)
    {
        var text = options.Value("--ma-lk");
        if (text is null)
        {
            return null;
        }

        var maLk = count == 1 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}-{index}");
        return maLk.Length is > 0 and <= 100 && !maLk.Any(char.IsControl) && !string.IsNullOrWhiteSpace(maLk)
            ? maLk
            : throw new UsageException("--ma-lk must be 1 to 100 printable characters (with the -N suffix that --count adds).");
    }

    /// <summary>The signing certificate of <c>--key</c> and <c>--cert</c>, or null with <c>--unsigned</c>.</summary>
    public static X509Certificate2? Signer(CommandOptions options)
    {
        if (options.Flag("--unsigned"))
        {
            return null;
        }

        var key = options.Value("--key");
        var certificate = options.Value("--cert");
        if (key is null || certificate is null)
        {
            throw new UsageException("--key and --cert are required to sign (or pass --unsigned).");
        }

        return SigningFiles.Load(certificate, key);
    }
}
