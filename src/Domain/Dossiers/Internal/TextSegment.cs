namespace SoSucKhoe.Dossiers.Internal;

/// <summary>A run of chars inside a <see cref="PooledCharBuffer"/>.</summary>
internal readonly record struct TextSegment(int Start, int Length);
