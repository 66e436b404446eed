#!/usr/bin/env bash
# Installs what KeyWorks needs on a Debian machine, or says exactly what to run when it cannot.
# Sourced by src/serve.sh and tests/test.sh.

# Debian packages that provide a command or folder, checked by what they provide rather than by package name,
# so that an existing PostgreSQL of another major version also counts.
keyworks_has_package() {
  case "$1" in
    postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null ;;
    chromium) command -v chromium >/dev/null ;;
    fonts-noto-cjk) compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null ;;
    poppler-utils) command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null ;;
    *) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" ;;
  esac
}

keyworks_ensure_packages() {
  local missing=()
  for package in "$@"; do
    keyworks_has_package "$package" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "KeyWorks needs: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing with apt-get ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
      echo "apt-get could not install them; run: apt-get update && apt-get install -y ${missing[*]}" >&2
      return 1
    }
  elif command -v apt-get >/dev/null; then
    echo "run as root, or: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    return 1
  else
    echo "this machine has no apt-get; install these Debian packages (or their equivalents): ${missing[*]}" >&2
    return 1
  fi
}

# Runs npm ci for every npm project of the repository whose node_modules is missing or older than its lock file.
keyworks_ensure_npm() {
  local root=$1
  command -v npm >/dev/null || { echo "KeyWorks needs Node.js 20 with npm: apt-get install -y nodejs npm" >&2; return 1; }
  while IFS= read -r lock; do
    local dir
    dir=$(dirname "$lock")
    if [ ! -d "$dir/node_modules" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
      echo "npm ci in ${dir#"$root"/} ..."
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    fi
  done < <(find "$root/src" "$root/tests" -name package-lock.json -not -path "*/node_modules/*" | sort)
}

keyworks_ensure_dotnet() {
  command -v dotnet >/dev/null || {
    echo "KeyWorks needs the .NET 10 SDK: apt-get install -y dotnet-sdk-10.0 (from Microsoft's package feed)" >&2
    return 1
  }
}

# Builds the dashboard into the server's wwwroot/app when its sources are newer than the last build.
keyworks_build_dashboard() {
  local root=$1
  local dashboard="$root/src/KeyWorks.Dashboard"
  local built="$root/src/KeyWorks.Server/wwwroot/app/index.html"
  if [ ! -f "$built" ] || [ -n "$(find "$dashboard" "$root/schema" -newer "$built" -type f -not -path '*/node_modules/*' -not -path '*/dist*' -print -quit)" ]; then
    echo "building the dashboard ..."
    (cd "$dashboard" && npm run --silent build) || return 1
  fi
}
