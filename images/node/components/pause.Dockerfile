# Pod sandbox process: holds the pod's namespaces and reaps zombies.
FROM scratch
COPY pause /pause
USER 65535:65535
ENTRYPOINT ["/pause"]
