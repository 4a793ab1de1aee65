#!/bin/bash
# usage: hubx.sh <repo dir> <port base e.g. 160> <data dir> [hub args...]; starts a Release hub, prints its pid
SRC=$1; P=$2; D=$3; shift 3
R=${SOSUCKHOE_REFERENCE_DIR:?set SOSUCKHOE_REFERENCE_DIR to the shared reference folder}
rm -rf $D && mkdir -p $D
cd $SRC/src/Silo
nohup dotnet bin/Release/net10.0/SoSucKhoe.Silo.dll --Hub:GrpcUrl=http://127.0.0.1:${P}80 --Hub:HttpUrl=http://127.0.0.1:${P}81 \
  --Hub:SiloPort=${P}82 --Hub:DataDirectory=$D/data --Gateway:BaseAddress=http://127.0.0.1:${P}81/gateway/ \
  --Security:GeneratedAdminKeyFile=$D/admin.key --Security:RequestsPerSecond=100000 --Security:Burst=100000 \
  --Catalogues:FieldRules=$R/xml-fields-qd4750.csv --Catalogues:Icd10=$R/icd10-qd4469.csv \
  --Catalogues:Icd10FemaleOnly=$R/icd10-female-only.csv --Catalogues:Icd10MaleOnly=$R/icd10-male-only.csv \
  --Catalogues:AdministrativeUnits=$R/admin-units-2024-06-11.csv \
  --Serilog:MinimumLevel:Default=Warning "$@" > $D/hub.log 2>&1 &
echo $! > $D/hub.pid
for i in $(seq 1 90); do [ -s $D/admin.key ] && curl -sf http://127.0.0.1:${P}81/healthz >/dev/null && break; sleep 1; done
cat $D/hub.pid
