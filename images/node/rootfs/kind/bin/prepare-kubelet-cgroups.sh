#!/bin/sh
# Runs before every kubelet start (ExecStartPre). kubelet is configured with
# cgroupRoot=/kubelet (kubelet.slice with the systemd driver), which must already exist.
set -eu

if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  # cgroup v2: by now systemd has moved every process out of the root cgroup, so
  # controllers can be delegated to the kubelet subtree.
  mkdir -p /sys/fs/cgroup/kubelet /sys/fs/cgroup/kubelet.slice
  controllers="$(sed -e 's/^/+/' -e 's/ / +/g' /sys/fs/cgroup/cgroup.subtree_control)"
  if [ -n "$controllers" ] && [ "$controllers" != "+" ]; then
    echo "$controllers" >/sys/fs/cgroup/kubelet/cgroup.subtree_control
  fi
else
  # cgroup v1: the entrypoint prepared every controller hierarchy except systemd's own,
  # where systemd may have removed an empty directory since.
  mkdir -p /sys/fs/cgroup/systemd/kubelet
fi
