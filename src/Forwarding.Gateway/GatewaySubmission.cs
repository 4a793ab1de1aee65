namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// One document to send. <paramref name="Document"/> holds the facility's exact bytes (signed XML); they are base64-encoded into
/// fileHSBase64 unchanged.
/// </summary>
/// <param name="Account">The facility's gateway account.</param>
/// <param name="ProvinceCode">maTinh: the province the facility belongs to.</param>
/// <param name="FacilityCode">maCSKCB: the facility code.</param>
/// <param name="Document">The document bytes.</param>
/// <param name="Standard">
/// The data standard the document was validated against ("4750", "3176"): the client sends it to that standard's endpoint
/// (<see cref="GatewayOptions.Endpoints"/>); null means <see cref="GatewayOptions.StandardVersion"/>.
/// </param>
public sealed record GatewaySubmission(GatewayAccount Account, string ProvinceCode, string FacilityCode, ReadOnlyMemory<byte> Document,
    string? Standard = null);
