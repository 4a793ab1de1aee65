using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// What a test of a hub running as its own process needs: a gateway emulator on loopback and the hub's settings with a fresh
/// data folder, both gone when the test ends.
/// </summary>
public sealed class HubWorkspace : IAsyncDisposable
{
    private HubWorkspace(EmulatorServer emulator, HubSettings settings)
    {
        Emulator = emulator;
        Settings = settings;
    }

    public EmulatorServer Emulator { get; }

    public HubSettings Settings { get; }

    public static async Task<HubWorkspace> CreateAsync(string name)
    {
        var emulator = await EmulatorServer.StartAsync();
        return new HubWorkspace(emulator, new HubSettings(emulator.BaseAddress, Directory.CreateTempSubdirectory($"sosuckhoe-{name}-").FullName));
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(Settings.DataDirectory, recursive: true);
    }
}
