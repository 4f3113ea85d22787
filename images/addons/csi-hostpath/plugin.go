package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/container-storage-interface/spec/lib/go/csi"
	"google.golang.org/grpc"
)

// runPlugin serves the CSI Identity, Controller and Node services on the endpoint, taking
// the flags the bundle passes to upstream's hostpathplugin.
func runPlugin(args []string) error {
	flags := flag.NewFlagSet("plugin", flag.ContinueOnError)
	driverName := flags.String("drivername", "hostpath.csi.k8s.io", "CSI driver name")
	endpoint := flags.String("endpoint", "unix:///csi/csi.sock", "CSI endpoint (unix socket)")
	nodeID := flags.String("nodeid", "", "this node's name (required)")
	dataDir := flags.String("datadir", "/csi-data-dir", "where volumes and snapshots are kept")
	flags.IntVar(&verbosity, "v", 0, "log verbosity")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *nodeID == "" {
		return fmt.Errorf("--nodeid is required (the bundle passes the pod's spec.nodeName)")
	}
	path, err := socketPath(*endpoint)
	if err != nil {
		return err
	}
	volumes := store{root: *dataDir}
	if err := volumes.init(); err != nil {
		return fmt.Errorf("data directory %s: %w", *dataDir, err)
	}
	listener, err := listenUnix(path)
	if err != nil {
		return err
	}
	server := grpc.NewServer(grpc.UnaryInterceptor(logCalls))
	csi.RegisterIdentityServer(server, &identityServer{driverName: *driverName})
	csi.RegisterControllerServer(server, &controllerServer{nodeID: *nodeID, store: volumes})
	csi.RegisterNodeServer(server, &nodeServer{nodeID: *nodeID, store: volumes})
	stopOnSignal(server.GracefulStop)
	logf(0, "%s %s serving node %s on %s", *driverName, version, *nodeID, path)
	return server.Serve(listener)
}

func stopOnSignal(stop func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		stop()
	}()
}
