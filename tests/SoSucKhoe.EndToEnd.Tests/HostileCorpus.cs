using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The hostile-input corpus: malicious and malformed requests built from valid generated documents (so each differs from an
/// accepted document by exactly the hostile part) and from hand-crafted bytes. Every entry names the status and the rule the
/// hub owes. The corpus is built once; large payloads are built on demand and never kept.
/// </summary>
public static partial class HostileCorpus
{
    /// <summary>The facility every hostile request is sent as (registered by the tests; used by nothing else).</summary>
    public const string HomeFacility = "70877";

    /// <summary>Another registered facility, whose data the home facility must not be able to send.</summary>
    public const string OtherFacility = "70878";

    /// <summary>The facility of the control dossier that proves the corpus' base documents are acceptable.</summary>
    public const string ControlFacility = "70879";

    private const int MiB = 1024 * 1024;

    private static readonly DateTimeOffset Arrival = new(2025, 3, 3, 9, 41, 0, TimeSpan.FromHours(7));
    private static readonly Lazy<Generator> s_generator = new(() => new Generator());
    private static readonly Lazy<IReadOnlyList<HostileCase>> s_cases = new(BuildAll);

    public static IReadOnlyList<HostileCase> Cases => s_cases.Value;

    public static HostileCase Get(string name) => Cases.Single(c => c.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    /// <summary>A valid dossier built exactly like the corpus' base documents, from <see cref="ControlFacility"/>.</summary>
    public static GeneratedDossier ControlDossier() =>
        s_generator.Value.Factory.Create(s_generator.Value.Citizen(insured: true), s_generator.Value.Facility(ControlFacility), "01", Arrival);

    private static Generator Gen => s_generator.Value;

    private static IReadOnlyList<HostileCase> BuildAll()
    {
        var corpus = new Builder();
        AddDtdCases(corpus);
        AddLimitCases(corpus);
        AddEncodingCases(corpus);
        AddBase64Cases(corpus);
        AddTruncationCases(corpus);
        AddTableCases(corpus);
        AddIdentifierCases(corpus);
        AddDateAndDiagnosisCases(corpus);
        AddCheckInCases(corpus);
        AddRegressionCases(corpus);
        AddSignatureCases(corpus);
        return corpus.Cases;
    }

    private static ExpectedViolation V(string field, string rule) => new(field, rule);

    /// <summary>A fresh valid episode of the home facility (its own citizen and MA_LK).</summary>
    private static GeneratedEpisode Episode(string visitType = "01", DossierOptions? options = null, bool insured = true) =>
        Gen.Factory.CreateEpisode(Gen.Citizen(insured), Gen.Facility(HomeFacility), visitType, Arrival, options);

    private static GeneratedDossier Dossier(string visitType = "01", DossierOptions? options = null, bool insured = true) =>
        Episode(visitType, options, insured).Dossier;

    /// <summary>A valid check-in request of a fresh episode, with its signed XML0 document.</summary>
    private static (CheckInRequest Request, GeneratedCheckIn Document) CheckInOf(GeneratedEpisode episode) =>
        (new CheckInRequest
        {
            FacilityCode = HomeFacility,
            MaLk = episode.CheckIn.MaLk,
            Patient = new PatientIdentity { PersonalId = episode.CheckIn.Citizen.PersonalId, InsuranceCard = episode.CheckIn.Citizen.Card?.Number ?? string.Empty },
            VisitType = episode.CheckIn.VisitType,
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
            CheckInDocument = ByteString.CopyFrom(episode.CheckIn.Payload),
        }, episode.CheckIn);

    /// <summary>The seeded sources of the corpus' valid documents.</summary>
    private sealed class Generator
    {
        private readonly ProvinceGenerator _province = new(seed: 8128, new ProvinceOptions { FacilityCount = 3, CitizenCount = 5_000 });
        private int _next;

        public DossierFactory Factory { get; } = new(seed: 8128);

        public SyntheticFacility Facility(string code) => _province.Facilities()[0] with { Code = code };

        /// <summary>The next citizen born before the year of the episodes, with a complete birth date (and a card when <paramref name="insured"/>).</summary>
        public SyntheticCitizen Citizen(bool insured)
        {
            while (true)
            {
                var citizen = _province.CitizenAt(Interlocked.Increment(ref _next));
                if (citizen.BirthDate.IsComplete && citizen.BirthDate.Year < Arrival.Year && citizen.Sex != Sex.Undetermined && (!insured || citizen.IsInsured))
                {
                    return citizen;
                }
            }
        }
    }

    /// <summary>Collects the cases; small payloads are built once and kept, large ones are built per request.</summary>
    private sealed class Builder
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public List<HostileCase> Cases { get; } = [];

        public void Submit(string name, Func<byte[]> document, params ExpectedViolation[] expected) =>
            Submit(name, document, exact: true, maLk: null, expected);

        public void Submit(string name, Func<byte[]> document, bool exact, string? maLk, params ExpectedViolation[] expected)
        {
            var bytes = new Lazy<byte[]>(document);
            Add(new HostileCase(name, HostileTarget.SubmitDossier, () => SubmitRequest(bytes.Value),
                StatusCode.InvalidArgument, expected, exact, maLk));
        }

        /// <summary>A document refused with a status other than INVALID_ARGUMENT.</summary>
        public void SubmitRefused(string name, Func<byte[]> document, StatusCode status, string? maLk = null)
        {
            var bytes = new Lazy<byte[]>(document);
            Add(new HostileCase(name, HostileTarget.SubmitDossier, () => SubmitRequest(bytes.Value), status, [], Exact: true, maLk));
        }

        /// <summary>A large document, rebuilt per request and framed by hand (see <see cref="HostileWireRequest"/>).</summary>
        public void SubmitLarge(string name, Func<byte[]> document, StatusCode status, params ExpectedViolation[] expected) =>
            Add(new HostileCase(name, HostileTarget.SubmitDossier,
                () => HostileWireRequest.Of(HostileWireRequest.SubmitDossier, SubmitRequest(document())), status, expected, Exact: true, MaLk: null));

        public void CheckIn(string name, Func<CheckInRequest> request, bool exact, params ExpectedViolation[] expected)
        {
            var built = new Lazy<CheckInRequest>(request);
            Add(new HostileCase(name, HostileTarget.CheckIn, () => built.Value, StatusCode.InvalidArgument, expected, exact, null));
        }

        public void CheckInRefused(string name, Func<CheckInRequest> request, StatusCode status)
        {
            var built = new Lazy<CheckInRequest>(request);
            Add(new HostileCase(name, HostileTarget.CheckIn, () => built.Value, status, [], Exact: true, null));
        }

        /// <summary>A large check-in, rebuilt per request and framed by hand.</summary>
        public void CheckInLarge(string name, Func<CheckInRequest> request, StatusCode status, params ExpectedViolation[] expected) =>
            Add(new HostileCase(name, HostileTarget.CheckIn,
                () => HostileWireRequest.Of(HostileWireRequest.CheckIn, request()), status, expected, Exact: true, MaLk: null));

        /// <summary>A hand-framed call (kept once built: wire cases are small).</summary>
        public void Wire(string name, Func<HostileWireRequest> request, StatusCode status, params ExpectedViolation[] expected)
        {
            var built = new Lazy<HostileWireRequest>(request);
            Add(new HostileCase(name, HostileTarget.SubmitDossier, () => built.Value, status, expected, Exact: true, MaLk: null));
        }

        private static SubmitDossierRequest SubmitRequest(byte[] document) =>
            new() { Document = UnsafeByteOperations.UnsafeWrap(document) };

        private void Add(HostileCase c)
        {
            if (!_names.Add(c.Name))
            {
                throw new InvalidOperationException($"Two corpus entries are named {c.Name}.");
            }

            Cases.Add(c);
        }
    }
}
