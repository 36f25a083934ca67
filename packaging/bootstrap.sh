#!/usr/bin/env bash
# Sets up a Debian 12 machine for Meridian, builds it, and then either starts the demo or runs
# the test suite. Idempotent: a second run installs nothing and rebuilds incrementally.
#
#   packaging/bootstrap.sh demo    install what is missing, build, start `meridian --demo`
#   packaging/bootstrap.sh test    install what is missing, build, run every test with ctest
#   packaging/bootstrap.sh build   install what is missing and build
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

action=${1:-}
case "$action" in
    demo|test|build) ;;
    *) echo "usage: $0 demo|test|build" >&2; exit 2 ;;
esac

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi

# 1. Debian packages: only the missing ones, and apt-get update only if something is missing.
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' packaging/build-deps.txt)
if ! command -v kubectl >/dev/null 2>&1; then
    wanted+=(kubernetes-client) # for the kubectl conformance tests; never replaces a kubectl
fi
missing=()
for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "==> Every Debian package is already installed"
fi

# 2. Configure and build (warnings are errors in CI).
preset=default
if [ "${CI:-}" = "true" ]; then preset=ci; fi
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

# 3. Run.
case "$action" in
    build) ;;
    test)
        exec ctest --preset "$preset"
        ;;
    demo)
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            shot="$root/build/meridian-demo.png"
            echo "==> No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open."
            echo "    Rendering the demo to a picture instead with the --screenshot option:"
            echo "    build/bin/meridian --demo --screenshot $shot"
            build/bin/meridian --demo --screenshot "$shot"
            echo "==> Wrote $shot"
        else
            exec build/bin/meridian --demo
        fi
        ;;
esac
