namespace SoSucKhoe.Book;

/// <summary>
/// The administrative part of the health book (QĐ 1332 data set): each value from the most recent dossier that states it, with
/// its provenance. Allergies, vaccinations and guardian belong to the data set but no QĐ 4750 table fills them: they are
/// present with <see cref="BookField.HasSource"/> false.
/// </summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.book.BookAdministrative")]
public sealed record BookAdministrative(
    [property: Id(0)] BookField FullName,
    [property: Id(1)] BookField BirthDate,
    [property: Id(2)] BookField Sex,
    [property: Id(3)] BookField Ethnicity,
    [property: Id(4)] BookField Nationality,
    [property: Id(5)] BookField Occupation,
    [property: Id(6)] BookField PersonalId,
    [property: Id(7)] IReadOnlyList<BookCard> InsuranceCards,
    [property: Id(8)] BookField RegisteredFacility,
    [property: Id(9)] BookField Address,
    [property: Id(10)] BookField ProvinceCode,
    [property: Id(11)] BookField DistrictCode,
    [property: Id(12)] BookField CommuneCode,
    [property: Id(13)] BookField Allergies,
    [property: Id(14)] BookField Vaccinations,
    [property: Id(15)] BookField Guardian)
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
