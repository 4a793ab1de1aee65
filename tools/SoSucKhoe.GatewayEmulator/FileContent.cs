namespace SoSucKhoe.GatewayEmulator;

/// <summary>
/// The content of a FILEHOSO's NOIDUNGFILE: the text the XML reader returned, or where the text lies in the original document
/// when <see cref="EnvelopeCondenser"/> cut it out. Default: no content.
/// </summary>
internal readonly record struct FileContent(string? Text, Range? Cut)
{
    public bool IsPresent => Text is not null || Cut is not null;
}
