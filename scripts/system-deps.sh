#!/usr/bin/env bash
# Installs the system packages the tests need, only where they are missing:
# a Chromium (Debian's `chromium`; CI images may already have Google Chrome),
# Java for the Nu HTML Checker, Node.js and npm for its jar, the Noto fonts. Nothing is downloaded
# outside the distribution's package manager.
set -euo pipefail

missing=()
# Tests drive ${CHROMIUM:-/usr/bin/chromium}; Debian's package puts it there.
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(nodejs npm)
# Noto (Naskh Arabic, Serif, Sans): the fonts of the readers' devices the browser gates lay
# pages out with (Android's and ChromeOS's own), and the Arabic font's source (`make fonts`).
# Without them Chromium falls back to DejaVu only: Latin text is wider and the fallback Arabic
# reflows when the site's Naskh arrives (CLS 0.33), so the gates would measure another layout.
[ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
