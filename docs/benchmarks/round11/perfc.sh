#!/bin/bash
# usage: perfc.sh <repo> <name> [tool args]: closed4.sh with the hub under perf for 8 s from 3 s into the run
SRC=$1; name=$2; O=/tmp/bench/out/$name
( for i in $(seq 1 900); do grep -q "driving" $O/tool.log 2>/dev/null && break; sleep 0.2; done; sleep 3
  perf record -e cpu-clock -F 499 -g -p $(cat /tmp/bench/d-$name/hub.pid) -o /tmp/bench/$name.perf.data -- sleep 8 >/dev/null 2>&1 ) &
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 bash /tmp/bench/closed4.sh "$@"
wait
perf script -i /tmp/bench/$name.perf.data > /tmp/bench/$name.perf.txt 2>/dev/null
dotnet /tmp/bench/r16/tools/SoSucKhoe.TraceSummary/bin/Release/net10.0/SoSucKhoe.TraceSummary.dll perf /tmp/bench/$name.perf.txt --top 40 > $O/perf.md
