#!/usr/bin/env bash
# Runs every test suite of UNV Results Dashboard, from a fresh Debian machine with the .NET SDK:
#   1. installs what is missing (PostgreSQL server binaries, Chromium, Node.js/npm),
#   2. builds the solution in Release with warnings as errors (npm ci runs inside the build),
#   3. runs the domain, integration (SQLite and PostgreSQL) and browser tests,
# and exits non-zero if anything fails. Each suite runs even when an earlier one failed.
#
# Environment: UNV_TEST_POSTGRES  use this server (admin connection string) instead of a throwaway one
#              UNV_CHROMIUM       path of the Chromium to drive (default /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
  exit 2
fi

missing=()
if [ -z "${UNV_TEST_POSTGRES:-}" ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  missing+=(postgresql)
fi
if [ ! -x "${UNV_CHROMIUM:-/usr/bin/chromium}" ]; then
  missing+=(chromium)
fi
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "test.sh: missing ${missing[*]}; run as root, install sudo, or install them first (apt-get install -y ${missing[*]})." >&2
      exit 2
    fi
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== Build (Release, warnings as errors)"
dotnet build UnvReporting.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

status=0
for suite in UnvReporting.Domain.Tests UnvReporting.Web.Tests UnvReporting.BrowserTests; do
  echo "== Test: $suite"
  if ! dotnet test "tests/$suite" -c Release --no-build -nologo \
      --logger "console;verbosity=minimal" --blame-hang-timeout 5m; then
    status=1
  fi
done

if [ "$status" -ne 0 ]; then
  echo "== Some tests failed." >&2
else
  echo "== All test suites passed."
fi
exit "$status"
