# Helper pods of local-path-provisioner run `sh` scripts that mkdir/rm volume directories.
FROM scratch
COPY skeleton/ /
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV PATH=/bin
