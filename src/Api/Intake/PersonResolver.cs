using SoSucKhoe.Api.Errors;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Identifiers;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Api.Intake;

/// <summary>
/// Finds the key of a person's patient grain from the identifiers a facility has: the personal ID number is the key itself; an
/// insurance card, old ID or passport resolves through the identity links the hub learnt from earlier check-ins and dossiers
/// that carried both.
/// </summary>
public sealed class PersonResolver(IGrainFactory grains)
{
    /// <summary>The identifiers of one patient, already checked for structure.</summary>
    public sealed record Identifiers(
        PersonalId? PersonalId,
        IdentityDocumentNumber? OtherDocument,
        IReadOnlyList<InsuranceCardNumber> Cards);

    /// <summary>The resolved key, and the identity links to learn because they came together with it.</summary>
    public sealed record Resolution(string PersonKey, IReadOnlyList<string> InsuranceNumbers, string? LinkToLearn);

    /// <summary>Resolves the person, or throws the contract's error when nothing identifies them.</summary>
    /// <param name="table">Where the identifiers came from, for error details ("REQUEST" or "XML1").</param>
    public async Task<Resolution> ResolveAsync(Identifiers ids, string table)
    {
        var numbers = ids.Cards.Select(c => c.SocialInsuranceNumber).Distinct(StringComparer.Ordinal).ToList();
        string? otherLinkKey = ids.OtherDocument is { } other
            ? other.Kind == IdentityDocumentKind.Passport
                ? IdentityLinkKey.ForPassport(other.Value)
                : IdentityLinkKey.ForLegacyId(other.Value)
            : null;

        if (ids.PersonalId is { } personalId)
        {
            return new Resolution(personalId.Value, numbers, otherLinkKey);
        }

        foreach (var number in numbers)
        {
            if (await grains.GetGrain<IIdentityLinkGrain>(IdentityLinkKey.ForInsuranceNumber(number)).Resolve() is { } byCard)
            {
                return new Resolution(byCard, numbers, otherLinkKey);
            }
        }

        if (ids.OtherDocument is { } document)
        {
            if (await grains.GetGrain<IIdentityLinkGrain>(otherLinkKey!).Resolve() is { } byDocument)
            {
                return new Resolution(byDocument, numbers, null);
            }

            var key = document.Kind == IdentityDocumentKind.Passport
                ? PersonKey.ForPassport(document.Value)
                : PersonKey.ForLegacyId(document.Value);
            return new Resolution(key, numbers, otherLinkKey);
        }

        if (numbers.Count > 0)
        {
            throw ApiErrors.FailedPrecondition(
                "The insurance card is not yet linked to a person: identify the patient once by personal ID number (or old ID / passport) together with the card.",
                "person_unresolved", table + ".insurance_card",
                "The hub has never seen this card together with another identifier of the person.");
        }

        throw ApiErrors.InvalidArgument(table, table == "REQUEST" ? "patient" : "SO_CCCD", ViolationRules.Required,
            "The patient must be identified by personal ID number, old ID, passport or insurance card.");
    }

    /// <summary>Learns that an old ID or passport belongs to a person known by personal ID number.</summary>
    public Task LearnAsync(Resolution resolution) =>
        resolution.LinkToLearn is { } link && PersonKey.IsPersonalId(resolution.PersonKey)
            ? grains.GetGrain<IIdentityLinkGrain>(link).Link(resolution.PersonKey)
            : Task.CompletedTask;
}
