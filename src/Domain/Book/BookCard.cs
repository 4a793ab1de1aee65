namespace SoSucKhoe.Book;

/// <summary>One health-insurance card as a dossier stated it (MA_THE_BHYT with GT_THE_TU/GT_THE_DEN/MA_DKBD at the same position).</summary>
/// <param name="Number">MA_THE_BHYT (15 characters, or the newer 10-digit/personal-ID form).</param>
/// <param name="ValidFrom">GT_THE_TU.</param>
/// <param name="ValidTo">GT_THE_DEN.</param>
/// <param name="RegisteredFacilityCode">MA_DKBD: the registered primary-care facility.</param>
/// <param name="SourceDossierId">The dossier that stated it last.</param>
/// <param name="AsOf">When that dossier stated it.</param>
public sealed record BookCard(
    string Number,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? RegisteredFacilityCode,
    string? SourceDossierId,
    DateTimeOffset? AsOf);
