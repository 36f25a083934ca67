#!/usr/bin/env bash
# Real Kubernetes control planes on loopback for Meridian's tests: one etcd (Debian's etcd-server)
# and N independent clusters (kube-apiserver, kube-controller-manager, kube-scheduler 1.20.2 built
# by build-k8s.sh), each with its own etcd prefix, CA, serving certificate, token file, admin
# client certificate and an RBAC-restricted viewer token; fake Nodes; and the pod agent
# (meridian-realk8s-agent) that moves bound pods to Running/Ready as KWOK does, since there is no
# kubelet. Everything binds 127.0.0.1.
#
#   realk8s.sh run [--clusters N] [--agent PATH] -- COMMAND [ARGS...]
#       start everything in a fresh private directory, run COMMAND with
#         REALK8S_KUBECONFIG  kubeconfig with one context per cluster (admin; k8s-a, k8s-b, ...)
#         REALK8S_VIEWER_KUBECONFIG  the same clusters as the RBAC-restricted user "viewer"
#         REALK8S_STATE       the directory (logs, PIDs), REALK8S_SCRIPT this script,
#         REALK8S_KUBECTL     kubectl from the same source (1.20.2)
#       then stop everything by PID (also when COMMAND or the start fails, or on a signal) and
#       exit with COMMAND's status.
#   realk8s.sh start DIR [--clusters N] [--agent PATH]   start and leave running (for a developer)
#   realk8s.sh stop DIR                                   stop what `start` started, by PID
#   realk8s.sh restart-apiserver DIR CLUSTER              stop one kube-apiserver and start it again
#
# MERIDIAN_SKIP_REALK8S=1 makes `run` exit with 77 (ctest reports the test as skipped) without
# starting anything. Any other failure to set up is an error, never a skip.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
self="$here/$(basename "${BASH_SOURCE[0]}")"

log() { echo "realk8s: $*" >&2; }
die() {
    echo "realk8s: error: $*" >&2
    exit 1
}

# ---------------------------------------------------------------------------------------------
# helpers

used_ports=" "
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 12000))
        case "$used_ports" in *" $p "*) continue ;; esac
        if [ -z "$(ss -Htln "sport = :$p" 2>/dev/null)" ]; then
            used_ports+="$p "
            echo "$p"
            return 0
        fi
    done
    die "no free TCP port found on 127.0.0.1"
}

random_token() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

b64() { base64 -w0 <"$1"; }

# start_bg NAME LOGFILE COMMAND...: starts COMMAND in its own process group, records its PID.
start_bg() {
    local name=$1 logfile=$2
    shift 2
    setsid "$@" >"$logfile" 2>&1 </dev/null &
    echo "$!" >"$state/pids/$name"
}

stop_pid_file() {
    local file=$1 pid
    pid=$(cat "$file" 2>/dev/null || true)
    rm -f "$file"
    [ -n "$pid" ] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || return 0
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

# api CLUSTER METHOD PATH [BODY [CONTENT-TYPE]]: an admin call with curl; prints the body.
api() {
    local c=$1 method=$2 path=$3 body=${4:-} type=${5:-application/json}
    local port
    port=$(cat "$state/$c/port")
    local args=(-sS --max-time 20 --cacert "$state/$c/ca.crt" -H "@$state/$c/admin.header"
        -X "$method" "https://127.0.0.1:$port$path")
    if [ -n "$body" ]; then
        args+=(-H "Content-Type: $type" --data-binary "$body")
    fi
    curl "${args[@]}"
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            log "gave up after ${seconds}s waiting for $what"
            return 1
        fi
        sleep 0.5
    done
}

apiserver_ready() { [ "$(api "$1" GET /readyz)" = ok ]; }

# ---------------------------------------------------------------------------------------------
# certificates and credentials of one cluster

make_cluster_files() {
    local c=$1 dir=$state/$1
    mkdir -p "$dir"
    (
        cd "$dir"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$c-ca" \
            -keyout ca.key -out ca.crt 2>/dev/null
        cat >serving.ext <<EOF
basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:10.96.0.1
EOF
        openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" \
            -keyout serving.key -out serving.csr 2>/dev/null
        openssl x509 -req -in serving.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
            -extfile serving.ext -out serving.crt 2>/dev/null
        printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >client.ext
        openssl req -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=meridian-admin" \
            -keyout admin.key -out admin.csr 2>/dev/null
        openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
            -extfile client.ext -out admin.crt 2>/dev/null
        openssl genrsa -out sa.key 2048 2>/dev/null
        openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
        admin_token=$(random_token)
        viewer_token=$(random_token)
        system_token=$(random_token)
        {
            echo "$admin_token,meridian-token-admin,uid-admin,\"system:masters\""
            echo "$viewer_token,viewer,uid-viewer"
            echo "$system_token,system:control-plane,uid-control-plane,\"system:masters\""
        } >tokens.csv
        echo "Authorization: Bearer $admin_token" >admin.header
        echo "$admin_token" >admin.token
        echo "$viewer_token" >viewer.token
        echo "$system_token" >system.token
        rm -f ./*.csr ./*.ext ./*.srl
        chmod 0600 ./*
    )
}

# A kubeconfig for the control-plane components of one cluster (token user system:control-plane).
write_component_kubeconfig() {
    local c=$1 dir=$state/$1
    cat >"$dir/components.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: $c
  cluster:
    server: https://127.0.0.1:$(cat "$dir/port")
    certificate-authority-data: $(b64 "$dir/ca.crt")
users:
- name: control-plane
  user:
    token: $(cat "$dir/system.token")
contexts:
- name: $c
  context: {cluster: $c, user: control-plane}
current-context: $c
EOF
    chmod 0600 "$dir/components.kubeconfig"
}

start_apiserver() {
    local c=$1 dir=$state/$1
    start_bg "$c-apiserver" "$dir/kube-apiserver.log" nice -n "${REALK8S_NICE:-5}" \
        "$bin/kube-apiserver" \
        --etcd-servers="http://127.0.0.1:$(cat "$state/etcd.port")" \
        --etcd-prefix="/registry-$c" \
        --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
        --secure-port="$(cat "$dir/port")" --insecure-port=0 \
        --tls-cert-file="$dir/serving.crt" --tls-private-key-file="$dir/serving.key" \
        --client-ca-file="$dir/ca.crt" --token-auth-file="$dir/tokens.csv" \
        --authorization-mode=RBAC --anonymous-auth=false \
        --service-account-key-file="$dir/sa.pub" \
        --service-account-signing-key-file="$dir/sa.key" \
        --service-account-issuer=https://kubernetes.default.svc \
        --service-cluster-ip-range=10.96.0.0/16 \
        --endpoint-reconciler-type=none \
        --cert-dir="$dir/apiserver-certs" \
        --profiling=false --logtostderr=true -v=1
}

start_cluster_components() {
    local c=$1 dir=$state/$1
    # No kubelets: the node lifecycle controller would mark the fake nodes NotReady and evict
    # their pods, so it is left out; everything else kube-controller-manager runs by default runs.
    start_bg "$c-controller-manager" "$dir/kube-controller-manager.log" nice -n "${REALK8S_NICE:-5}" \
        "$bin/kube-controller-manager" \
        --kubeconfig="$dir/components.kubeconfig" \
        --controllers='*,-nodelifecycle,-nodeipam,-cloud-node-lifecycle,-route,-service' \
        --leader-elect=false --port=0 --secure-port=0 \
        --service-account-private-key-file="$dir/sa.key" --root-ca-file="$dir/ca.crt" \
        --profiling=false --logtostderr=true -v=1
    start_bg "$c-scheduler" "$dir/kube-scheduler.log" nice -n "${REALK8S_NICE:-5}" \
        "$bin/kube-scheduler" \
        --kubeconfig="$dir/components.kubeconfig" \
        --leader-elect=false --port=0 --secure-port=0 \
        --profiling=false --logtostderr=true -v=1
}

# Fake nodes, as a kubelet would register them, and RBAC for the viewer.
seed_cluster() {
    local c=$1 index=$2 region zone
    local regions=(us-east1 europe-west1 asia-northeast1 australia-southeast1 southamerica-east1)
    region=${regions[$((index % ${#regions[@]}))]}
    for n in 1 2; do
        zone="$region-$(printf '%s' abc | cut -c"$n")"
        local node="$c-node-$n"
        api "$c" POST /api/v1/nodes "$(
            cat <<EOF
{"apiVersion":"v1","kind":"Node","metadata":{"name":"$node","labels":{
 "kubernetes.io/hostname":"$node","kubernetes.io/os":"linux","kubernetes.io/arch":"amd64",
 "node.kubernetes.io/instance-type":"e2-standard-4",
 "topology.kubernetes.io/region":"$region","topology.kubernetes.io/zone":"$zone"}},
 "spec":{}}
EOF
        )" >"$state/$c/node-$n.json" || return 1
        grep -q '"kind": "Node"' "$state/$c/node-$n.json" || {
            cat "$state/$c/node-$n.json" >&2
            return 1
        }
        local now
        now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
        api "$c" PATCH "/api/v1/nodes/$node/status" "$(
            cat <<EOF
{"status":{
 "capacity":{"cpu":"4","memory":"16Gi","pods":"110","ephemeral-storage":"100Gi"},
 "allocatable":{"cpu":"3920m","memory":"13Gi","pods":"110","ephemeral-storage":"90Gi"},
 "conditions":[
  {"type":"MemoryPressure","status":"False","reason":"KubeletHasSufficientMemory","message":"kubelet has sufficient memory available","lastHeartbeatTime":"$now","lastTransitionTime":"$now"},
  {"type":"DiskPressure","status":"False","reason":"KubeletHasNoDiskPressure","message":"kubelet has no disk pressure","lastHeartbeatTime":"$now","lastTransitionTime":"$now"},
  {"type":"PIDPressure","status":"False","reason":"KubeletHasSufficientPID","message":"kubelet has sufficient PID available","lastHeartbeatTime":"$now","lastTransitionTime":"$now"},
  {"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status","lastHeartbeatTime":"$now","lastTransitionTime":"$now"}],
 "addresses":[{"type":"InternalIP","address":"127.0.0.1"},{"type":"Hostname","address":"$node"}],
 "nodeInfo":{"machineID":"","systemUUID":"","bootID":"","kernelVersion":"6.1.0","osImage":"Debian GNU/Linux 12 (bookworm)",
  "containerRuntimeVersion":"fake://1.0","kubeletVersion":"v1.20.2","kubeProxyVersion":"v1.20.2",
  "operatingSystem":"linux","architecture":"amd64"}}}
EOF
        )" application/merge-patch+json >"$state/$c/node-$n-status.json" || return 1
        # Admission (TaintNodesByCondition) registers nodes with the not-ready taint, which the
        # node lifecycle controller would lift once the kubelet reports Ready; it is not running.
        api "$c" PATCH "/api/v1/nodes/$node" '{"spec":{"taints":null}}' application/merge-patch+json \
            >"$state/$c/node-$n-taints.json" || return 1
    done
    # viewer: may read workloads in "default" (the built-in ClusterRole "view"), nothing else.
    api "$c" POST /apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings \
        '{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"viewer"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"User","name":"viewer"}]}' \
        >"$state/$c/viewer-binding.json" || return 1
}

write_kubeconfigs() {
    local admin=$state/kubeconfig viewer=$state/viewer.kubeconfig i=0 c dir port
    {
        echo "apiVersion: v1"
        echo "kind: Config"
        echo "clusters:"
        for c in $clusters; do
            dir=$state/$c
            port=$(cat "$dir/port")
            echo "- name: $c"
            echo "  cluster:"
            echo "    server: https://127.0.0.1:$port"
            echo "    certificate-authority-data: $(b64 "$dir/ca.crt")"
        done
    } >"$state/clusters.yaml"
    {
        cat "$state/clusters.yaml"
        echo "users:"
        for c in $clusters; do
            dir=$state/$c
            echo "- name: $c-admin"
            echo "  user:"
            # Alternate client certificates and bearer tokens so both paths meet a real server.
            if [ $((i % 2)) -eq 0 ]; then
                echo "    client-certificate-data: $(b64 "$dir/admin.crt")"
                echo "    client-key-data: $(b64 "$dir/admin.key")"
            else
                echo "    token: $(cat "$dir/admin.token")"
            fi
            i=$((i + 1))
        done
        echo "contexts:"
        for c in $clusters; do
            echo "- name: $c"
            echo "  context: {cluster: $c, user: $c-admin, namespace: default}"
        done
        echo "current-context: $(echo "$clusters" | cut -d' ' -f1)"
    } >"$admin"
    {
        cat "$state/clusters.yaml"
        echo "users:"
        for c in $clusters; do
            echo "- name: $c-viewer"
            echo "  user:"
            echo "    token: $(cat "$state/$c/viewer.token")"
        done
        echo "contexts:"
        for c in $clusters; do
            echo "- name: $c"
            echo "  context: {cluster: $c, user: $c-viewer, namespace: default}"
        done
        echo "current-context: $(echo "$clusters" | cut -d' ' -f1)"
    } >"$viewer"
    chmod 0600 "$admin" "$viewer"
    rm -f "$state/clusters.yaml"
}

show_logs() {
    local f
    for f in "$state"/etcd.log "$state"/*/*.log "$state"/agent.log; do
        [ -f "$f" ] || continue
        echo "----- last lines of $f" >&2
        tail -n 15 "$f" >&2
    done
}

# ---------------------------------------------------------------------------------------------
# start / stop

do_start() {
    local n=$1
    [ -x "$agent" ] || die "the pod agent is missing: $agent (build the target meridian-realk8s-agent)"
    command -v etcd >/dev/null || die "etcd not found (Debian package etcd-server; run packaging/bootstrap.sh)"
    for tool in openssl curl ss setsid; do
        command -v "$tool" >/dev/null || die "$tool not found"
    done
    if [ -n "${MERIDIAN_K8S_BIN:-}" ]; then
        bin=$MERIDIAN_K8S_BIN
    else
        bin=$("$here/build-k8s.sh") || die "the Kubernetes 1.20.2 binaries could not be built (see above)"
    fi
    for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
        [ -x "$bin/$b" ] || die "$bin/$b is missing"
    done
    echo "$bin" >"$state/bin"
    mkdir -p "$state/pids"
    chmod 0700 "$state"

    local letters=(a b c d e) i
    clusters=""
    for ((i = 0; i < n; i++)); do clusters+="k8s-${letters[$i]} "; done
    clusters=${clusters% }
    echo "$clusters" >"$state/clusters"

    local etcd_port peer_port
    etcd_port=$(free_port)
    peer_port=$(free_port)
    echo "$etcd_port" >"$state/etcd.port"
    start_bg etcd "$state/etcd.log" nice -n "${REALK8S_NICE:-5}" etcd \
        --name realk8s --data-dir "$state/etcd-data" \
        --listen-client-urls "http://127.0.0.1:$etcd_port" \
        --advertise-client-urls "http://127.0.0.1:$etcd_port" \
        --listen-peer-urls "http://127.0.0.1:$peer_port" \
        --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
        --initial-cluster "realk8s=http://127.0.0.1:$peer_port" \
        --unsafe-no-fsync --quota-backend-bytes=1073741824 --log-level=warn
    for c in $clusters; do
        make_cluster_files "$c"
        free_port >"$state/$c/port"
        write_component_kubeconfig "$c"
    done
    wait_for 60 "etcd" curl -sf "http://127.0.0.1:$etcd_port/health" || return 1
    for c in $clusters; do start_apiserver "$c"; done
    for c in $clusters; do
        wait_for 180 "kube-apiserver of $c" apiserver_ready "$c" || return 1
    done
    i=0
    for c in $clusters; do
        start_cluster_components "$c"
        seed_cluster "$c" $i || {
            log "seeding $c failed"
            return 1
        }
        i=$((i + 1))
    done
    write_kubeconfigs
    start_bg agent "$state/agent.log" "$agent" --kubeconfig "$state/kubeconfig"
    for c in $clusters; do
        # Pods are admitted only once the token controller made the default service account.
        wait_for 180 "the default service account of $c" \
            sh -c "curl -sf --max-time 10 --cacert '$state/$c/ca.crt' -H '@$state/$c/admin.header' \
                https://127.0.0.1:$(cat "$state/$c/port")/api/v1/namespaces/default/serviceaccounts/default" ||
            return 1
    done
    for name in "$state"/pids/*; do
        kill -0 "$(cat "$name")" 2>/dev/null || {
            log "$(basename "$name") exited during start-up"
            return 1
        }
    done
    log "up: $clusters (kubeconfig $state/kubeconfig)"
}

do_stop() {
    [ -d "$state/pids" ] || return 0
    local f
    # The agent and the controllers first, then the API servers, etcd last.
    for f in "$state"/pids/agent "$state"/pids/*-scheduler "$state"/pids/*-controller-manager \
        "$state"/pids/*-apiserver "$state"/pids/etcd; do
        [ -f "$f" ] && stop_pid_file "$f"
    done
    return 0
}

parse_common() { # sets n_clusters, agent; leaves the rest in rest[]
    n_clusters=${REALK8S_CLUSTERS:-3}
    agent=${REALK8S_AGENT:-}
    rest=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --clusters) n_clusters=$2; shift 2 ;;
            --agent) agent=$2; shift 2 ;;
            --) shift; rest=("$@"); break ;;
            *) rest+=("$1"); shift ;;
        esac
    done
    case "$n_clusters" in 1 | 2 | 3 | 4 | 5) ;; *) die "--clusters must be 1..5" ;; esac
    [ -n "$agent" ] || die "no pod agent: pass --agent PATH or set REALK8S_AGENT"
}

command=${1:-}
shift || true
case "$command" in
    run)
        if [ "${MERIDIAN_SKIP_REALK8S:-}" = 1 ]; then
            log "skipped: MERIDIAN_SKIP_REALK8S=1"
            exit 77
        fi
        parse_common "$@"
        [ ${#rest[@]} -gt 0 ] || die "run: no command given after --"
        state=$(mktemp -d "${TMPDIR:-/tmp}/meridian-realk8s.XXXXXX")
        cleanup() {
            local status=$?
            trap - EXIT INT TERM
            do_stop
            if [ "$status" -ne 0 ] && [ -z "${REALK8S_QUIET:-}" ]; then show_logs; fi
            if [ -n "${REALK8S_KEEP:-}" ]; then
                log "kept $state"
            else
                rm -rf "$state"
            fi
            exit "$status"
        }
        trap cleanup EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        do_start "$n_clusters" || die "the clusters did not come up"
        export REALK8S_KUBECONFIG="$state/kubeconfig" REALK8S_VIEWER_KUBECONFIG="$state/viewer.kubeconfig"
        export REALK8S_STATE="$state" REALK8S_SCRIPT="$self" REALK8S_KUBECTL="$bin/kubectl"
        set +e
        "${rest[@]}"
        status=$?
        set -e
        exit "$status"
        ;;
    start)
        state=${1:?usage: realk8s.sh start DIR}
        shift
        parse_common "$@"
        if [ -e "$state" ] && [ -n "$(ls -A "$state")" ]; then
            die "$state is not empty (stop a previous run with: realk8s.sh stop $state; then remove it)"
        fi
        mkdir -p "$state"
        state=$(cd "$state" && pwd)
        do_start "$n_clusters" || {
            show_logs
            do_stop
            die "the clusters did not come up"
        }
        echo "export KUBECONFIG=$state/kubeconfig"
        ;;
    stop)
        state=${1:?usage: realk8s.sh stop DIR}
        do_stop
        ;;
    restart-apiserver)
        state=${1:?usage: realk8s.sh restart-apiserver DIR CLUSTER}
        c=${2:?usage: realk8s.sh restart-apiserver DIR CLUSTER}
        [ -f "$state/pids/$c-apiserver" ] || die "no kube-apiserver running for $c in $state"
        bin=$(cat "$state/bin")
        stop_pid_file "$state/pids/$c-apiserver"
        start_apiserver "$c"
        wait_for 180 "kube-apiserver of $c" apiserver_ready "$c" || die "kube-apiserver of $c did not come back"
        ;;
    stop-apiserver)
        state=${1:?usage: realk8s.sh stop-apiserver DIR CLUSTER}
        c=${2:?}
        stop_pid_file "$state/pids/$c-apiserver"
        ;;
    start-apiserver)
        state=${1:?usage: realk8s.sh start-apiserver DIR CLUSTER}
        c=${2:?}
        bin=$(cat "$state/bin")
        start_apiserver "$c"
        wait_for 180 "kube-apiserver of $c" apiserver_ready "$c" || die "kube-apiserver of $c did not come back"
        ;;
    *)
        sed -n '2,25p' "$self" >&2
        exit 2
        ;;
esac
