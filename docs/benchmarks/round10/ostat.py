import csv,sys
from collections import defaultdict
d=defaultdict(dict)
for r in csv.reader(open(sys.argv[1]+'/hub-counters.csv')):
    if r[0]=='Timestamp': continue
    d[r[0]][r[2]]=r[4]
ts=sorted(d)[15:]
def med(k):
    v=sorted(float(d[t][k]) for t in ts if k in d[t]); return v[len(v)//2] if v else -1
print(' '.join(f"{n}={med(k):.1f}" for n,k in [('commit50','sosuckhoe.storage.commit.duration (ms)[Percentile=50]'),('commit99','sosuckhoe.storage.commit.duration (ms)[Percentile=99]'),('wait50','sosuckhoe.storage.write.wait (ms)[Percentile=50]'),('wait99','sosuckhoe.storage.write.wait (ms)[Percentile=99]'),('commits/s','sosuckhoe.storage.commits (Count / 1 sec)'),('ops/s','sosuckhoe.storage.operations (Count / 1 sec)')]))
