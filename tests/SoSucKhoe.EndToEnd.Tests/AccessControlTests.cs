using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Security;
using SoSucKhoe.TestData;
using AuditApi = SoSucKhoe.Api.V1.Audit;
using FacilitiesApi = SoSucKhoe.Api.V1.Facilities;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Every RPC of every service of the contract, called without credentials, with a revoked key and with each role the access
/// policy does not allow: each call is refused with UNAUTHENTICATED or PERMISSION_DENIED and changes nothing. The RPCs are read
/// from the proto descriptors, so a new RPC is covered the moment it is added, and fails here until it has an access rule.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class AccessControlTests(HubFixture hub) : IAsyncLifetime
{
    private const string HomeProvince = "70";
    private readonly AccessPolicy _policy = new();
    private readonly ProvinceGenerator _province = new(seed: 5150, new ProvinceOptions { FacilityCount = 3, CitizenCount = 100 });
    private readonly Dictionary<CallerRole, string> _keys = [];
    private SyntheticFacility _home = null!;
    private string _revokedKey = null!;

    public static TheoryData<string> AllMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in ContractMethods())
        {
            data.Add(AccessPolicy.PathOf(method));
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        _home = _province.Facilities()[0];
        _keys[CallerRole.Facility] = await hub.Clients.FacilityKeyAsync(_home.Code, _home.Name);
        _keys[CallerRole.Province] = (await hub.Clients.AdminCredentials.IssueProvinceKeyAsync(
            new IssueProvinceKeyRequest { ProvinceCode = HomeProvince, Label = "access tests" })).Key;
        _keys[CallerRole.Admin] = hub.Clients.AdminKey;
        var revoked = await hub.Clients.AdminCredentials.IssueFacilityKeyAsync(new IssueFacilityKeyRequest { FacilityCode = _home.Code });
        await hub.Clients.AdminCredentials.RevokeKeyAsync(new RevokeKeyRequest { KeyId = revoked.Info.KeyId });
        _revokedKey = revoked.Key;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_contract_has_rpcs_and_every_one_of_them_has_an_access_rule()
    {
        var methods = ContractMethods().Select(AccessPolicy.PathOf).ToList();

        Assert.True(methods.Count >= 11, $"expected the whole contract, found {methods.Count} RPCs");
        Assert.All(methods, path => Assert.True(_policy.Find(path) is { IsPublic: false },
            $"{path} has no access rule (or is public): add one to AccessPolicy"));
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task Every_rpc_refuses_a_call_without_credentials(string path)
    {
        var before = await SnapshotAsync();

        var error = await CallAsync(path, key: null);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task Every_rpc_refuses_a_revoked_key(string path)
    {
        var before = await SnapshotAsync();

        var error = await CallAsync(path, _revokedKey);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task Every_rpc_refuses_each_role_its_rule_does_not_allow(string path)
    {
        var rule = _policy.Find(path)!;
        var refused = Enum.GetValues<CallerRole>().Where(role => !rule.Roles.Contains(role)).ToList();
        foreach (var role in refused)
        {
            var before = await SnapshotAsync();

            var error = await CallAsync(path, _keys[role]);

            Assert.True(error.StatusCode == StatusCode.PermissionDenied, $"{path} as {role}: {error.StatusCode} {error.Status.Detail}");
            Assert.Equal(Authorizer.RoleNotAllowed, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
            Assert.Equal(before, await SnapshotAsync());
        }
    }

    [Fact]
    public async Task A_key_that_is_not_known_to_the_hub_is_unauthenticated()
    {
        var forged = ApiKeys.Create(CallerRole.Admin, "hub", "forged", DateTimeOffset.UtcNow).Key;

        var error = await CallAsync("/sosuckhoe.v1.Credentials/IssueAdminKey", forged);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_facility_key_cannot_act_for_another_facility()
    {
        var other = _province.Facilities()[1];
        var otherKey = await hub.Clients.FacilityKeyAsync(other.Code, other.Name);
        var intake = new Intake.IntakeClient(hub.Clients.With(otherKey));
        var dossier = new DossierFactory(8).Create(_province.CitizenAt(1), _home, "01", DateTimeOffset.UtcNow.AddDays(-1));
        var before = await SnapshotAsync();

        var submit = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) }).ResponseAsync);
        var checkIn = await Assert.ThrowsAsync<RpcException>(() => intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = _home.Code,
            MaLk = "LK-FOREIGN",
            Patient = new PatientIdentity { PersonalId = _province.CitizenAt(1).PersonalId },
            VisitType = "01",
            ArrivalTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        }).ResponseAsync);
        var status = await Assert.ThrowsAsync<RpcException>(() =>
            intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = $"{_home.Code}:{dossier.MaLk}" }).ResponseAsync);
        var facility = await Assert.ThrowsAsync<RpcException>(() =>
            new FacilitiesApi.FacilitiesClient(hub.Clients.With(otherKey)).GetFacilityAsync(new GetFacilityRequest { FacilityCode = _home.Code }).ResponseAsync);

        Assert.All(new[] { submit, checkIn, status, facility }, e =>
        {
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
            Assert.Equal(Authorizer.ScopeMismatch, e.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        });
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_province_key_cannot_manage_facilities_of_another_province()
    {
        var foreignProvince = (await hub.Clients.AdminCredentials.IssueProvinceKeyAsync(
            new IssueProvinceKeyRequest { ProvinceCode = "75", Label = "neighbour" })).Key;
        var credentials = new Credentials.CredentialsClient(hub.Clients.With(foreignProvince));
        var facilities = new FacilitiesApi.FacilitiesClient(hub.Clients.With(foreignProvince));
        var before = await SnapshotAsync();

        var issue = await Assert.ThrowsAsync<RpcException>(() =>
            credentials.IssueFacilityKeyAsync(new IssueFacilityKeyRequest { FacilityCode = _home.Code }).ResponseAsync);
        var register = await Assert.ThrowsAsync<RpcException>(() =>
            facilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = "70998", Name = "Not mine" }).ResponseAsync);
        var audit = await Assert.ThrowsAsync<RpcException>(() =>
            new AuditApi.AuditClient(hub.Clients.With(foreignProvince)).ListAuditEntriesAsync(
                new ListAuditEntriesRequest { ProvinceCode = HomeProvince }).ResponseAsync);

        Assert.All(new[] { issue, register, audit }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_rotated_facility_key_keeps_working_for_its_grace_period_and_a_revoked_one_stops_at_once()
    {
        var facility = _province.Facilities()[2];
        var original = await hub.Clients.FacilityKeyAsync(facility.Code, facility.Name);
        var admin = hub.Clients.AdminCredentials;

        var rotated = await admin.RotateFacilityKeyAsync(new RotateFacilityKeyRequest
        {
            FacilityCode = facility.Code,
            GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromHours(1)),
        });
        var oldStillWorks = await GetOwnFacility(original, facility.Code);
        var newWorks = await GetOwnFacility(rotated.Key, facility.Code);
        await admin.RevokeKeyAsync(new RevokeKeyRequest { KeyId = rotated.Info.KeyId });
        var afterRevoke = await Assert.ThrowsAsync<RpcException>(() => GetOwnFacility(rotated.Key, facility.Code));
        var keys = await admin.ListFacilityKeysAsync(new ListFacilityKeysRequest { FacilityCode = facility.Code });

        Assert.Equal(facility.Code, oldStillWorks.FacilityCode);
        Assert.Equal(facility.Code, newWorks.FacilityCode);
        Assert.Equal(StatusCode.Unauthenticated, afterRevoke.StatusCode);
        Assert.Contains(keys.Keys, k => k.KeyId == rotated.Info.KeyId && !k.Active && k.RevokedAt is not null);
        Assert.Contains(keys.Keys, k => k.KeyId != rotated.Info.KeyId && k.Active && k.NotAfter is not null);
        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { FacilityCode = facility.Code });
        Assert.Contains(audit.Entries, e => e.Action == "credential.rotated");
        Assert.Contains(audit.Entries, e => e.Action == "credential.revoked");
    }

    [Fact]
    public async Task A_caller_over_its_rate_limit_gets_resource_exhausted_with_a_retry_delay()
    {
        // The hub under test allows a generous rate; a dedicated limiter shows the refusal the contract promises.
        var limiter = new CallerRateLimiter(Microsoft.Extensions.Options.Options.Create(new SecurityOptions { RequestsPerSecond = 10, Burst = 3 }));
        var caller = new CallerPrincipal(CallerRole.Facility, _home.Code, "k");
        var other = new CallerPrincipal(CallerRole.Facility, "70002", "k2");
        for (var i = 0; i < 3; i++)
        {
            limiter.Acquire(caller);
        }

        var error = Assert.Throws<RpcException>(() => limiter.Acquire(caller));
        limiter.Acquire(other);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.True(error.GetRpcStatus()!.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    private Task<Facility> GetOwnFacility(string key, string code) =>
        new FacilitiesApi.FacilitiesClient(hub.Clients.With(key)).GetFacilityAsync(new GetFacilityRequest { FacilityCode = code }).ResponseAsync;

    /// <summary>
    /// What a refused call must not change: the audit trail, the gateway, the registry and the keys. The hub's own record of
    /// refused calls (authentication.refused, at most one per source and minute) is the refusal being seen, not a change.
    /// </summary>
    private async Task<string> SnapshotAsync()
    {
        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Limit = 50 });
        var keys = await hub.Clients.AdminCredentials.ListFacilityKeysAsync(new ListFacilityKeysRequest { FacilityCode = _home.Code });
        var stranger = await Assert.ThrowsAsync<RpcException>(() =>
            hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70998" }).ResponseAsync);
        var latest = audit.Entries.FirstOrDefault(e => e.Action != SoSucKhoe.Api.Security.Audit.AuditActions.AuthenticationRefused);
        return $"audit:{latest?.Id} gateway:{hub.Emulator.State.GetStats().Received} "
            + $"keys:{keys.Keys.Count} revoked:{keys.Keys.Count(k => !k.Active)} stranger:{stranger.StatusCode}";
    }

    private async Task<RpcException> CallAsync(string path, string? key)
    {
        var method = ContractMethods().Single(m => AccessPolicy.PathOf(m) == path);
        var request = SampleRequest(method);
        var call = new Method<IMessage, IMessage>(
            method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            method.Service.FullName,
            method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        var invoker = hub.Clients.With(key);
        return await Assert.ThrowsAsync<RpcException>(async () =>
        {
            if (method.IsServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(call, null, new CallOptions(), request);
                await stream.ResponseStream.MoveNext(CancellationToken.None);
            }
            else
            {
                await invoker.AsyncUnaryCall(call, null, new CallOptions(), request);
            }
        });
    }

    /// <summary>A meaningful request per RPC where one helps show "no side effect"; an empty message otherwise.</summary>
    private IMessage SampleRequest(MethodDescriptor method) => method.Name switch
    {
        "RegisterFacility" => new RegisterFacilityRequest { FacilityCode = "70998", Name = "Refused registration" },
        "IssueFacilityKey" => new IssueFacilityKeyRequest { FacilityCode = _home.Code },
        "RotateFacilityKey" => new RotateFacilityKeyRequest { FacilityCode = _home.Code },
        "RevokeKey" => new RevokeKeyRequest { KeyId = "00000000000000000000" },
        "IssueProvinceKey" => new IssueProvinceKeyRequest { ProvinceCode = HomeProvince },
        "SubmitDossier" => new SubmitDossierRequest
        {
            Document = ByteString.CopyFrom(new DossierFactory(3).Create(_province.CitizenAt(2), _home, "01", DateTimeOffset.UtcNow.AddDays(-1)).Payload),
        },
        "SubmitConformanceDossier" => new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(ConformanceDossiers.Next(_home.Code).Signed) },
        "ImportFacilities" => new ImportFacilitiesRequest { Csv = ByteString.CopyFromUtf8("facility_code,name\n70998,Refused import\n") },
        "IssueConnectionCode" => new IssueConnectionCodeRequest { FacilityCode = _home.Code },
        "UpdateCondition" => new UpdateConditionRequest
        {
            FacilityCode = _home.Code, Condition = ReadinessCondition.PlanApproved, State = ConditionState.NotStarted,
        },
        "SetGatewayAccount" => new SetGatewayAccountRequest { FacilityCode = _home.Code, Username = "refused", Password = "refused" },
        "SuspendFacility" => new SuspendFacilityRequest { FacilityCode = _home.Code, Reason = "Refused suspension" },
        "ScheduleLocation" => new ScheduleLocationRequest { FacilityCode = _home.Code, EffectiveFrom = "2030-01-01", ProvinceCode = "75" },
        _ => (IMessage)Activator.CreateInstance(method.InputType.ClrType)!,
    };

    /// <summary>Every RPC of every service in the hub's proto package, found through the generated descriptors.</summary>
    private static IEnumerable<MethodDescriptor> ContractMethods() =>
        typeof(IntakeReflection).Assembly.GetTypes()
            .Where(t => t.Namespace == "SoSucKhoe.Api.V1" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Where(file => file.Package == "sosuckhoe.v1")
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .OrderBy(AccessPolicy.PathOf, StringComparer.Ordinal);
}
