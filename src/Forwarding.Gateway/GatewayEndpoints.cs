namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>The gateway services of one data standard (configuration <c>Gateway:Endpoints:&lt;standard&gt;</c>).</summary>
public sealed class GatewayEndpoints
{
    /// <summary>The check-in (XML0) service, relative to the gateway root, e.g. <c>api/qd130/checkInKcbQd3176</c>.</summary>
    public string CheckInPath { get; set; } = string.Empty;

    /// <summary>The dossier (GIAMDINHHS) service, relative to the gateway root, e.g. <c>api/qd130/guiHoSoXmlQD3176</c>.</summary>
    public string DossierPath { get; set; } = string.Empty;
}
