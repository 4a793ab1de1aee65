#!/bin/bash
# usage: max.sh <repo> <name> [tool args]: the max profile (steps of 20 s) against a fresh hub
SRC=$1; name=$2; shift 2; D=/tmp/bench/d-$name; O=/tmp/bench/out/$name
HUB=$(bash /tmp/bench/hubx.sh $SRC 160 $D $HUBARGS); rm -rf $O; mkdir -p $O
T=${TOOL:-$SRC}/tools/SoSucKhoe.LoadTest/bin/Release/net10.0/SoSucKhoe.LoadTest.dll
dotnet $T --grpc http://127.0.0.1:16080 --admin-key $(cat $D/admin.key) --gateway-stats http://127.0.0.1:16081/gateway/emulator/stats \
  --profile max --ceiling-dir $D/data --reference-dir $SOSUCKHOE_REFERENCE_DIR --hub-pid $HUB --report-dir $O "$@" > $O/tool.log 2>&1
grep -E "highest|step|ceiling" $O/report.md | head -30
kill $HUB; sleep 2
