#!/usr/bin/env bash
# The test command. It installs the Debian packages the tests need when they are missing (the tests start a real PostgreSQL 15
# server and call xmlsec1), then runs the whole suite; extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

missing=()
if [ ! -x /usr/lib/postgresql/15/bin/initdb ] || ! id postgres >/dev/null 2>&1; then
  missing+=(postgresql-15)
fi
command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "test.sh: the tests need ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root." >&2; exit 1; }
    sudo=sudo
  fi
  echo "test.sh: installing ${missing[*]} (Debian packages the tests need)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec dotnet test Orleans.SoSucKhoe.sln "$@"
