using System.Text;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class WorkloadTests
{
    [Fact]
    public void The_visit_mix_weights_add_up_to_one_hundred_and_outpatient_exams_dominate()
    {
        Assert.Equal(100, VisitMix.Default.Sum(entry => entry.Weight));
        Assert.Equal("01", VisitMix.Pick(0));
        Assert.Equal("01", VisitMix.Pick(0.699));
        Assert.Equal("02", VisitMix.Pick(0.70));
        Assert.Equal("09", VisitMix.Pick(0.999));
    }

    [Fact]
    public void Dossiers_are_pre_signed_for_a_facility_that_offers_their_visit_type_and_the_plan_is_the_same_for_a_seed()
    {
        var generator = new WorkloadGenerator(seed: 11, facilityCount: 4, citizenCount: 50);
        var dossiers = generator.Generate(40);
        var again = new WorkloadGenerator(seed: 11, facilityCount: 4, citizenCount: 50).Generate(40);

        Assert.Equal(40, dossiers.Count);
        Assert.All(dossiers, dossier =>
        {
            var facility = Assert.Single(generator.Facilities, f => f.Code == dossier.FacilityCode);
            Assert.True(facility.Offers(dossier.VisitType) || dossier.VisitType == "01");
            Assert.Contains("CHUKYDONVI", Encoding.UTF8.GetString(dossier.Document), StringComparison.Ordinal);
            Assert.Contains("<SignatureValue", Encoding.UTF8.GetString(dossier.Document), StringComparison.Ordinal);
        });
        Assert.Equal(dossiers.Select(d => (d.FacilityCode, d.VisitType)), again.Select(d => (d.FacilityCode, d.VisitType)));
    }

    [Fact]
    public void The_workload_of_current_dates_is_written_to_QD_3176()
    {
        var dossiers = new WorkloadGenerator(seed: 12, facilityCount: 4, citizenCount: 50).Generate(10);

        Assert.All(dossiers, dossier =>
        {
            var envelope = Encoding.UTF8.GetString(dossier.Document);
            var start = envelope.IndexOf("<NOIDUNGFILE>", StringComparison.Ordinal) + "<NOIDUNGFILE>".Length;
            var xml1 = Encoding.UTF8.GetString(Convert.FromBase64String(envelope[start..envelope.IndexOf("</NOIDUNGFILE>", start, StringComparison.Ordinal)]));
            // QĐ 3176 keeps the level-2 occupation code (two digits) and, after the 2025 reform, no district of residence.
            Assert.Matches("<MA_NGHE_NGHIEP>[0-9]{2}</MA_NGHE_NGHIEP>", xml1);
            Assert.Contains("<MATINH_CU_TRU>75</MATINH_CU_TRU><MAHUYEN_CU_TRU />", xml1, StringComparison.Ordinal);
        });
    }
}
