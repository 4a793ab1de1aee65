#!/bin/bash
# Round 9 of docs/benchmarks.md. Needs: a Release build of src/Silo in <repo dir>, TOOL=<clone with tools/SoSucKhoe.LoadTest built -c Release>,
# SOSUCKHOE_REFERENCE_DIR=<shared/reference>. Environment: WARM, DUR, DELAY, CONC, CIT, FAC, SEED, HUBARGS, WORK (default /tmp/bench).
# usage: closed4.sh <repo dir> <name> [extra tool args]: closed loop, 20 facilities, 5,000 citizens, 64 workers, 40 s warm-up, then
# 20,000 dossiers; prints the hub CPU per dossier acknowledged by the emulator,
# from DELAY s after the first progress line to the end of the run (the emulator's dossier counter, exact)
SRC=$1; name=$2; shift 2; D=${WORK:-/tmp/bench}/d-$name; O=${WORK:-/tmp/bench}/out/$name
HUB=$(bash "$(dirname "$0")/hubx.sh" $SRC 160 $D $HUBARGS); rm -rf $O; mkdir -p $O
T=${TOOL:?set TOOL to a clone with the load tool built}/tools/SoSucKhoe.LoadTest/bin/Release/net10.0/SoSucKhoe.LoadTest.dll
ST=http://127.0.0.1:16081/gateway/emulator/stats
( dotnet $T --grpc http://127.0.0.1:16080 --admin-key $(cat $D/admin.key) --gateway-stats $ST \
  --facilities ${FAC:-20} --citizens ${CIT:-5000} --mode closed --concurrency ${CONC:-64} --rate ${RATE:-500} --duration ${DUR:-40s} --warmup ${WARM:-40s} --seed ${SEED:-21} --hub-pid $HUB --report-dir $O "$@" > $O/tool.log 2>&1 & echo $! > $O/tool.pid; wait ) &
sleep 1; TP=$(cat $O/tool.pid)
for i in $(seq 1 400); do grep -q "accepted +\|accepted [0-9]" $O/tool.log && break; sleep 0.5; done; sleep ${DELAY:-3}
d0=$(curl -s -H "Authorization: Bearer $(cat $D/admin.key)" $ST | python3 -c "import json,sys; print(json.load(sys.stdin)['dossiers'])"); a=$(awk '{print $14+$15}' /proc/$HUB/stat); t0=$(date +%s.%N)
while kill -0 $TP 2>/dev/null; do sleep 0.2; done
d1=$(curl -s -H "Authorization: Bearer $(cat $D/admin.key)" $ST | python3 -c "import json,sys; print(json.load(sys.stdin)['dossiers'])"); a2=$(awk '{print $14+$15}' /proc/$HUB/stat); t1=$(date +%s.%N)
wait
echo "$name: hub $(( (a2-a)*10 ))ms over $((d1-d0)) dossiers in $(python3 -c "print(round($t1-$t0,1))") s: hub $(python3 -c "print(round($((a2-a))*10/$((d1-d0)),3))") ms/dossier" | tee $O/cpu.txt
grep -E "accepted per second" $O/report.md
kill $HUB; sleep 2
