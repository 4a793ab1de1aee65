using SoSucKhoe.Book;

namespace SoSucKhoe.Grains.Patients;

/// <summary>
/// One dossier version's projection into the health book, as the patient grain stores it: serialized once when the version is
/// accepted (<see cref="ForwardRecord.Book"/>), so that each later write of the person's state copies bytes instead of encoding the
/// visit's object graph again, and the activation holds one array per version instead of hundreds of small objects.
/// </summary>
/// <param name="Visit">The visit projection of the version.</param>
/// <param name="Administrative">The administrative facts the version states.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.BookProjection")]
public sealed record BookProjection(
    [property: Id(0)] BookVisit? Visit,
    [property: Id(1)] BookAdministrativeUpdate? Administrative);
