#!/usr/bin/env bash
# Builds KeyWorks with zero warnings and runs every test. Each test run starts its own PostgreSQL cluster.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=src/prerequisites.sh
source "$root/src/prerequisites.sh"

keyworks_ensure_dotnet
keyworks_ensure_packages postgresql chromium fonts-noto-cjk poppler-utils
keyworks_ensure_npm "$root"

cd "$root"
echo "building the dashboard (type-checked) ..."
(cd src/KeyWorks.Dashboard && npm run --silent build)
echo "building (warnings are errors) ..."
dotnet build Projects.sln -c Release -nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "dashboard tests ..."
status=0
(cd src/KeyWorks.Dashboard && NO_COLOR=1 npx vitest run --reporter=dot && npm run --silent test:browser) 2>&1 | tee "$log" || status=$?

# One test assembly at a time: on two cores parallel assemblies gain little, and they would disturb each other's
# process-level checks (start-up times, killed writers).
for project in tests/*.Tests/*.Tests.csproj; do
  dotnet test "$project" -c Release --no-build -nologo "$@" 2>&1 | tee -a "$log" || status=$?
done

# One closing line over all test assemblies.
# vitest: "Tests  88 passed (88)" or "Tests  2 failed | 86 passed (88)"; browser checks: "N passed, N failed".
awk '/^ *Tests +[0-9]/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1); if ($i ~ /^skipped/) s += $(i-1) } }
     /^browser checks: [0-9]+ passed/ { p += $3; f += $5 }
     /(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
