#!/bin/bash
# Build-time setup of the node root filesystem; `docker build` runs it once (see Dockerfile).
# Usage: configure-node.sh PAUSE_IMAGE
set -euo pipefail

pause_image="$1"

ln -sf /usr/lib/systemd/systemd /sbin/init

# Units that make no sense in a container, would touch the host, or would fail and leave
# systemd "degraded". Debian's package scripts enabled some in /etc; only ours come back.
rm -f /usr/lib/systemd/system/multi-user.target.wants/* \
  /usr/lib/systemd/system/local-fs.target.wants/* \
  /usr/lib/systemd/system/sockets.target.wants/*udev* \
  /usr/lib/systemd/system/sockets.target.wants/*initctl* \
  /usr/lib/systemd/system/sysinit.target.wants/systemd-tmpfiles-setup.service \
  /etc/systemd/system/*.wants/*
systemctl mask --quiet systemd-binfmt.service proc-sys-fs-binfmt_misc.automount \
  systemd-firstboot.service systemd-modules-load.service systemd-pstore.service \
  sys-kernel-config.mount sys-kernel-debug.mount sys-kernel-tracing.mount \
  getty.target console-getty.service
systemctl enable --quiet containerd.service kubelet.service

# Debian's sysctl defaults set host-wide keys (kernel.pid_max, fs.protected_*); a node must
# not change its host, so mask them. Ours (10-slipway-network.conf) are per-netns only.
for conf in /usr/lib/sysctl.d/*.conf; do
  ln -sf /dev/null "/etc/sysctl.d/$(basename "$conf")"
done

# The pause image containerd uses for pod sandboxes must be the one preloaded.
sed -i -E "s#^([[:space:]]*sandbox = ).*#\\1\"${pause_image}\"#" /etc/containerd/config.toml
grep -qF "sandbox = \"${pause_image}\"" /etc/containerd/config.toml

# Base OCI spec for pods: containerd's default minus its RLIMIT_NOFILE=1024, so containers
# inherit containerd's (unlimited) file limit as on a normal node.
ctr oci spec | jq 'del(.process.rlimits)' >/etc/containerd/cri-base.json

# kubeadm expects the static-pod directory; kube-proxy mounts /lib/modules from the node.
mkdir -p /etc/kubernetes/manifests /usr/lib/modules /etc/containerd/certs.d /etc/cni/net.d
chmod 0755 /kind /kind/bin /kind/manifests
