# A statically linked binary on an empty filesystem, run through its `command` in the pod
# spec (kubeadm's static pods and our manifests name the binary, found on PATH).
FROM scratch
COPY skeleton/ /
ARG BINARY
COPY ${BINARY} /usr/local/bin/${BINARY}
ENV PATH=/usr/local/bin:/usr/bin:/bin
