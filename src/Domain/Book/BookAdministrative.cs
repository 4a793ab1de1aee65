namespace SoSucKhoe.Book;

/// <summary>
/// The administrative part of the health book (QĐ 1332 data set): each value from the most recent dossier that states it, with
/// its provenance. Allergies, vaccinations and guardian belong to the data set but no QĐ 4750 table fills them: they are
/// present with <see cref="BookField.HasSource"/> false.
/// </summary>
public sealed record BookAdministrative(
    BookField FullName,
    BookField BirthDate,
    BookField Sex,
    BookField Ethnicity,
    BookField Nationality,
    BookField Occupation,
    BookField PersonalId,
    IReadOnlyList<BookCard> InsuranceCards,
    BookField RegisteredFacility,
    BookField Address,
    BookField ProvinceCode,
    BookField DistrictCode,
    BookField CommuneCode,
    BookField Allergies,
    BookField Vaccinations,
    BookField Guardian)
{
    /// <summary>Why allergies have no source.</summary>
    public const string AllergiesNote = "No source yet: the QĐ 130/4750 dossier tables carry no allergy history.";

    /// <summary>Why vaccinations have no source.</summary>
    public const string VaccinationsNote = "No source yet: the QĐ 130/4750 dossier tables carry no vaccination history.";

    /// <summary>Why the guardian has no source.</summary>
    public const string GuardianNote = "No source yet: the QĐ 130/4750 dossier tables carry no guardian record for the book.";

    /// <summary>An empty administrative part: nothing stated yet, the no-source fields marked as such.</summary>
    public static BookAdministrative Empty { get; } = new(
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        [],
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        BookField.Unknown,
        BookField.NoSource(AllergiesNote),
        BookField.NoSource(VaccinationsNote),
        BookField.NoSource(GuardianNote));
}
