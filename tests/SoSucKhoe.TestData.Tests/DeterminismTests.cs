namespace SoSucKhoe.TestData.Tests;

public sealed class DeterminismTests
{
    private static List<GeneratedEpisode> Run(int seed)
    {
        var province = new ProvinceGenerator(seed, new ProvinceOptions { CitizenCount = 30 }).Generate();
        var factory = new DossierFactory(seed);
        return VisitTypes.All.Select((visitType, i) =>
        {
            var facility = province.Facilities.First(f => f.Offers(visitType));
            return factory.CreateEpisode(province.Citizens[i], facility, visitType, Scenario.Arrival.AddHours(i), new DossierOptions { Sign = false, ReExamBooked = i % 2 == 0, SickLeave = i % 3 == 0 });
        }).ToList();
    }

    [Fact]
    public void Same_seed_gives_byte_identical_unsigned_dossiers_and_check_ins()
    {
        var a = Run(77);
        var b = Run(77);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Dossier.Unsigned, b[i].Dossier.Unsigned);
            Assert.Equal(a[i].CheckIn.Unsigned, b[i].CheckIn.Unsigned);
        }
    }

    [Fact]
    public void Different_seeds_give_different_dossiers()
    {
        var a = Run(77);
        var b = Run(78);
        Assert.Contains(Enumerable.Range(0, a.Count), i => !a[i].Dossier.Unsigned.AsSpan().SequenceEqual(b[i].Dossier.Unsigned));
    }

    [Fact]
    public void An_explicit_sequence_reproduces_an_episode_regardless_of_call_order()
    {
        var factory = new DossierFactory(5);
        var options = new DossierOptions { Sign = false, Sequence = 4242 };
        _ = factory.Create(Scenario.Insured, Scenario.Hospital, "03", Scenario.Arrival, DossierOptions.Default with { Sign = false });
        var first = factory.Create(Scenario.Insured, Scenario.Hospital, "03", Scenario.Arrival, options);
        var second = new DossierFactory(5).Create(Scenario.Insured, Scenario.Hospital, "03", Scenario.Arrival, options);
        Assert.Equal(first.Unsigned, second.Unsigned);
        Assert.EndsWith("004242", first.MaLk);
    }

    [Fact]
    public void Successive_episodes_of_a_factory_get_distinct_MA_LK()
    {
        var factory = new DossierFactory(5);
        var keys = Enumerable.Range(0, 50)
            .Select(_ => factory.Create(Scenario.Insured, Scenario.Hospital, "01", Scenario.Arrival, new DossierOptions { Sign = false }).MaLk)
            .ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void A_factory_can_be_shared_by_parallel_load_generators()
    {
        var factory = new DossierFactory(6);
        var keys = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 200, i => keys.Add(factory.Create(
            Scenario.Province.Citizens[i % 400], Scenario.Hospital, "01", Scenario.Arrival, new DossierOptions { Sign = false }).MaLk));
        Assert.Equal(200, keys.Distinct().Count());
    }
}
