#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager, kube-scheduler and kubectl 1.20.2 from Debian 12's
# `kubernetes` source package, the way debian/rules does (the upstream `make WHAT=cmd/...` with
# Debian's golang and the vendored tree, CGO off), offline, and caches the binaries in
#   ${MERIDIAN_K8S_CACHE:-~/.cache/meridian/k8s-1.20.2}/<source version>-<go version>-<arch>-r<recipe>/bin
# Prints that bin directory on stdout when done; a second run only prints it.
#
# Needs: a deb-src entry for bookworm, dpkg-dev, golang-go, golang-github-modern-go-reflect2-dev,
# rsync (packaging/bootstrap.sh sets these
# up). Runs under `nice` with Go's package parallelism limited (MERIDIAN_K8S_BUILD_JOBS, default 1)
# because the machine is shared (MERIDIAN_K8S_NICE, default 10). Everything except the final path
# goes to stderr. MERIDIAN_SKIP_REALK8S=1 exits with 77 (ctest: skipped) without doing anything.
set -euo pipefail

cache_root=${MERIDIAN_K8S_CACHE:-$HOME/.cache/meridian/k8s-1.20.2}
jobs=${MERIDIAN_K8S_BUILD_JOBS:-1}
targets=(kube-apiserver kube-controller-manager kube-scheduler kubectl)

log() { echo "build-k8s: $*" >&2; }
die() { echo "build-k8s: error: $*" >&2; exit 1; }

if [ "${MERIDIAN_SKIP_REALK8S:-}" = 1 ]; then
    log "skipped: MERIDIAN_SKIP_REALK8S=1"
    exit 77 # ctest: skipped
fi

command -v go >/dev/null || die "go not found (Debian package golang-go; run packaging/bootstrap.sh)"
command -v rsync >/dev/null || die "rsync not found (Debian package rsync)"
command -v apt-get >/dev/null || die "apt-get not found: this builds from Debian's source package"

go_version=$(GOFLAGS='' go env GOVERSION)
arch=$(go env GOARCH)
# The source package version, from the deb-src index (no network): e.g. 1.20.5+really1.20.2-1.1+deb12u1
src_version=$(apt-cache showsrc kubernetes 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n1)
[ -n "$src_version" ] || die "apt-cache knows no source package 'kubernetes': add a deb-src entry for bookworm and run apt-get update (packaging/bootstrap.sh does)"
case "$src_version" in
    *1.20.2*) ;;
    *) die "source package kubernetes is $src_version, not 1.20.2" ;;
esac

# recipe: bump when the way of building changes, so that caches of an older recipe are not used.
recipe=2
key="${src_version}-${go_version}-${arch}-r${recipe}"
out="$cache_root/$key"
if [ -x "$out/bin/kube-apiserver" ] && [ -f "$out/COMPLETE" ]; then
    echo "$out/bin"
    exit 0
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/.lock"
log "waiting for the build lock $cache_root/.lock"
flock 9
if [ -x "$out/bin/kube-apiserver" ] && [ -f "$out/COMPLETE" ]; then # another run built it meanwhile
    echo "$out/bin"
    exit 0
fi

work="$cache_root/build-$key"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
log "fetching the source package kubernetes=$src_version into $work"
apt-get source --only-source "kubernetes=$src_version" >&2 || die "apt-get source kubernetes failed"
srcdir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n1)
[ -d "$srcdir" ] || die "apt-get source produced no kubernetes-* directory"
cd "$srcdir"

# Kubernetes 1.20 vendors github.com/modern-go/reflect2 1.0.1, which links to reflect.mapiterinit
# with its pre-Go-1.18 signature: built with Debian 12's Go 1.19, kube-apiserver dies with SIGSEGV
# (runtime.mapiternext) the first time json-iterator encodes a map. Debian's
# golang-github-modern-go-reflect2-dev is 1.0.2, the upstream fix (same API), so vendor that.
reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
if [ ! -f vendor/github.com/modern-go/reflect2/go_above_118.go ]; then
    [ -f "$reflect2/go_above_118.go" ] ||
        die "$reflect2 is missing: install Debian's golang-github-modern-go-reflect2-dev (1.0.2), which Go >= 1.18 needs"
    log "replacing the vendored modern-go/reflect2 1.0.1 by Debian's 1.0.2 (Go 1.18+ fix)"
    rm -f vendor/github.com/modern-go/reflect2/*.go vendor/github.com/modern-go/reflect2/*.s
    cp "$reflect2"/*.go "$reflect2"/*.s vendor/github.com/modern-go/reflect2/
fi

# As debian/rules: a GOPATH with the tree at k8s.io/kubernetes, CGO off, HOME somewhere harmless.
# Offline: 1.20's hack/ builds in GOPATH mode (GO111MODULE=off) from vendor/, and the module proxy
# is switched off so nothing can reach the network.
export GOPATH="$srcdir/.go" CGO_ENABLED=0 GOPROXY=off GOSUMDB=off GOFLAGS="-p=$jobs" GOTOOLCHAIN=local
export HOME="$work/home"
mkdir -p .go/src/k8s.io "$HOME"
[ -L .go/src/k8s.io/kubernetes ] || ln -s ../../.. .go/src/k8s.io/kubernetes

start=$(date +%s)
log "building ${targets[*]} with $go_version, $jobs job(s), under nice (expect tens of minutes on a busy 2-core machine)"
what=$(printf 'cmd/%s ' "${targets[@]}")
nice -n "${MERIDIAN_K8S_NICE:-10}" make WHAT="$what" >&2 || die "make WHAT=\"$what\" failed (see above)"
seconds=$(( $(date +%s) - start ))

mkdir -p "$out.tmp/bin"
for t in "${targets[@]}"; do
    install -m 0755 "_output/bin/$t" "$out.tmp/bin/$t"
done
{
    echo "source=kubernetes $src_version (Debian 12)"
    echo "go=$go_version arch=$arch jobs=$jobs"
    echo "build_seconds=$seconds"
    echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$out.tmp/COMPLETE"
rm -rf "$out"
mv "$out.tmp" "$out"
cd /
rm -rf "$work"
log "built in ${seconds}s; cached in $out/bin"
echo "$out/bin"
