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

# 1. Debian packages: only the missing ones, and apt-get update only if something is missing
#    (or deb-src entries were just added).
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' packaging/build-deps.txt)
if ! command -v kubectl >/dev/null 2>&1; then
    wanted+=(kubernetes-client) # for the kubectl conformance tests; never replaces a kubectl
fi
# The real-Kubernetes test tier (tests/integration/realk8s) builds kube-apiserver and friends from
# Debian's `kubernetes` source package, so apt needs deb-src entries: mirror the deb ones.
need_update=false
if ! apt-cache showsrc kubernetes >/dev/null 2>&1 || [ -z "$(apt-cache showsrc kubernetes 2>/dev/null)" ]; then
    src_list=/etc/apt/sources.list.d/meridian-deb-src
    if [ -f /etc/apt/sources.list.d/debian.sources ] && [ ! -f "$src_list.sources" ]; then
        echo "==> Adding deb-src entries ($src_list.sources) for the real-Kubernetes tests"
        sed 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
            | "${sudo[@]}" tee "$src_list.sources" >/dev/null
    elif [ -f /etc/apt/sources.list ] && [ ! -f "$src_list.list" ]; then
        echo "==> Adding deb-src entries ($src_list.list) for the real-Kubernetes tests"
        grep -E '^deb[[:space:]]' /etc/apt/sources.list | sed 's/^deb[[:space:]]/deb-src /' \
            | "${sudo[@]}" tee "$src_list.list" >/dev/null
    fi
    need_update=true
fi
missing=()
for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ] || [ "$need_update" = true ]; then
    "${sudo[@]}" apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing ${missing[*]}"
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
