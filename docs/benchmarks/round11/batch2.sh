#!/bin/bash
export SOSUCKHOE_REFERENCE_DIR=/work/shared/reference TOOL=/tmp/bench/r9base
cd /tmp/bench
for b in r16 r17; do echo "== overload 1500/s $b $(date +%T)"; DUR=13s timeout 400 bash open300c.sh /tmp/bench/$b b2-ov-$b 1500 2>&1 | grep -v "No such"; grep -E "^\| failed|ResourceExhausted|gateway received|peak" out/b2-ov-$b/report.md; tail -3 out/b2-ov-$b/tool.log | cut -c1-200; grep -c "Out of memory" d-b2-ov-$b/hub.log; done
for i in 1 2; do for b in r17 r16; do echo "== o300 $b $i $(date +%T)"; bash open300c.sh /tmp/bench/$b b2-o300-$b-$i 300 2>&1 | grep -v "No such"; done; done
for b in r17 r16; do echo "== c200 $b $(date +%T)"; FAC=200 CIT=100000 WARM=20s DUR=40s DELAY=3 bash closed4.sh /tmp/bench/$b b2-c200-$b 2>&1 | tail -2; done
for i in 1 2; do echo "== o1000 r17 $i $(date +%T)"; DUR=20s bash open300c.sh /tmp/bench/r17 b2-o1000-r17-$i 1000 2>&1 | grep -v "No such"; grep -E "^\| failed|gateway received" out/b2-o1000-r17-$i/report.md; done
echo done $(date +%T)
