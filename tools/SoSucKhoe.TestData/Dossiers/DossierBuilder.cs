using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.TestData;

/// <summary>
/// Builds one episode: the dossier (GIAMDINHHS with its tables) and the XML0 check-in, both from the same
/// planned episode. The plan is made once, on first use, from the per-episode seed.
/// </summary>
public sealed class DossierBuilder
{
    private readonly int _episodeSeed;
    private readonly long _sequence;
    private readonly SyntheticCitizen _citizen;
    private readonly SyntheticFacility _facility;
    private readonly string _visitType;
    private readonly DateTimeOffset _arrival;
    private DossierOptions _options;
    private Episode? _episode;

    internal DossierBuilder(int episodeSeed, long sequence, SyntheticCitizen citizen, SyntheticFacility facility, string visitType, DateTimeOffset arrival, DossierOptions options)
    {
        _episodeSeed = episodeSeed;
        _sequence = sequence;
        _citizen = citizen;
        _facility = facility;
        _visitType = visitType;
        _arrival = arrival;
        _options = options;
    }

    public long Sequence => _sequence;

    /// <summary>Replaces the options (only before anything was built).</summary>
    public DossierBuilder WithOptions(Func<DossierOptions, DossierOptions> change)
    {
        if (_episode is not null)
        {
            throw new InvalidOperationException("The episode was already built.");
        }

        _options = change(_options);
        return this;
    }

    /// <summary>The GIAMDINHHS dossier.</summary>
    public GeneratedDossier BuildDossier()
    {
        var e = Episode();
        var tables = DossierTableWriters.WriteAll(e);
        var header = new EnvelopeHeader(_facility.Code, QdFormat.Date8(e.SettlementTime), "1");
        var unsigned = DossierEnvelope.Compose(header, tables);
        var certificate = Certificate();
        return new GeneratedDossier
        {
            MaLk = e.MaLk,
            FacilityCode = _facility.Code,
            Citizen = _citizen,
            VisitType = _visitType,
            Header = header,
            Unsigned = unsigned,
            Signed = certificate is null ? [] : DossierSigner.Sign(unsigned, certificate),
            Tables = tables,
            Summary = Summarize(e),
            SigningCertificate = certificate,
            Standard = e.Standard.Id,
        };
    }

    /// <summary>The XML0 check-in (CHI_TIEU_TRANG_THAI_KCB) for the first chargeable item of the episode.</summary>
    public GeneratedCheckIn BuildCheckIn()
    {
        var e = Episode();
        var unsigned = CheckInWriter.Write(e);
        var certificate = Certificate();
        return new GeneratedCheckIn
        {
            MaLk = e.MaLk,
            FacilityCode = _facility.Code,
            Citizen = _citizen,
            VisitType = _visitType,
            Unsigned = unsigned,
            Signed = certificate is null ? [] : DossierSigner.Sign(unsigned, certificate),
            SigningCertificate = certificate,
            Standard = e.CheckInStandard.Id,
        };
    }

    /// <summary>Both documents of the episode.</summary>
    public GeneratedEpisode Build() => new(BuildDossier(), BuildCheckIn());

    private X509Certificate2? Certificate() =>
        _options.Sign ? _options.SigningCertificate ?? FacilityCertificates.For(_facility) : null;

    private Episode Episode() =>
        _episode ??= EpisodePlanner.Plan(_episodeSeed, _sequence, _citizen, _facility, _visitType, _arrival, _options);

    private static EpisodeSummary Summarize(Episode e) => new(
        e.Sequence,
        e.Arrival,
        e.InpatientAdmission,
        e.Discharge,
        e.Payment,
        e.TreatmentDays,
        e.DischargeType,
        e.TreatmentResult,
        e.MainDiagnosis,
        e.SecondaryDiagnoses,
        e.Drugs.Count,
        e.Services.Count,
        e.LabResults.Count,
        e.TotalHospital,
        e.TotalInsurancePays,
        e.TotalPatientPays,
        e.ReExamDate,
        e.SickLeave?.Days,
        e.ReferralDestination);
}
