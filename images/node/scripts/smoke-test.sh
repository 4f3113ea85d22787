#!/usr/bin/env bash
# Smoke test of a built node image, with the docker CLI only (no Slipway engine): starts a
# control plane and a worker the way the engine does on hosts without --privileged, runs
# kubeadm, installs the image's default CNI and storage, and checks that
#   - both nodes become Ready and CoreDNS answers;
#   - pods on different nodes reach each other, and a NetworkPolicy cuts that off;
#   - a PersistentVolumeClaim on the default StorageClass binds.
# Exits non-zero on the first failure and always removes what it created (KEEP=1 keeps it).
# Usage: smoke-test.sh [NODE_IMAGE]   (default localhost/slipway/node:v1.34.4)
set -euo pipefail

image="${1:-localhost/slipway/node:v1.34.4}"
cluster="smoke$$"
network="slipway-${cluster}"
cp_node="${cluster}-control-plane"
worker="${cluster}-worker"
started=$SECONDS

log() { printf '[smoke %4ss] %s\n' "$((SECONDS - started))" "$*" >&2; }
fail() {
  log "FAILED: $*"
  exit 1
}

cleanup() {
  if [[ "${KEEP:-}" == "1" ]]; then
    log "kept: containers ${cp_node} ${worker}, network ${network}"
    return
  fi
  docker rm --force --volumes "$cp_node" "$worker" >/dev/null 2>&1 || true
  docker network rm "$network" >/dev/null 2>&1 || true
}
trap cleanup EXIT

kubectl() { docker exec -i "$cp_node" kubectl --kubeconfig /etc/kubernetes/admin.conf "$@"; }

not() { ! "$@"; }

# Retries a command until it succeeds or the timeout (seconds) passes.
eventually() {
  local timeout="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || fail "${what} (after ${timeout}s)"
    sleep 2
  done
  log "ok: ${what}"
}

# The flag set the engine uses where --privileged fails (no CAP_SYS_RESOURCE on the host).
run_node() {
  local name="$1" modules=()
  [[ -d /lib/modules ]] && modules=(--volume /lib/modules:/lib/modules:ro)
  docker run --detach --tty --name "$name" --hostname "$name" --network "$network" \
    --label "dev.slipway.smoke=${cluster}" \
    --cap-add ALL --cap-drop SYS_RESOURCE \
    --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
    --security-opt systempaths=unconfined \
    --device-cgroup-rule 'a *:* rwm' --device /dev/kmsg --cgroupns private \
    --tmpfs /tmp --tmpfs /run --volume /var "${modules[@]}" \
    --env SLIPWAY_NONPRIVILEGED=1 --restart on-failure:1 "$image" >/dev/null
}

node_ip() { docker inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }

systemd_up() { docker exec "$1" sh -c 'systemctl is-system-running | grep -qE "^(running|degraded)$"'; }

init_config() {
  local ip="$1"
  cat <<EOF
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: $(docker exec "$cp_node" cat /kind/version)
clusterName: ${cluster}
controlPlaneEndpoint: ${cp_node}:6443
apiServer:
  certSANs: [localhost, 127.0.0.1]
networking:
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/16
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
bootstrapTokens:
  - token: abcdef.0123456789abcdef
localAPIEndpoint:
  advertiseAddress: ${ip}
  bindPort: 6443
nodeRegistration:
  criSocket: unix:///run/containerd/containerd.sock
  kubeletExtraArgs:
    - name: node-ip
      value: ${ip}
skipPhases: [preflight]
---
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: systemd
cgroupRoot: /kubelet
failSwapOn: false
imageGCHighThresholdPercent: 100
evictionHard:
  nodefs.available: "0%"
  nodefs.inodesFree: "0%"
  imagefs.available: "0%"
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
iptables:
  minSyncPeriod: 1s
conntrack:
  maxPerCore: 0
EOF
}

join_config() {
  local ip="$1"
  cat <<EOF
apiVersion: kubeadm.k8s.io/v1beta4
kind: JoinConfiguration
nodeRegistration:
  criSocket: unix:///run/containerd/containerd.sock
  kubeletExtraArgs:
    - name: node-ip
      value: ${ip}
discovery:
  bootstrapToken:
    apiServerEndpoint: ${cp_node}:6443
    token: abcdef.0123456789abcdef
    unsafeSkipCAVerification: true
skipPhases: [preflight]
EOF
}

write_kubeadm_config() { docker exec -i "$1" sh -c 'cat >/kind/kubeadm.conf'; }

pod_ip() { kubectl get pod "$1" -o jsonpath='{.status.podIP}'; }

# True when the client pod gets an HTTP answer from IP:8080. busybox nc, not wget: Debian's
# static busybox wget crashes in glibc's resolver even for numeric addresses.
client_reaches() {
  kubectl exec client -- sh -c "printf 'GET /hostname HTTP/1.0\\r\\n\\r\\n' | nc -w 2 $1 8080 | grep -q '^server'"
}

start_nodes() {
  docker network create --driver bridge "$network" >/dev/null
  run_node "$cp_node"
  run_node "$worker"
  eventually 60 "systemd running on ${cp_node}" systemd_up "$cp_node"
  eventually 60 "systemd running on ${worker}" systemd_up "$worker"
}

bootstrap_cluster() {
  init_config "$(node_ip "$cp_node")" | write_kubeadm_config "$cp_node"
  log "kubeadm init"
  docker exec "$cp_node" kubeadm init --config /kind/kubeadm.conf --skip-token-print >/tmp/"${cluster}"-init.log 2>&1 ||
    { tail -n 30 /tmp/"${cluster}"-init.log >&2; fail "kubeadm init"; }
  log "ok: kubeadm init"
  docker exec "$cp_node" cat /kind/manifests/default-cni.yaml | kubectl apply -f - >/dev/null
  docker exec "$cp_node" cat /kind/manifests/default-storage.yaml | kubectl apply -f - >/dev/null
  join_config "$(node_ip "$worker")" | write_kubeadm_config "$worker"
  log "kubeadm join"
  docker exec "$worker" kubeadm join --config /kind/kubeadm.conf >/tmp/"${cluster}"-join.log 2>&1 ||
    { tail -n 30 /tmp/"${cluster}"-join.log >&2; fail "kubeadm join"; }
  log "ok: kubeadm join"
  eventually 180 "both nodes Ready" kubectl wait --for=condition=Ready node --all --timeout=5s
  eventually 180 "CoreDNS Ready" kubectl -n kube-system wait --for=condition=Ready pod -l k8s-app=kube-dns --timeout=5s
}

# Two pods pinned to different nodes; the server answers HTTP with busybox httpd.
start_test_pods() {
  local helper
  helper="$(docker exec "$cp_node" cat /kind/manifests/default-storage.yaml | sed -nE 's/.*--helper-image=(.*)$/\1/p')"
  kubectl taint nodes "$cp_node" node-role.kubernetes.io/control-plane- >/dev/null
  kubectl run server --image "$helper" --image-pull-policy IfNotPresent --labels app=server \
    --overrides "{\"spec\":{\"nodeName\":\"${cp_node}\"}}" -- httpd -f -p 8080 -h /etc >/dev/null
  kubectl run client --image "$helper" --image-pull-policy IfNotPresent \
    --overrides "{\"spec\":{\"nodeName\":\"${worker}\"}}" -- sleep 3600 >/dev/null
  eventually 120 "test pods Running" kubectl wait --for=condition=Ready pod server client --timeout=5s
}

check_networking() {
  local server_ip
  server_ip="$(pod_ip server)"
  eventually 60 "cross-node pod traffic (client on ${worker} -> ${server_ip}:8080)" client_reaches "$server_ip"
  eventually 60 "cluster DNS from a pod" kubectl exec client -- nslookup kubernetes.default.svc.cluster.local
  kubectl apply -f - >/dev/null <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-to-server
spec:
  podSelector:
    matchLabels:
      app: server
  policyTypes: [Ingress]
EOF
  eventually 60 "NetworkPolicy blocks client -> server" not client_reaches "$server_ip"
  kubectl delete networkpolicy deny-to-server >/dev/null
  eventually 60 "traffic flows again without the policy" client_reaches "$server_ip"
}

check_storage() {
  kubectl apply -f - >/dev/null <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  # A selector, not nodeName: WaitForFirstConsumer claims need the scheduler to pick the node.
  nodeSelector:
    kubernetes.io/hostname: ${worker}
  containers:
    - name: writer
      image: $(docker exec "$cp_node" cat /kind/manifests/default-storage.yaml | sed -nE 's/.*--helper-image=(.*)$/\1/p')
      command: [sh, -c, "echo ok >/data/file && sleep 3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
EOF
  eventually 120 "PVC on the default StorageClass binds" \
    bash -c "docker exec ${cp_node} kubectl --kubeconfig /etc/kubernetes/admin.conf get pvc data -o jsonpath='{.status.phase}' | grep -qx Bound"
  eventually 60 "pod writes to its volume" kubectl exec writer -- cat /data/file
}

# Stops both nodes and starts them in the opposite order, so docker hands out swapped
# addresses: the entrypoint must rewrite kubeadm's files and certificates for the new IPs.
check_restart() {
  local cp_ip_before
  cp_ip_before="$(node_ip "$cp_node")"
  docker stop "$cp_node" "$worker" >/dev/null
  docker start "$worker" >/dev/null
  docker start "$cp_node" >/dev/null
  log "restarted nodes: control plane ${cp_ip_before} -> $(node_ip "$cp_node")"
  eventually 180 "API server back after restart" kubectl get --raw /readyz
  eventually 180 "both nodes Ready after restart" kubectl wait --for=condition=Ready node --all --timeout=5s
  eventually 180 "test pods Running after restart" kubectl wait --for=condition=Ready pod server client writer --timeout=5s
  eventually 90 "cross-node pod traffic after restart" client_reaches "$(pod_ip server)"
  eventually 60 "volume data kept across restart" kubectl exec writer -- grep -qx ok /data/file
}

main() {
  docker image inspect "$image" >/dev/null || fail "image ${image} not found; build it with images/node/build.sh"
  log "image ${image}"
  start_nodes
  bootstrap_cluster
  start_test_pods
  check_networking
  check_storage
  check_restart
  log "PASSED in $((SECONDS - started))s"
}

main "$@"
