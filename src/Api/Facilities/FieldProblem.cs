using SoSucKhoe.Dossiers;

namespace SoSucKhoe.Api.Facilities;

/// <summary>One bad field of a registry request or of one import row, before it is placed ("REQUEST." or "row 12: ").</summary>
public readonly record struct FieldProblem(string Field, string Rule, string Message)
{
    /// <summary>As a violation of the request itself ("REQUEST.&lt;field&gt;").</summary>
    public Violation ForRequest() => new("REQUEST", Field, Rule, Message);
}
