#!/usr/bin/env bash
# Installs the Debian packages the tests use (as root, or through sudo when not root).
#   bash scripts/install-system-deps.sh            everything CI needs
#   bash scripts/install-system-deps.sh PKG...     just these (e.g. libxml2-utils for npm test)
set -euo pipefail
packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then
  packages=(chromium libreoffice-calc-nogui libxml2-utils poppler-utils unzip fonts-noto-cjk fonts-dejavu-core)
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-get not found: install ${packages[*]} with your system's package manager." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
