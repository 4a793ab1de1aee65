using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.Cli.Samples;

/// <summary>
/// <c>sample-check-in</c>: the signed XML0 check-in document (CHI_TIEU_TRANG_THAI_KCB) of a synthetic episode, and on standard
/// output the Intake.CheckIn request that goes with it.
/// </summary>
public sealed class SampleCheckInCommand : ICliCommand
{
    private static readonly string[] Switches = ["--unsigned"];

    /// <inheritdoc />
    public string Name => "sample-check-in";

    /// <inheritdoc />
    public string Summary => "a signed XML0 check-in document, and the CheckIn request for it";

    /// <inheritdoc />
    public string Usage => $$"""
        usage: {{CliApp.Name}} sample-check-in --facility CODE --key signer.key --cert signer.crt --out check-in.xml
                 [--seed N] [--visit-type NN] [--ma-lk TEXT] [--arrival TIME] [--unsigned]

        Writes the XML0 check-in document (CHI_TIEU_TRANG_THAI_KCB) of a synthetic episode, signed in CHUKYDONVI like a dossier
        (the hub refuses an unsigned one), and prints the matching Intake.CheckIn request as JSON (facility, MA_LK, patient,
        visit type, arrival). With the same options, sample-dossier writes the dossier of the same episode. Send it with:
          {{CliApp.Name}} call Intake/CheckIn "$({{CliApp.Name}} sample-check-in … --out check-in.xml)" --file checkInDocument=check-in.xml

        {{SampleOptions.Help.TrimEnd()}}

        """;

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var options = CommandOptions.Parse(args, SampleOptions.Valued, Switches);
        options.AtMostPositionals(0);
        var now = DateTimeOffset.UtcNow;
        var facility = SampleOptions.Facility(options);
        var output = options.Required("--out");
        var visitType = SampleOptions.VisitType(options);
        var seed = SampleOptions.Seed(options);
        var arrival = SampleOptions.Arrival(options, now);
        var maLk = SampleOptions.MaLk(options, 1, 1);
        using var signer = SampleOptions.Signer(options);

        var episode = SampleEpisodes.Builder(facility, seed, 1, visitType, arrival, maLk, signer).Build();
        var checkIn = episode.CheckIn;
        SampleValidation.CheckCheckIn(checkIn.Payload, facility, signer, now);
        SigningFiles.WriteBytes(output, checkIn.Payload);

        var request = new CheckInRequest
        {
            FacilityCode = facility,
            MaLk = checkIn.MaLk,
            Patient = new PatientIdentity
            {
                PersonalId = checkIn.Citizen.PersonalId,
                InsuranceCard = checkIn.Citizen.Card?.Number ?? string.Empty,
            },
            VisitType = visitType,
            ArrivalTime = Timestamp.FromDateTimeOffset(episode.Dossier.Summary.Arrival),
        };
        context.Console.Out.WriteLine(JsonFormatter.Default.Format(request));
        context.Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output}: XML0 of MA_LK {checkIn.MaLk}, arrival {episode.Dossier.Summary.Arrival:yyyy-MM-dd HH:mm} (+07), {(signer is null ? "unsigned" : "signed")}"));
        return Task.FromResult(ExitCodes.Ok);
    }
}
