#!/bin/bash
export SOSUCKHOE_REFERENCE_DIR=/work/shared/reference TOOL=/tmp/bench/r19
cd /tmp/bench
for i in 1 2; do echo "== o300 r17 tool r19 $i $(date +%T)"; bash open300c.sh /tmp/bench/r17 b4-o300-$i 300 2>&1 | grep -v "No such"; done
echo "== max r17 tool r19 $(date +%T)"; timeout 1200 bash max.sh /tmp/bench/r17 max-r17-r19 --start-rate 600 --rate-step 100
echo done $(date +%T)
