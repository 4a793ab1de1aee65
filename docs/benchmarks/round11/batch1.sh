#!/bin/bash
export SOSUCKHOE_REFERENCE_DIR=/work/shared/reference TOOL=/tmp/bench/r9base
cd /tmp/bench
for i in 1 2 3; do
  echo "== o300 $i $(date +%T)"; bash open300c.sh /tmp/bench/r16 b1-o300-$i 300 2>&1 | grep -v "No such process"
  echo "== o1000 $i $(date +%T)"; DUR=20s bash open300c.sh /tmp/bench/r16 b1-o1000-$i 1000 2>&1 | grep -v "No such process"
done
for i in 1 2; do
  echo "== closed visit-mix $i $(date +%T)"; WARM=40s DUR=40s DELAY=3 bash closed4.sh /tmp/bench/r16 b1-cmix-$i 2>&1 | tail -2
done
echo done $(date +%T)
