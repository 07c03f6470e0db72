#!/usr/bin/env bash
# Release-time front-end build: copy Paragon's compiled CSS (the Open edX design system) into the
# package's static files, so that `pip install` needs no Node and pages load nothing from a CDN.
# Run by `make static`; the result is committed. Pages keep working without it.
set -euo pipefail
cd "$(dirname "$0")/.."
PARAGON_VERSION="${PARAGON_VERSION:-24.0.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@openedx/paragon@${PARAGON_VERSION}" >/dev/null && tar xzf openedx-paragon-*.tgz)
target=author_certificates/static/author_certificates/vendor/paragon
mkdir -p "$target"
cp "$work/package/dist/core.min.css" "$work/package/dist/light.min.css" "$target/"
cp "$work/package/LICENSE" "$target/LICENSE"
echo "@openedx/paragon ${PARAGON_VERSION}" > "$target/VERSION"
echo "Paragon ${PARAGON_VERSION} CSS copied to $target"
