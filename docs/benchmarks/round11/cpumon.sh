#!/bin/bash
# usage: cpumon.sh <name>: while the run <name> goes, prints hub and tool CPU (cores) every 5 s once "driving" appears
O=/tmp/bench/out/$1; D=/tmp/bench/d-$1
for i in $(seq 1 900); do grep -q "driving" $O/tool.log 2>/dev/null && break; sleep 0.2; done
HUB=$(cat $D/hub.pid); TP=$(pgrep -f "SoSucKhoe.LoadTest.dll" | head -1)
prev_h=$(awk '{print $14+$15}' /proc/$HUB/stat); prev_t=$(awk '{print $14+$15}' /proc/$TP/stat)
for k in 1 2 3 4; do sleep 5; h=$(awk '{print $14+$15}' /proc/$HUB/stat 2>/dev/null) || break; t=$(awk '{print $14+$15}' /proc/$TP/stat 2>/dev/null) || break
echo "t+$((k*5))s hub $(( (h-prev_h) ))cs/5s = $(python3 -c "print(round(($h-$prev_h)/500,2))") cores, tool $(python3 -c "print(round(($t-$prev_t)/500,2))") cores"; prev_h=$h; prev_t=$t; done
