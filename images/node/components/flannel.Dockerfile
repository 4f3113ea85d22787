# Pod routes between nodes (flannel's host-gw backend on the flat cluster network) and the
# masquerade rules for traffic leaving the pod network, which need the iptables userland.
# The shell of netbase also runs the manifest's hook that publishes the CNI config.
ARG BASE
FROM ${BASE}
COPY flannel /usr/local/bin/flanneld
ENTRYPOINT ["/usr/local/bin/flanneld"]
