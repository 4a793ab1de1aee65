namespace SoSucKhoe.Api.Book;

/// <summary>One part of an episode document: an optional heading, label/value pairs and an optional table.</summary>
internal sealed record EpisodeDocumentSection(string? Heading, IReadOnlyList<(string Label, string Value)> Fields, EpisodeDocumentTable? Table);
