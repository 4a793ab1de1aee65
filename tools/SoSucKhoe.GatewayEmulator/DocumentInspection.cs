namespace SoSucKhoe.GatewayEmulator;

/// <summary>The result of inspecting a document: its facts, or why it is refused (Vietnamese / English).</summary>
internal readonly record struct DocumentInspection(DocumentFacts? Facts, string? Error)
{
    public static DocumentInspection Fail(string error) => new(null, error);
}
