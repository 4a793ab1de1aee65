namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>
/// One document to send. <paramref name="Document"/> holds the facility's exact bytes (signed XML); they are base64-encoded into
/// fileHSBase64 unchanged.
/// </summary>
/// <param name="Account">The facility's gateway account.</param>
/// <param name="ProvinceCode">maTinh: the province the facility belongs to.</param>
/// <param name="FacilityCode">maCSKCB: the facility code.</param>
/// <param name="Document">The document bytes.</param>
public sealed record GatewaySubmission(GatewayAccount Account, string ProvinceCode, string FacilityCode, ReadOnlyMemory<byte> Document);
