using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Cli.Calls;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Cli.Tests;

/// <summary>
/// <c>call</c> without a hub: requests built from JSON and files through the contract's descriptors, answers printed whole or one
/// field raw, error answers with their google.rpc details. Calls against a real hub are in the end-to-end Try-it test.
/// </summary>
public sealed class CallCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_service_of_the_contract_is_callable_by_name()
    {
        Assert.Equal(
            ["Audit", "Credentials", "Facilities", "HealthBook", "Intake", "Monitoring", "Operations"],
            ContractCatalog.Services.Select(s => s.Name));
        Assert.Equal("SubmitDossier", ContractCatalog.Find("Intake/SubmitDossier").Name);
        Assert.Equal("SubmitDossier", ContractCatalog.Find("sosuckhoe.v1.Intake/SubmitDossier").Name);
        Assert.Equal("GetFacility", ContractCatalog.Find("sosuckhoe.v1.Facilities.GetFacility").Name);
    }

    [Fact]
    public void A_request_takes_JSON_or_proto_field_names_enum_names_and_files_for_string_and_bytes_fields()
    {
        File.WriteAllBytes(_folder["check-in.xml"], [0x3C, 0x00, 0xFF]);
        // Encoding.UTF8 writes a byte order mark first, as some editors do.
        File.WriteAllText(_folder["id.txt"], "070185017213", Encoding.UTF8);

        var request = (CheckInRequest)RequestBuilder.Build(CheckInRequest.Descriptor,
            """{"facility_code":"70001","maLk":"LK-1","visitType":"01","patient":{"insuranceCard":"HC4707000012345"},"arrivalTime":"2025-04-07T07:30:00+07:00"}""",
            [$"checkInDocument={_folder["check-in.xml"]}", $"patient.personal_id={_folder["id.txt"]}"]);
        var condition = (UpdateConditionRequest)RequestBuilder.Build(UpdateConditionRequest.Descriptor,
            """{"facilityCode":"70001","condition":"READINESS_CONDITION_STAFF_TRAINED","state":"CONDITION_STATE_MET","share":1}""", []);

        Assert.Equal("70001", request.FacilityCode);
        Assert.Equal(new byte[] { 0x3C, 0x00, 0xFF }, request.CheckInDocument.ToByteArray());
        Assert.Equal("070185017213", request.Patient.PersonalId);
        Assert.Equal("HC4707000012345", request.Patient.InsuranceCard);
        Assert.Equal(new DateTimeOffset(2025, 4, 7, 0, 30, 0, TimeSpan.Zero), request.ArrivalTime.ToDateTimeOffset());
        Assert.Equal(ReadinessCondition.StaffTrained, condition.Condition);
        Assert.Equal(1, condition.Share);
    }

    [Fact]
    public void A_file_for_a_field_that_is_neither_text_nor_bytes_or_that_is_missing_is_refused()
    {
        var usage = Assert.Throws<UsageException>(() => RequestBuilder.Build(UpdateConditionRequest.Descriptor, "{}", ["share=x.txt"]));
        var failure = Assert.Throws<CliFailureException>(() => RequestBuilder.Build(SubmitDossierRequest.Descriptor, "{}", [$"document={_folder["missing.xml"]}"]));

        Assert.Contains("neither a string nor a bytes field", usage.Message, StringComparison.Ordinal);
        Assert.Contains("missing.xml", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_prints_raw_text_enum_names_numbers_timestamps_lists_and_nested_fields()
    {
        var issued = new IssuedConnectionCode
        {
            ConnectionCode = "LT-70001-X",
            FacilityKey = new IssuedKey { Key = "ssk1.abc.def" },
            Facility = new Facility { State = ReadinessState.Ready, Revision = 15, RegisteredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero)) },
        };
        issued.Facility.MissingPhase1.Add(ReadinessCondition.PlanApproved);

        Assert.Equal("ssk1.abc.def\n", Field(issued, "facilityKey.key"));
        Assert.Equal("ssk1.abc.def\n", Field(issued, "facility_key.key"));
        Assert.Equal("READINESS_STATE_READY\n", Field(issued, "facility.state"));
        Assert.Equal("15\n", Field(issued, "facility.revision"));
        Assert.Equal("false\n", Field(issued, "facility.hasGatewayAccount"));
        Assert.Equal("2026-12-08T00:00:00Z\n", Field(issued, "facility.registeredAt"));
        Assert.Equal("[\n  \"READINESS_CONDITION_PLAN_APPROVED\"\n]\n", Field(issued, "facility.missingPhase1").ReplaceLineEndings("\n"));
        Assert.Throws<CliFailureException>(() => Field(issued, "facility.connectionCode.code"));
    }

    [Fact]
    public void Bytes_fields_are_written_as_raw_bytes()
    {
        var export = new SubmitDossierRequest { Document = ByteString.CopyFrom([1, 2, 0, 255]) };
        using var output = new StringWriter();
        using var raw = new MemoryStream();

        ResponseWriter.WriteField(export, "document", new CliConsole(output, TextWriter.Null, raw));

        Assert.Equal(new byte[] { 1, 2, 0, 255 }, raw.ToArray());
    }

    [Fact]
    public void An_error_answer_shows_its_code_message_and_every_google_rpc_detail()
    {
        var status = new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = "Facility 70001 is not ready." };
        status.Details.Add(Any.Pack(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = "readiness", Subject = "HIS_CONFIGURED", Description = "Send conformance dossiers." } } }));
        status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "XML1.NGAY_RA", Description = "date_order: XML1: NGAY_RA is earlier than NGAY_VAO." } } }));
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1.5)) }));
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = "scope_mismatch", Domain = "sosuckhoe" }));

        var lines = ErrorReport.Describe(status.ToRpcException(), new Uri("http://127.0.0.1:5080"));

        Assert.Equal(
        [
            "error: FailedPrecondition (9): Facility 70001 is not ready.",
            "  precondition failure readiness HIS_CONFIGURED: Send conformance dossiers.",
            "  field violation XML1.NGAY_RA: date_order: XML1: NGAY_RA is earlier than NGAY_VAO.",
            "  retry after 1.5 s",
            "  error info scope_mismatch (sosuckhoe)",
        ], lines);
    }

    [Fact]
    public async Task A_hub_that_does_not_answer_is_a_failed_call_with_exit_code_1()
    {
        var nobody = $"http://127.0.0.1:{FreePorts.Next()}";

        var result = await Tool.RunAsync(new Dictionary<string, string> { ["SOSUCKHOE_HUB"] = nobody, ["SOSUCKHOE_KEY"] = "ssk1.x.y" },
            "call", "Facilities/GetFacility", """{"facilityCode":"70001"}""", "--timeout", "10");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.StartsWith("error: Unavailable (14):", result.Error, StringComparison.Ordinal);
        Assert.Contains($"is the hub running at {nobody}/?", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task The_list_names_every_method_and_marks_the_streaming_ones()
    {
        var result = await Tool.RunAsync("call", "--list");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Intake/SubmitDossier   SubmitDossierRequest -> SubmitDossierResponse\n", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Monitoring/WatchReadiness", result.Out, StringComparison.Ordinal);
        Assert.Contains("(streaming: not callable here)", result.Out, StringComparison.Ordinal);
    }

    private static string Field(IMessage message, string path)
    {
        using var output = new StringWriter();
        ResponseWriter.WriteField(message, path, new CliConsole(output, TextWriter.Null, Stream.Null));
        return output.ToString();
    }
}
