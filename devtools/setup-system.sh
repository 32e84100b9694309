#!/usr/bin/env bash
# The system packages Temaplan's tests and tools need, installed when missing:
# - Debian's chromium, which the browser tests drive through Playwright (/usr/bin/chromium);
# - poppler-utils (pdftoppm, pdftotext) to look at PDF reports;
# - the Pango, HarfBuzz and fontconfig libraries WeasyPrint loads for PDF output;
# - npm, and axe-core (pinned in devtools/node/package.json) in var/node, which the
#   accessibility browser test injects into every page.
# Idempotent, and silent when everything is in place. It installs with apt-get only as root;
# anyone else is told what to install. Needs no network but Debian's and npm's registries.
# Called by `make test`, `make run` and .ci/run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DEBIAN_PACKAGES=(
  chromium
  poppler-utils
  libpango-1.0-0
  libpangoft2-1.0-0
  libharfbuzz0b
  libharfbuzz-subset0
  libfontconfig1
)
NODE_PINS=devtools/node
NODE_DIR=var/node
AXE_JS="$NODE_DIR/node_modules/axe-core/axe.min.js"

installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }

missing_debian_packages() {
  local package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    installed "$package" || printf '%s\n' "$package"
  done
  # npm as a command: NodeSource's nodejs brings its own npm, which Debian's npm would conflict with.
  command -v npm >/dev/null || printf '%s\n' npm
}

install_debian_packages() {
  local missing
  mapfile -t missing < <(missing_debian_packages)
  (( ${#missing[@]} )) || return 0
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
    echo "Systempakker mangler: ${missing[*]}"
    echo "Installer dem med: sudo apt-get install ${missing[*]}"
    return 0
  fi
  echo "Installerer systempakker: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
}

# axe-core is installed again only when the pins change or the file is gone.
install_axe_core() {
  if [[ -f "$AXE_JS" ]] && cmp -s "$NODE_PINS/package-lock.json" "$NODE_DIR/package-lock.json"; then
    return 0
  fi
  if ! command -v npm >/dev/null; then
    echo "npm mangler, så axe-core er ikke installert i $NODE_DIR (apt-get install npm)."
    return 0
  fi
  echo "Installerer axe-core i $NODE_DIR"
  mkdir -p "$NODE_DIR"
  cp "$NODE_PINS/package.json" "$NODE_PINS/package-lock.json" "$NODE_DIR/"
  npm ci --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error </dev/null >/dev/null
}

install_debian_packages
install_axe_core
