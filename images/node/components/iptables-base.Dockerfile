# Debian minbase with the iptables/nftables/ipset userland, for components that program the
# node's packet filter from a host-network pod (kube-proxy, flannel). The wrapper picks
# the same iptables flavour (legacy or nft) the node uses.
FROM scratch
ADD rootfs.tar /
COPY iptables-wrapper /usr/sbin/iptables-wrapper
RUN /usr/sbin/iptables-wrapper --install
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
