namespace SoSucKhoe.Security;

/// <summary>Who a caller is. Every credential belongs to exactly one role and one scope.</summary>
public enum CallerRole
{
    /// <summary>A HIS acting for exactly one facility (scope: its MA_CSKCB).</summary>
    Facility = 1,

    /// <summary>The province health department (scope: its 2-digit province code).</summary>
    Province = 2,

    /// <summary>An operator of the hub (scope: the whole hub).</summary>
    Admin = 3,
}
