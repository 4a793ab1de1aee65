namespace SoSucKhoe.Security;

/// <summary>One API key's stored record, keyed by its key id.</summary>
public interface ICredentialGrain : IGrainWithStringKey
{
    /// <summary>Stores a new record; false when the key id is already taken.</summary>
    Task<bool> Create(CredentialRecord record);

    /// <summary>The record, or null for an unknown key id.</summary>
    Task<CredentialRecord?> Get();

    /// <summary>Revokes the key now (idempotent); returns the record after the change, or null when unknown.</summary>
    Task<CredentialRecord?> Revoke(DateTimeOffset at);

    /// <summary>Makes the key stop working at <paramref name="at"/> unless it stops earlier already.</summary>
    Task<CredentialRecord?> ExpireAt(DateTimeOffset at);
}

/// <summary>The key ids issued to one principal ("facility:70001", "province:70", "admin:hub").</summary>
public interface ICredentialIndexGrain : IGrainWithStringKey
{
    Task Add(string keyId);

    Task<IReadOnlyList<string>> List();
}
