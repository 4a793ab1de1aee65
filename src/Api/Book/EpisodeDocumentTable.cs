namespace SoSucKhoe.Api.Book;

/// <summary>A table of an episode document.</summary>
internal sealed record EpisodeDocumentTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
