# kubeadm's CoreDNS Deployment passes only arguments, so the binary is the entrypoint.
FROM scratch
COPY skeleton/ /
COPY coredns /coredns
EXPOSE 53 53/udp
ENTRYPOINT ["/coredns"]
