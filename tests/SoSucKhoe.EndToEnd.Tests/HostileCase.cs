using Grpc.Core;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>The RPC a hostile request is sent to.</summary>
public enum HostileTarget
{
    SubmitDossier,
    CheckIn,
}

/// <summary>One violation the hub must list for a hostile request: <c>field</c> is "&lt;TABLE&gt;.&lt;FIELD&gt;", the description starts with "&lt;rule&gt;:".</summary>
public sealed record ExpectedViolation(string Field, string Rule)
{
    public override string ToString() => $"{Field} {Rule}";
}

/// <summary>
/// One entry of the hostile-input corpus: how to build the request, where to send it, and the exact refusal the hub owes.
/// </summary>
/// <param name="Name">A stable, descriptive name ("category/what it is"), shown as the theory's case name.</param>
/// <param name="Target">The RPC.</param>
/// <param name="Build">
/// Builds the request: a <c>SubmitDossierRequest</c> or <c>CheckInRequest</c> for the generated client, or a
/// <see cref="HostileWireRequest"/> sent as a hand-framed gRPC call.
/// </param>
/// <param name="Status">The status code the hub must answer with.</param>
/// <param name="Violations">Violations that must all be listed in the <c>google.rpc.BadRequest</c> detail (INVALID_ARGUMENT only).</param>
/// <param name="Exact">True when the listed violations are the whole list; false when the document rightly earns more.</param>
/// <param name="MaLk">The episode key the request carries, if any: it must never be stored or forwarded.</param>
public sealed record HostileCase(
    string Name,
    HostileTarget Target,
    Func<object> Build,
    StatusCode Status,
    IReadOnlyList<ExpectedViolation> Violations,
    bool Exact,
    string? MaLk)
{
    public override string ToString() => Name;
}
