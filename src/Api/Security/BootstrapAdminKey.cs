using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// Makes sure the hub has a first admin key: the one configured (Security:BootstrapAdminKey, best given through the environment
/// variable SOSUCKHOE_Security__BootstrapAdminKey), or, when none is configured and none exists yet, a generated one written to
/// a file only the hub's user can read. The key itself is never logged.
/// </summary>
public sealed partial class BootstrapAdminKey(
    CredentialIssuer credentials,
    IOptions<SecurityOptions> options,
    ILogger<BootstrapAdminKey> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.BootstrapAdminKey))
        {
            var added = await credentials.RegisterExistingAsync(settings.BootstrapAdminKey.Trim(), CallerRole.Admin, "hub", "bootstrap");
            LogConfigured(logger, added ? "registered" : "already registered");
            return;
        }

        var existing = await credentials.ListAsync(CallerRole.Admin, "hub");
        if (existing.Any(k => k.IsActiveAt(DateTimeOffset.UtcNow)))
        {
            return;
        }

        if (settings.GeneratedAdminKeyFile is not { Length: > 0 } path)
        {
            LogNoAdminKey(logger);
            return;
        }

        var (key, record) = await credentials.IssueAsync(CallerRole.Admin, "hub", "generated at first start", null);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, key + Environment.NewLine, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogGenerated(logger, record.KeyId, Path.GetFullPath(path));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap admin key from configuration: {Outcome}")]
    private static partial void LogConfigured(ILogger logger, string outcome);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The hub has no admin key. Set SOSUCKHOE_Security__BootstrapAdminKey=ssk1.<20 hex>.<secret> and restart.")]
    private static partial void LogNoAdminKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No admin key existed: generated admin key {KeyId} and wrote it to {Path} (readable by this user only). "
            + "Use it as 'authorization: Bearer <key>', issue province and facility keys with it, then revoke or rotate it.")]
    private static partial void LogGenerated(ILogger logger, string keyId, string path);
}
