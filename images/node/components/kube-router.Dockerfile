# CNI: pod routes between nodes (BGP) and NetworkPolicy (iptables + ipset).
ARG BASE
FROM ${BASE}
COPY kube-router /usr/local/bin/kube-router
ENTRYPOINT ["/usr/local/bin/kube-router"]
