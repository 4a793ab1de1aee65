using Google.Protobuf.Reflection;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Patients;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>
/// The one place where access is decided: a rule for every RPC the hub serves. A method without a rule is refused (deny by
/// default), and the security tests fail for any RPC of the contract that has no rule here.
/// </summary>
public sealed class AccessPolicy
{
    private readonly Dictionary<string, AccessRule> _rules = new(StringComparer.Ordinal);

    public AccessPolicy()
    {
        // Health and reflection describe the service, never data: open to load balancers and generic clients.
        Public("/grpc.health.v1.Health/Check");
        Public("/grpc.health.v1.Health/Watch");
        Public("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo");
        Public("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");

        var intake = IntakeReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Intake");
        Rule<CheckInRequest>(intake, "CheckIn", [CallerRole.Facility], r => ResourceScope.Facility(r.FacilityCode));
        ServiceChecked(intake, "SubmitDossier", [CallerRole.Facility]);
        Rule<GetDossierStatusRequest>(intake, "GetDossierStatus", [CallerRole.Facility, CallerRole.Admin],
            r => ResourceScope.Facility(EpisodeKey.TryParse(r.DossierId, out var facility, out _) ? facility : string.Empty));

        ServiceChecked(intake, "SubmitConformanceDossier", [CallerRole.Facility]);
        Rule<CancelEpisodeRequest>(intake, "CancelEpisode", [CallerRole.Facility],
            r => ResourceScope.Facility(EpisodeKey.TryParse(r.DossierId, out var facility, out _) ? facility : string.Empty));

        var book = HealthbookReflection.Descriptor.FindTypeByName<ServiceDescriptor>("HealthBook");
        Rule<GetHealthBookRequest>(book, "GetHealthBook", [CallerRole.Facility], r => ResourceScope.Facility(r.FacilityCode));
        ServiceChecked(book, "ListAccessLog", [CallerRole.Facility, CallerRole.Admin]);
        Rule<ExportEpisodeRequest>(book, "ExportEpisode", [CallerRole.Facility], r => ResourceScope.Facility(r.FacilityCode));
        Rule<ListFacilityReExamsRequest>(book, "ListFacilityReExams", [CallerRole.Facility, CallerRole.Admin],
            r => ResourceScope.Facility(r.FacilityCode));

        var facilities = FacilitiesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Facilities");
        Rule<RegisterFacilityRequest>(facilities, "RegisterFacility", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Province(r.ProvinceCode.Length > 0 ? r.ProvinceCode : Prefix(r.FacilityCode)));
        Rule<AddSigningCertificateRequest>(facilities, "AddSigningCertificate", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Facility(r.FacilityCode));
        Rule<RevokeSigningCertificateRequest>(facilities, "RevokeSigningCertificate", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Facility(r.FacilityCode));
        Rule<GetFacilityRequest>(facilities, "GetFacility", [CallerRole.Facility, CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));
        // Rows name their provinces: the service checks every row (and every facility it updates) before changing anything.
        ServiceChecked(facilities, "ImportFacilities", [CallerRole.Province, CallerRole.Admin]);
        Rule<ScheduleLocationRequest>(facilities, "ScheduleLocation", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));
        Rule<UpdateConditionRequest>(facilities, "UpdateCondition", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));
        Rule<IssueConnectionCodeRequest>(facilities, "IssueConnectionCode", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Facility(r.FacilityCode));
        Rule<SetGatewayAccountRequest>(facilities, "SetGatewayAccount", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));
        Rule<SuspendFacilityRequest>(facilities, "SuspendFacility", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));
        Rule<ResumeFacilityRequest>(facilities, "ResumeFacility", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));

        var credentials = CredentialsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Credentials");
        Rule<IssueFacilityKeyRequest>(credentials, "IssueFacilityKey", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));
        Rule<RotateFacilityKeyRequest>(credentials, "RotateFacilityKey", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));
        Rule<IssueProvinceKeyRequest>(credentials, "IssueProvinceKey", [CallerRole.Admin], null);
        Rule<IssueAdminKeyRequest>(credentials, "IssueAdminKey", [CallerRole.Admin], null);
        ServiceChecked(credentials, "RevokeKey", [CallerRole.Province, CallerRole.Admin]);
        Rule<ListFacilityKeysRequest>(credentials, "ListFacilityKeys", [CallerRole.Province, CallerRole.Admin], r => ResourceScope.Facility(r.FacilityCode));

        Rule<RegisterClientCertificateRequest>(credentials, "RegisterClientCertificate", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Facility(r.FacilityCode));
        Rule<RevokeClientCertificateRequest>(credentials, "RevokeClientCertificate", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Facility(r.FacilityCode));

        var operations = OperationsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Operations");
        Rule<ListRejectedDossiersRequest>(operations, "ListRejectedDossiers", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Facility(r.FacilityCode));
        Rule<ReplayRejectedDossierRequest>(operations, "ReplayRejectedDossier", [CallerRole.Province, CallerRole.Admin],
            r => ResourceScope.Facility(EpisodeKey.TryParse(r.DossierId, out var facility, out _) ? facility : string.Empty));

        var audit = AuditReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Audit");
        ServiceChecked(audit, "ListAuditEntries", [CallerRole.Province, CallerRole.Admin]);

        // The province view: province keys for their own province, admin keys for any. The province may be left empty (the
        // caller's own, or the hub's for admins), so MonitoringScope resolves and checks it before anything is read.
        var monitoring = MonitoringReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Monitoring");
        foreach (var method in new[] { "GetProvinceReadiness", "ListFacilities", "WatchReadiness", "GetFlowStats", "ListAlerts", "GetSemiannualReport" })
        {
            ServiceChecked(monitoring, method, [CallerRole.Province, CallerRole.Admin]);
        }
    }

    /// <summary>Every gRPC path that has a rule.</summary>
    public IReadOnlyCollection<string> Methods => _rules.Keys;

    /// <summary>The rule of a gRPC path ("/package.Service/Method"), or null.</summary>
    public AccessRule? Find(string method) => _rules.GetValueOrDefault(method);

    /// <summary>The gRPC path of a method descriptor.</summary>
    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    private void Public(string path) => _rules.Add(path, new AccessRule(new HashSet<CallerRole>(), null, false));

    private void Rule<TRequest>(ServiceDescriptor service, string method, CallerRole[] roles, Func<TRequest, ResourceScope>? resource) =>
        _rules.Add(PathOf(Method(service, method)), new AccessRule(
            new HashSet<CallerRole>(roles),
            resource is null ? null : request => resource((TRequest)request),
            false));

    private void ServiceChecked(ServiceDescriptor service, string method, CallerRole[] roles) =>
        _rules.Add(PathOf(Method(service, method)), new AccessRule(new HashSet<CallerRole>(roles), null, true));

    private static MethodDescriptor Method(ServiceDescriptor service, string name) =>
        service.FindMethodByName(name) ?? throw new InvalidOperationException($"{service.FullName} has no method {name}.");

    private static string Prefix(string code) => code.Length >= 2 ? code[..2] : code;
}
