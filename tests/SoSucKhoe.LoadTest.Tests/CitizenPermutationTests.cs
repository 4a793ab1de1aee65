using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class CitizenPermutationTests
{
    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 6)]
    [InlineData(97, 6)]
    [InlineData(1_000, 3)]
    [InlineData(1_000_000, 6)]
    [InlineData(1_048_576, -5)]
    public void The_first_N_dossiers_reach_N_different_citizens(int citizens, int seed)
    {
        var permutation = new CitizenPermutation(citizens, seed);
        var seen = new bool[citizens];
        for (var index = 0; index < citizens; index++)
        {
            var citizen = permutation.CitizenAt(index);
            Assert.InRange(citizen, 0, citizens - 1);
            Assert.False(seen[citizen], $"citizen {citizen} came back at dossier {index}");
            seen[citizen] = true;
        }
    }

    [Fact]
    public void After_every_citizen_was_reached_the_order_starts_again_and_consecutive_dossiers_are_far_apart()
    {
        var permutation = new CitizenPermutation(1_000, seed: 3);

        Assert.Equal(permutation.CitizenAt(7), permutation.CitizenAt(1_007));
        var gap = Math.Abs(permutation.CitizenAt(1) - permutation.CitizenAt(0));
        Assert.True(Math.Min(gap, 1_000 - gap) > 100, $"neighbouring dossiers went to citizens only {gap} apart");
    }
}
