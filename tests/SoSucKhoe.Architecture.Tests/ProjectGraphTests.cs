using System.Reflection;

namespace SoSucKhoe.Architecture.Tests;

/// <summary>
/// The project graph states the architecture (docs/architecture.md): each assembly uses only the layers below it. The compiler
/// keeps a reference only when the code uses it, so these checks read what each assembly really depends on.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly string[] Ours =
    [
        "SoSucKhoe.Contracts", "SoSucKhoe.Domain", "SoSucKhoe.Forwarding.Gateway", "SoSucKhoe.Grains.Interfaces", "SoSucKhoe.Grains",
        "SoSucKhoe.Api", "SoSucKhoe.Silo", "SoSucKhoe.GatewayEmulator", "SoSucKhoe.TestData",
    ];

    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "SoSucKhoe.Contracts", [] },
        { "SoSucKhoe.Domain", [] },
        { "SoSucKhoe.Forwarding.Gateway", [] },
        { "SoSucKhoe.Grains.Interfaces", ["SoSucKhoe.Domain"] },
        { "SoSucKhoe.Grains", ["SoSucKhoe.Grains.Interfaces", "SoSucKhoe.Domain", "SoSucKhoe.Forwarding.Gateway"] },
        { "SoSucKhoe.Api", ["SoSucKhoe.Contracts", "SoSucKhoe.Grains.Interfaces", "SoSucKhoe.Domain"] },
        { "SoSucKhoe.TestData", ["SoSucKhoe.Domain"] },
        { "SoSucKhoe.LoadTest", ["SoSucKhoe.Contracts", "SoSucKhoe.TestData", "SoSucKhoe.Domain"] },
        { "SoSucKhoe.DemoSeed", ["SoSucKhoe.Contracts", "SoSucKhoe.TestData", "SoSucKhoe.Domain"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void Each_assembly_uses_only_the_layers_below_it(string assembly, string[] allowed)
    {
        var used = OurReferences(assembly);

        Assert.Empty(used.Except(allowed));
    }

    [Theory]
    [InlineData("SoSucKhoe.Domain")]
    [InlineData("SoSucKhoe.Forwarding.Gateway")]
    [InlineData("SoSucKhoe.Contracts")]
    public void The_domain_the_gateway_client_and_the_contract_use_no_Orleans(string assembly)
    {
        var orleans = Load(assembly).GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Orleans", StringComparison.Ordinal));

        Assert.Empty(orleans);
    }

    [Fact]
    public void Only_the_host_uses_the_gateway_emulator()
    {
        var users = Ours.Where(a => a != "SoSucKhoe.GatewayEmulator" && OurReferences(a).Contains("SoSucKhoe.GatewayEmulator"));

        Assert.Equal(["SoSucKhoe.Silo"], users);
    }

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static string[] OurReferences(string assembly) => Load(assembly).GetReferencedAssemblies()
        .Select(a => a.Name!)
        .Where(n => n.StartsWith("SoSucKhoe.", StringComparison.Ordinal))
        .ToArray();
}
