namespace SoSucKhoe.Gateway.Tests;

/// <summary>The account computes its password hash once, and again whenever the password changes.</summary>
public sealed class GatewayAccountTests
{
    [Fact]
    public void The_hash_follows_the_password_through_a_copy()
    {
        var account = new GatewayAccount("bv70001", "first");
        var changed = account with { Password = "second" };

        Assert.Equal(GatewayPasswordHash.Compute("first"), account.PasswordHash);
        Assert.Equal(GatewayPasswordHash.Compute("second"), changed.PasswordHash);
        Assert.NotEqual(account, changed);
        Assert.Equal(account, new GatewayAccount("bv70001", "first"));
        Assert.DoesNotContain("first", account.ToString(), StringComparison.Ordinal);
    }
}
