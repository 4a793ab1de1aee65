using System.Security.Cryptography;
using SoSucKhoe.Grains.Security;

namespace SoSucKhoe.Grains.Tests.Readiness;

public sealed class SecretProtectorTests
{
    private readonly SecretProtector _protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Protecting_twice_gives_different_ciphertexts_that_both_decrypt()
    {
        var first = _protector.Protect("mật khẩu");
        var second = _protector.Protect("mật khẩu");

        Assert.NotEqual(first, second);
        Assert.Equal("mật khẩu", _protector.Unprotect(first));
        Assert.Equal("mật khẩu", _protector.Unprotect(second));
        Assert.Equal(12 + 16 + "mật khẩu"u8.Length, Convert.FromBase64String(first).Length);
    }

    [Fact]
    public void A_tampered_ciphertext_or_another_key_is_refused()
    {
        var bytes = Convert.FromBase64String(_protector.Protect("secret"));
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<CryptographicException>(() =>
            new SecretProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(_protector.Protect("secret")));
    }

    [Fact]
    public void A_missing_key_file_is_created_once_readable_by_its_owner_only()
    {
        var folder = Directory.CreateTempSubdirectory("ssk-secrets-");
        try
        {
            var path = Path.Combine(folder.FullName, SecretKeyFile.DefaultFileName);

            var created = SecretKeyFile.Load(path, create: true);
            var again = SecretKeyFile.Load(path, create: true);

            Assert.Equal(32, created.Length);
            Assert.Equal(created, again);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.Throws<InvalidOperationException>(() => SecretKeyFile.Load(Path.Combine(folder.FullName, "absent.key"), create: false));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
