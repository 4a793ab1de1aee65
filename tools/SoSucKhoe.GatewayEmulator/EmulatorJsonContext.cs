using System.Text.Json.Serialization;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>Source-generated JSON for the emulator's answers (camelCase, enums as names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TokenAnswer))]
[JsonSerializable(typeof(DataAnswer))]
[JsonSerializable(typeof(EmulatorStats))]
[JsonSerializable(typeof(EmulatorFaultState))]
[JsonSerializable(typeof(EmulatorFaultUpdate))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedItem>))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
