namespace SoSucKhoe.GatewayEmulator;

/// <summary>What the emulator reads from a document: its episodes, its facility and its person.</summary>
/// <param name="MaLks">The distinct MA_LK values, in document order (one for a dossier).</param>
/// <param name="PersonId">SO_CCCD, or the card number when SO_CCCD is empty; null when neither is present.</param>
/// <param name="EpisodeDays">
/// The days that decide the standard: a dossier's episode end (XML1 NGAY_RA, else NGAY_VAO), each check-in row's arrival (NGAY_VAO,
/// else NGAY_YL); empty when none is readable.
/// </param>
internal sealed record DocumentFacts(IReadOnlyList<string> MaLks, string? PersonId, IReadOnlyList<DateOnly> EpisodeDays)
{
    /// <summary>The local day of a yyyyMMdd[HHmm] value, or null.</summary>
    public static DateOnly? Day(string? value) =>
        value is { Length: >= 8 } && DateOnly.TryParseExact(value.AsSpan(0, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;
}
