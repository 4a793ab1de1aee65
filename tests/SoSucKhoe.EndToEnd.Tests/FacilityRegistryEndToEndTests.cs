using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.V1;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The facility registry over real gRPC: profiles with effective-dated locations, the all-or-nothing CSV import, connection codes
/// that bring a working facility key, gateway accounts whose password never comes back, declared and derived conditions, province
/// scoping, and the audit trail of every change.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class FacilityRegistryEndToEndTests(HubFixture hub)
{
    [Fact]
    public async Task A_profile_is_registered_with_its_location_level_ownership_contract_and_care_types_and_read_back()
    {
        var request = new RegisterFacilityRequest
        {
            FacilityCode = "70721",
            Name = "Trung tâm Y tế huyện Lộc Ninh",
            DistrictCode = "692",
            LocationEffectiveFrom = "2024-07-01",
            Level = FacilityLevel.District,
            Ownership = FacilityOwnership.Public,
            InsuredCareContract = true,
        };
        request.CareTypes.Add([CareType.Inpatient, CareType.OutpatientExam]);

        var registered = await hub.Clients.AdminFacilities.RegisterFacilityAsync(request);
        var moved = await hub.Clients.AdminFacilities.ScheduleLocationAsync(new ScheduleLocationRequest
        {
            FacilityCode = "70721",
            EffectiveFrom = "2025-07-01",
            ProvinceCode = "75",
        });
        var read = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70721" });

        Assert.Equal(ReadinessState.Registered, registered.State);
        Assert.Equal(FacilityLevel.District, read.Level);
        Assert.Equal(FacilityOwnership.Public, read.Ownership);
        Assert.True(read.InsuredCareContract);
        Assert.Equal([CareType.OutpatientExam, CareType.Inpatient], read.CareTypes);
        Assert.Equal(["2024-07-01", "2025-07-01"], read.Locations.Select(l => l.EffectiveFrom));
        Assert.Equal("692", read.Locations[0].DistrictCode);
        // Today is after the merger: the location in force is Đồng Nai's.
        Assert.Equal("75", moved.ProvinceCode);
        Assert.Equal("75", read.ProvinceCode);
        Assert.Equal(10, read.Conditions.Count);
    }

    [Fact]
    public async Task A_location_is_checked_against_the_unit_list_of_its_first_day_and_for_format_only_before_any_list()
    {
        Task<Facility> Register(string district, string from) => hub.Clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest
        {
            FacilityCode = "70722",
            Name = "Phòng khám thử",
            DistrictCode = district,
            LocationEffectiveFrom = from,
        }).ResponseAsync;

        // 2024: district 001 (Ba Đình, Hà Nội) is not in Bình Phước; 2026: no districts, and 001 was not a district of the
        // provinces that formed Đồng Nai; a malformed code is refused whatever the day.
        var covered = await Assert.ThrowsAsync<RpcException>(() => Register("001", "2024-07-01"));
        var afterReform = await Assert.ThrowsAsync<RpcException>(() => Register("001", "2026-01-01"));
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Register("69", "2026-01-01"));
        var uncovered = await Register("001", "2024-01-01");
        var formerDistrict = await Register("692", "2026-01-01");

        AssertViolation(covered, "REQUEST.district_code", "district_not_in_province");
        AssertViolation(afterReform, "REQUEST.district_code", "district_not_in_province");
        AssertViolation(malformed, "REQUEST.district_code", "code_list");
        Assert.Equal("001", uncovered.Locations.Single().DistrictCode);
        // A 70xxx facility registered without a province is in province 75 from 01/07/2025; Lộc Ninh (692) is kept as its
        // former district.
        var after = formerDistrict.Locations.Single(l => l.EffectiveFrom == "2026-01-01");
        Assert.Equal(("75", "692"), (after.ProvinceCode, after.DistrictCode));
        Assert.Equal("75", formerDistrict.ProvinceCode);
    }

    [Fact]
    public async Task A_csv_import_with_one_bad_row_changes_nothing_and_names_the_row_and_column()
    {
        const string header = "facility_code,name,district_code,location_effective_from,level,ownership,insured_care_contract,care_types\n";
        var bad = header
            + "70731,Trạm Y tế xã Lộc Thái,692,2024-07-01,commune,public,true,outpatient_exam\n"
            + "70732,\"Phòng khám Đa khoa An Lộc, cơ sở 2\",001,2024-07-01,district,private,false,outpatient_exam;inpatient\n"
            + "70733,Trạm Y tế xã Thanh Lương,690,2024-07-01,rural,public,true,outpatient_exam\n"
            + "70734,Tên mới,,,,,,\n";
        await hub.Clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = "70734", Name = "Tên cũ" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.AdminFacilities.ImportFacilitiesAsync(
            new ImportFacilitiesRequest { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(bad)) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var fields = refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["row 2: district_code", "row 3: level"], fields);
        foreach (var code in new[] { "70731", "70732", "70733" })
        {
            var lookup = await Assert.ThrowsAsync<RpcException>(() =>
                hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        }

        var unchanged = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70734" });
        Assert.Equal("Tên cũ", unchanged.Name);

        var good = "\uFEFF" + bad.Replace(",001,", ",689,", StringComparison.Ordinal).Replace(",rural,", ",commune,", StringComparison.Ordinal);
        var imported = await hub.Clients.AdminFacilities.ImportFacilitiesAsync(new ImportFacilitiesRequest { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(good)) });
        var again = await hub.Clients.AdminFacilities.ImportFacilitiesAsync(new ImportFacilitiesRequest { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(good)) });
        var second = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70732" });

        Assert.Equal(3, imported.Created);
        Assert.Equal(1, imported.Updated);
        Assert.Equal([1, 2, 3, 4], imported.Rows.Select(r => r.Row));
        Assert.Equal([true, true, true, false], imported.Rows.Select(r => r.Created));
        Assert.Equal(0, again.Created);
        Assert.Equal(4, again.Updated);
        Assert.Equal("Tên mới", (await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70734" })).Name);
        Assert.Equal("Phòng khám Đa khoa An Lộc, cơ sở 2", second.Name);
        Assert.Equal(FacilityOwnership.Private, second.Ownership);
        Assert.False(second.InsuredCareContract);
        Assert.Equal([CareType.OutpatientExam, CareType.Inpatient], second.CareTypes);
        Assert.Equal("689", second.Locations.Single().DistrictCode);
    }

    [Fact]
    public async Task An_import_over_five_thousand_rows_is_refused_as_too_large()
    {
        var csv = new StringBuilder("facility_code,name\n");
        for (var i = 0; i < 5_001; i++)
        {
            csv.Append("70").Append((i % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append(",X\n");
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.AdminFacilities.ImportFacilitiesAsync(
            new ImportFacilitiesRequest { Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(csv.ToString())) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_connection_code_comes_with_a_facility_key_that_works_for_that_facility_only()
    {
        const string code = "70741";
        await hub.Clients.RegisterWithProfileAsync(code);
        await hub.Clients.RegisterWithProfileAsync("70742");

        var issued = await hub.Clients.AdminFacilities.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = code });
        var own = await hub.Clients.FacilitiesWith(issued.FacilityKey.Key).GetFacilityAsync(new GetFacilityRequest { FacilityCode = code });
        var other = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.FacilitiesWith(issued.FacilityKey.Key)
            .GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70742" }).ResponseAsync);
        var change = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.FacilitiesWith(issued.FacilityKey.Key)
            .SuspendFacilityAsync(new SuspendFacilityRequest { FacilityCode = code, Reason = "tự đình chỉ" }).ResponseAsync);
        var reissued = await hub.Clients.AdminFacilities.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = code });

        Assert.StartsWith("ssk1.", issued.FacilityKey.Key, StringComparison.Ordinal);
        Assert.Equal("facility", issued.FacilityKey.Info.Role);
        Assert.Equal(code, issued.FacilityKey.Info.Scope);
        Assert.Equal(issued.ConnectionCode, own.ConnectionCode.Code);
        Assert.Contains(code, issued.ConnectionCode, StringComparison.Ordinal);
        Assert.Equal(ReadinessState.Preparing, issued.Facility.State);
        Assert.DoesNotContain(ReadinessCondition.ConnectionCode, own.MissingPhase1);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, change.StatusCode);
        Assert.NotEqual(issued.ConnectionCode, reissued.ConnectionCode);
        Assert.NotEqual(issued.FacilityKey.Key, reissued.FacilityKey.Key);
    }

    [Fact]
    public async Task A_gateway_password_is_never_returned_by_any_rpc_nor_written_to_the_audit_trail()
    {
        const string code = "70743";
        const string password = "Mat-khau-cong-BHXH-7743!";
        await hub.Clients.RegisterWithProfileAsync(code);

        var set = await hub.Clients.AdminFacilities.SetGatewayAccountAsync(new SetGatewayAccountRequest
        {
            FacilityCode = code,
            Username = "bv70743",
            Password = password,
            EgressAddress = "203.0.113.7",
        });
        var viaRegister = await hub.Clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest
        {
            FacilityCode = code,
            GatewayUsername = "bv70743",
            GatewayPassword = password + "-2",
        });
        var read = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code });
        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { FacilityCode = code, Limit = 1000 });
        var badEgress = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.AdminFacilities.SetGatewayAccountAsync(new SetGatewayAccountRequest
        {
            FacilityCode = code,
            Username = "bv70743",
            Password = password,
            EgressAddress = "not an address",
        }).ResponseAsync);

        Assert.True(read.HasGatewayAccount);
        Assert.Equal("bv70743", read.GatewayAccount.Username);
        Assert.Equal("203.0.113.7", read.GatewayAccount.EgressAddress);
        Assert.Equal("203.0.113.7", viaRegister.GatewayAccount.EgressAddress);
        foreach (var text in new[] { set.ToString(), viaRegister.ToString(), read.ToString(), audit.ToString(), badEgress.ToString() })
        {
            Assert.DoesNotContain("Mat-khau", text, StringComparison.Ordinal);
        }

        Assert.Contains(audit.Entries, e => e.Action == "facility.gateway_account_set");
        AssertViolation(badEgress, "REQUEST.egress_address", "code_list");
    }

    [Fact]
    public async Task Derived_conditions_cannot_be_declared_and_declared_ones_need_evidence()
    {
        const string code = "70744";
        await hub.Clients.RegisterWithProfileAsync(code);

        var derived = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.AdminFacilities.UpdateConditionAsync(new UpdateConditionRequest
        {
            FacilityCode = code,
            Condition = ReadinessCondition.HisConfigured,
            State = ConditionState.Met,
            Evidence = "Tự khai",
        }).ResponseAsync);
        var noEvidence = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.AdminFacilities.UpdateConditionAsync(new UpdateConditionRequest
        {
            FacilityCode = code,
            Condition = ReadinessCondition.PlanApproved,
            State = ConditionState.Met,
        }).ResponseAsync);
        var noShare = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.AdminFacilities.UpdateConditionAsync(new UpdateConditionRequest
        {
            FacilityCode = code,
            Condition = ReadinessCondition.StaffTrained,
            State = ConditionState.Met,
            Evidence = "Danh sách tập huấn",
        }).ResponseAsync);
        var partly = await hub.Clients.AdminFacilities.UpdateConditionAsync(new UpdateConditionRequest
        {
            FacilityCode = code,
            Condition = ReadinessCondition.StaffTrained,
            State = ConditionState.Met,
            Evidence = "Danh sách tập huấn đợt 1",
            Share = 0.5,
        });

        AssertViolation(derived, "REQUEST.condition", "condition_derived");
        Assert.Contains("HIS_CONFIGURED", derived.Status.Detail, StringComparison.Ordinal);
        AssertViolation(noEvidence, "REQUEST.evidence", "required");
        AssertViolation(noShare, "REQUEST.share", "required");
        var staff = partly.Conditions.Single(c => c.Condition == ReadinessCondition.StaffTrained);
        Assert.Equal(0.5, staff.Share);
        Assert.NotEqual(ConditionState.Met, staff.State);
        Assert.Equal("Danh sách tập huấn đợt 1", staff.Evidence);
    }

    [Fact]
    public async Task A_province_key_manages_its_own_province_s_facilities_and_cannot_touch_another_province_s()
    {
        await hub.Clients.RegisterWithProfileAsync("70751");
        await hub.Clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = "75751", Name = "Bệnh viện Đồng Nai thử" });
        var key = (await hub.Clients.AdminCredentials.IssueProvinceKeyAsync(new IssueProvinceKeyRequest { ProvinceCode = "70", Label = "tests" })).Key;
        var province = hub.Clients.FacilitiesWith(key);

        var own = await province.UpdateConditionAsync(new UpdateConditionRequest
        {
            FacilityCode = "70751",
            Condition = ReadinessCondition.PlanApproved,
            State = ConditionState.InProgress,
            Evidence = "Dự thảo kế hoạch",
        });
        var attempts = new Func<Task>[]
        {
            () => province.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "75751" }).ResponseAsync,
            () => province.UpdateConditionAsync(new UpdateConditionRequest
            {
                FacilityCode = "75751", Condition = ReadinessCondition.PlanApproved, State = ConditionState.Met, Evidence = "x",
            }).ResponseAsync,
            () => province.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = "75751" }).ResponseAsync,
            () => province.SuspendFacilityAsync(new SuspendFacilityRequest { FacilityCode = "75751", Reason = "x" }).ResponseAsync,
            () => province.ResumeFacilityAsync(new ResumeFacilityRequest { FacilityCode = "75751" }).ResponseAsync,
            () => province.SetGatewayAccountAsync(new SetGatewayAccountRequest { FacilityCode = "75751", Username = "u", Password = "p" }).ResponseAsync,
            () => province.ScheduleLocationAsync(new ScheduleLocationRequest { FacilityCode = "75751", EffectiveFrom = "2026-01-01", ProvinceCode = "70" }).ResponseAsync,
            // Naming its own province in the request does not let it rewrite a facility registered in another one.
            () => province.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = "75751", Name = "Chiếm", ProvinceCode = "70" }).ResponseAsync,
            () => province.ImportFacilitiesAsync(new ImportFacilitiesRequest
            {
                Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes("facility_code,name\n70752,Của tỉnh\n75752,Không phải của tỉnh\n")),
            }).ResponseAsync,
        };

        foreach (var attempt in attempts)
        {
            var error = await Assert.ThrowsAsync<RpcException>(attempt);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        }

        Assert.Equal(ConditionState.InProgress, own.Conditions.Single(c => c.Condition == ReadinessCondition.PlanApproved).State);
        var untouched = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "75751" });
        Assert.Equal("Bệnh viện Đồng Nai thử", untouched.Name);
        Assert.Equal(ReadinessState.Registered, untouched.State);
        var notImported = await Assert.ThrowsAsync<RpcException>(() =>
            hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70752" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notImported.StatusCode);
    }

    [Fact]
    public async Task Every_registry_change_is_audited_with_its_actor()
    {
        const string code = "70761";
        await hub.Clients.ReadyFacilityAsync(code);
        await hub.Clients.AdminFacilities.SetGatewayAccountAsync(new SetGatewayAccountRequest { FacilityCode = code, Username = "u70761", Password = "p" });
        await hub.Clients.AdminFacilities.SuspendFacilityAsync(new SuspendFacilityRequest { FacilityCode = code, Reason = "Tạm dừng thử" });
        await hub.Clients.AdminFacilities.ResumeFacilityAsync(new ResumeFacilityRequest { FacilityCode = code });

        var audit = await hub.Clients.AdminAudit.ListAuditEntriesAsync(new ListAuditEntriesRequest { FacilityCode = code, Limit = 1000, OldestFirst = true });

        var actions = audit.Entries.Select(e => e.Action).ToList();
        foreach (var action in new[]
        {
            "facility.registered", "facility.updated", "facility.connection_code_issued", "credential.issued", "facility.condition_updated",
            "facility.gateway_account_set", "facility.suspended", "facility.resumed",
        })
        {
            Assert.Contains(action, actions);
        }

        Assert.Equal(HubClients.DeclaredPhase1.Count, actions.Count(a => a == "facility.condition_updated"));
        Assert.All(audit.Entries.Where(e => e.Action.StartsWith("facility.", StringComparison.Ordinal)), e =>
        {
            Assert.Equal("admin", e.ActorRole);
            Assert.Equal("ok", e.Outcome);
            Assert.Equal("70", e.ProvinceCode);
        });
        Assert.Contains(audit.Entries, e => e.Action == "facility.suspended" && e.Details.Contains("Tạm dừng thử", StringComparison.Ordinal));
    }

    private static void AssertViolation(RpcException error, string field, string rule)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations,
            v => v.Field == field && v.Description.StartsWith(rule + ":", StringComparison.Ordinal));
    }
}
