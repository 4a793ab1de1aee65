using SoSucKhoe.Dossiers;
using static SoSucKhoe.EndToEnd.Tests.HostileDocuments;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>Hostile inputs the first corpus run found the hub mishandling, kept as regressions once fixed.</summary>
public static partial class HostileCorpus
{
    private static void AddRegressionCases(Builder corpus)
    {
        var twoFacilities = Dossier();
        corpus.Submit("regression/two MACSKCB, another facility's first", () =>
            Replace(twoFacilities.Payload, $"<MACSKCB>{HomeFacility}</MACSKCB>", $"<MACSKCB>{OtherFacility}</MACSKCB><MACSKCB>{HomeFacility}</MACSKCB>"),
            false, twoFacilities.MaLk, V("ENVELOPE.MACSKCB", ViolationRules.EnvelopeStructure));

        var twoSections = Dossier();
        corpus.Submit("regression/a second THONGTINDONVI naming another facility", () =>
            Replace(twoSections.Payload, "<THONGTINHOSO>", $"<THONGTINDONVI><MACSKCB>{OtherFacility}</MACSKCB></THONGTINDONVI><THONGTINHOSO>"),
            false, twoSections.MaLk, V("ENVELOPE.THONGTINDONVI", ViolationRules.EnvelopeStructure));

        Mutated(corpus, "regression/SOLUONGHOSO overflows a 32-bit count", d => d.Mutate().WithEnvelope(soLuongHoSo: "99999999999999999999"),
            false, [V("ENVELOPE.SOLUONGHOSO", ViolationRules.CountMismatch)]);

        var namespaced = Dossier();
        corpus.Submit("regression/the envelope root in a foreign namespace", () =>
            Replace(Replace(namespaced.Payload, "<GIAMDINHHS", "<e:GIAMDINHHS xmlns:e=\"urn:evil\""), "</GIAMDINHHS>", "</e:GIAMDINHHS>"),
            false, namespaced.MaLk, V("ENVELOPE.GIAMDINHHS", ViolationRules.EnvelopeStructure));

        Request(corpus, "regression/check-in MA_LK of 101 characters", r => r.MaLk = new string('L', 101),
            V("REQUEST.ma_lk", ViolationRules.MaxLength));
        Request(corpus, "regression/check-in arrival time past year 9999", r => r.ArrivalTime = new Google.Protobuf.WellKnownTypes.Timestamp
        {
            Seconds = 400_000_000_000,
        }, V("REQUEST.arrival_time", ViolationRules.DateFormat));
    }
}
