#!/usr/bin/env bash
# Runs the KeyWorks server with the demo programme on a private PostgreSQL cluster in .data/.
# Extra arguments go to the server, e.g. --KeyWorks:Http:Port=8080.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=src/prerequisites.sh
source "$root/src/prerequisites.sh"

keyworks_ensure_dotnet
keyworks_ensure_packages postgresql chromium fonts-noto-cjk
keyworks_ensure_npm "$root"
keyworks_build_dashboard "$root"

server="$root/src/KeyWorks.Server/bin/Release/net10.0/KeyWorks.Server.dll"
# Build only when a source changed since the last build, so a restart is quick.
if [ ! -f "$server" ] || [ -n "$(find "$root/src" "$root/schema" -newer "$server" -type f \
     \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.graphql' -o -name '*.json' -o -name '*.ts' -o -name '*.vue' -o -name '*.html' -o -name '*.js' \) \
     -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/node_modules/*' -print -quit)" ] \
   || [ "$root/Directory.Packages.props" -nt "$server" ] \
   || [ "$root/src/KeyWorks.Server/wwwroot/app/index.html" -nt "$server" ]; then
  echo "building KeyWorks ..."
  dotnet build "$root/src/KeyWorks.Server/KeyWorks.Server.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
fi

export KEYWORKS_DATA="${KEYWORKS_DATA:-$root/.data}"
exec dotnet "$server" "$@"
