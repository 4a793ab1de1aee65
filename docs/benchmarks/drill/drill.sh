#!/usr/bin/env bash
# The worked drill of docs/load-testing.md ("Drill"), as run on the shared 2-core machine: Release builds, the gateway emulator
# as its own process, the hub started (and killed, and started again) by the load tool. Ports 6380/6381/16311 (hub) and 6390
# (emulator), data under /tmp/drill-worked. RATE, DURATION, KILLS, OUTAGE_AT and OUTAGE_FOR change the plan.
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=/tmp/drill-worked
rm -rf "$work/hub" "$work/report" "$work/admin.key"
mkdir -p "$work"
for project in src/Silo tools/SoSucKhoe.GatewayEmulator tools/SoSucKhoe.LoadTest; do dotnet build "$project" -c Release -v q -nologo; done

dotnet tools/SoSucKhoe.GatewayEmulator/bin/Release/net10.0/SoSucKhoe.GatewayEmulator.dll --urls http://127.0.0.1:6390 \
  --Emulator:AdminKeyFile="$work/emulator.key" --Logging:LogLevel:Default=Warning >"$work/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator' EXIT
until [ -s "$work/emulator.key" ]; do sleep 0.2; done

hub="exec dotnet $PWD/src/Silo/bin/Release/net10.0/SoSucKhoe.Silo.dll --Hub:GrpcUrl=http://127.0.0.1:6380 --Hub:HttpUrl=http://127.0.0.1:6381"
hub+=" --Hub:SiloPort=16311 --Hub:DataDirectory=$work/hub --Hub:HostGatewayEmulator=false --Gateway:BaseAddress=http://127.0.0.1:6390/gateway/"
hub+=" --Security:GeneratedAdminKeyFile=$work/admin.key --Security:RequestsPerSecond=100000 --Security:Burst=100000"
hub+=" --Serilog:MinimumLevel:Default=Warning --Serilog:MinimumLevel:Override:Orleans.Hosting=Information"

dotnet tools/SoSucKhoe.LoadTest/bin/Release/net10.0/SoSucKhoe.LoadTest.dll drill --hub-command "$hub" \
  --grpc http://127.0.0.1:6380 --admin-key-file "$work/admin.key" \
  --gateway-stats http://127.0.0.1:6390/gateway/emulator/stats --gateway-key-file "$work/emulator.key" \
  --facilities 200 --citizens 100000 --rate "${RATE:-100}" --duration "${DURATION:-120s}" --kills "${KILLS:-20s,50s,90s:term}" \
  --outage-at "${OUTAGE_AT:-40s}" --outage-for "${OUTAGE_FOR:-20s}" --report-dir "$work/report"
