# Run from the repository root while the hub runs (dotnet run --project src/Silo in another terminal).
HUB=${HUB:-http://127.0.0.1:5080}                        # the hub's gRPC address
HTTP=${HTTP:-http://127.0.0.1:5081}                      # its plain-HTTP address (health, gateway emulator)
ADMIN_KEY=${ADMIN_KEY:-$(cat src/Silo/data/admin.key)}   # written by the hub at its first start
WORK=${WORK:-try-it}                                     # the certificate and the documents go here
mkdir -p "$WORK"

# The project's CLI, built once (then each call runs the built tool).
dotnet build tools/SoSucKhoe.Cli -v q --nologo
sosuckhoe() { dotnet tools/SoSucKhoe.Cli/bin/Debug/net10.0/sosuckhoe.dll "$@"; }
as_admin() { SOSUCKHOE_KEY=$ADMIN_KEY sosuckhoe call --hub "$HUB" "$@"; }
as_facility() { SOSUCKHOE_KEY=$FACILITY_KEY sosuckhoe call --hub "$HUB" "$@"; }

# The province registers facility 70001 (district 689) and the certificate its HIS signs with (a test one here).
sosuckhoe make-cert --facility 70001 --key "$WORK/signer.key" --cert "$WORK/signer.crt" --force
as_admin Facilities/RegisterFacility '{"facilityCode":"70001","name":"Trạm Y tế Tân Phú","districtCode":"689"}' --field state
as_admin Facilities/AddSigningCertificate '{"facilityCode":"70001"}' --file certificatePem="$WORK/signer.crt" --field thumbprintSha256

# The connection code comes with the facility's API key for its HIS, shown only in this answer.
FACILITY_KEY=$(as_admin Facilities/IssueConnectionCode '{"facilityCode":"70001"}' --field facilityKey.key)

# The conditions the province declares, with their evidence.
for c in PLAN_APPROVED INTERNAL_REGULATION NETWORK_SECURITY; do
  as_admin Facilities/UpdateCondition "{\"facilityCode\":\"70001\",\"condition\":\"READINESS_CONDITION_$c\",\"state\":\"CONDITION_STATE_MET\",\"evidence\":\"QĐ 12/QĐ-SYT\"}" --field state
done
as_admin Facilities/UpdateCondition '{"facilityCode":"70001","condition":"READINESS_CONDITION_STAFF_TRAINED","state":"CONDITION_STATE_MET","evidence":"Training list","share":1}' --field state

# Five clean signed dossiers (distinct MA_LK) prove "HIS configured": checked like production, never stored or forwarded.
sosuckhoe sample-dossier --facility 70001 --key "$WORK/signer.key" --cert "$WORK/signer.crt" --count 5 --seed 1 --out "$WORK/conformance.xml"
for f in "$WORK"/conformance-[1-5].xml; do
  as_facility Intake/SubmitConformanceDossier --file document="$f" --field cleanCount
done
as_admin Facilities/GetFacility '{"facilityCode":"70001"}'   # state READINESS_STATE_READY, its conditions and history

# A patient checks in (the signed XML0 and the request that goes with it), then the episode's dossier is submitted.
CHECK_IN=$(sosuckhoe sample-check-in --facility 70001 --key "$WORK/signer.key" --cert "$WORK/signer.crt" --seed 2 --out "$WORK/check-in.xml")
as_facility Intake/CheckIn "$CHECK_IN" --file checkInDocument="$WORK/check-in.xml" --field created
sosuckhoe sample-dossier --facility 70001 --key "$WORK/signer.key" --cert "$WORK/signer.crt" --seed 2 --out "$WORK/dossier.xml"
DOSSIER_ID=$(as_facility Intake/SubmitDossier --file document="$WORK/dossier.xml" --field dossierId)   # OK: stored durably

# The hub forwards it to the gateway (the emulator in the default run) and keeps the receipt.
for i in $(seq 30); do
  [ "$(as_facility Intake/GetDossierStatus "{\"dossierId\":\"$DOSSIER_ID\"}" --field state)" = DOSSIER_STATE_ACKNOWLEDGED ] && break
  sleep 1
done
as_facility Intake/GetDossierStatus "{\"dossierId\":\"$DOSSIER_ID\"}"
curl -s -H "Authorization: Bearer $ADMIN_KEY" "$HTTP/gateway/emulator/stats"; echo
