package main

import (
	"fmt"
	"net"
	"os"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// socketPath turns a CSI endpoint ("unix:///csi/csi.sock" or "/csi/csi.sock") into a path.
func socketPath(endpoint string) (string, error) {
	path := strings.TrimPrefix(endpoint, "unix://")
	if !strings.HasPrefix(path, "/") {
		return "", fmt.Errorf("endpoint %q is not a unix socket path (want unix:///path or /path)", endpoint)
	}
	return path, nil
}

// listenUnix listens on a unix socket, replacing one a previous container left behind.
func listenUnix(path string) (net.Listener, error) {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("remove stale socket %s: %w", path, err)
	}
	return net.Listen("unix", path)
}

// dialCSI opens a client connection to the plugin's socket (connected lazily by gRPC).
func dialCSI(address string) (*grpc.ClientConn, error) {
	path, err := socketPath(address)
	if err != nil {
		return nil, err
	}
	return grpc.NewClient("unix://"+path, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
