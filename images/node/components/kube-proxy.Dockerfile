# kubeadm's kube-proxy DaemonSet runs /usr/local/bin/kube-proxy.
ARG BASE
FROM ${BASE}
COPY kube-proxy /usr/local/bin/kube-proxy
