#!/bin/bash
# usage: open300c.sh <repo> <name> <rate> [tool args]; open loop 200 fac with hub counters (1 s, csv) over the whole run.
# Environment (round 11): HUBENV (variables for the hub process only, e.g. DOTNET_GCHeapHardLimit=0x80000000), CIT (citizens, 100000), FAC, DUR, TOOL, HUBARGS.
SRC=$1; name=$2; rate=$3; shift 3; D=/tmp/bench/d-$name; O=/tmp/bench/out/$name
export PATH=$PATH:~/.dotnet/tools
HUB=$(env $HUBENV bash /tmp/bench/hubx.sh $SRC 160 $D $HUBARGS); rm -rf $O; mkdir -p $O
dotnet-counters collect -p $HUB --refresh-interval 1 --format csv -o $O/hub-counters.csv --counters System.Runtime,SoSucKhoe.Storage,Microsoft-AspNetCore-Server-Kestrel >/dev/null 2>&1 &
CP=$!
if [ -n "$TRACE" ]; then ( for i in $(seq 1 600); do grep -q "signing 1" $O/tool.log 2>/dev/null && break; sleep 0.2; done; date -u +%FT%T.%N > $O/trace-start.txt; dotnet-trace collect -p $HUB --profile dotnet-sampled-thread-time --providers Microsoft-Windows-DotNETRuntime:0x10011:4 --duration 00:00:00:${TRACE} -o $O/hub.nettrace >/dev/null 2>&1 ) & TRP=$!; fi
T=${TOOL:-$SRC}/tools/SoSucKhoe.LoadTest/bin/Release/net10.0/SoSucKhoe.LoadTest.dll
dotnet $T --grpc http://127.0.0.1:16080 --admin-key $(cat $D/admin.key) --gateway-stats http://127.0.0.1:16081/gateway/emulator/stats \
  --facilities ${FAC:-200} --citizens ${CIT:-100000} --mode open --rate $rate --duration ${DUR:-40s} --warmup 10s --lag-sample 0 --hub-pid $HUB --report-dir $O --latency-log $O/lat.csv "$@" > $O/tool.log 2>&1
kill -INT $CP; sleep 2; pkill -f dotnet-counters; [ -n "$TRACE" ] && wait $TRP
grep -E "accepted per second|p50 / p95" $O/report.md
kill $HUB; sleep 2
