using System.Security.Cryptography;

namespace SoSucKhoe.Grains.Tests;

/// <summary>An in-memory key for the secret protector, new for each test run.</summary>
internal static class TestSecrets
{
    public static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
