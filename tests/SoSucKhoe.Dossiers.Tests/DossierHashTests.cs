using System.Text;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class DossierHashTests
{
    [Fact]
    public void Is_the_lower_case_hex_SHA256_of_the_exact_bytes()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DossierHash.Compute("abc"u8));
    }

    [Fact]
    public void One_changed_byte_changes_the_hash()
    {
        var a = Encoding.UTF8.GetBytes("<GIAMDINHHS/>");
        var b = Encoding.UTF8.GetBytes("<GIAMDINHHS />");
        Assert.NotEqual(DossierHash.Compute(a), DossierHash.Compute(b));
        Assert.Equal(DossierHash.Compute(a), DossierHash.Compute(a.ToArray()));
    }
}
