package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/container-storage-interface/spec/lib/go/csi"
	"google.golang.org/grpc"
	registration "k8s.io/kubelet/pkg/apis/pluginregistration/v1"
)

// runRegistrar tells the kubelet where the plugin listens: it serves the kubelet's plugin
// registration API on <registration dir>/<driver>-reg.sock, taking the flags the bundle passes
// to upstream's csi-node-driver-registrar.
func runRegistrar(args []string) error {
	flags := flag.NewFlagSet("registrar", flag.ContinueOnError)
	csiAddress := flags.String("csi-address", "/csi/csi.sock", "the plugin's socket inside this container")
	kubeletPath := flags.String("kubelet-registration-path", "", "the plugin's socket as the kubelet sees it (required)")
	registrationDir := flags.String("plugin-registration-path", "/registration", "the kubelet's plugins_registry directory")
	flags.IntVar(&verbosity, "v", 0, "log verbosity")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *kubeletPath == "" {
		return fmt.Errorf("--kubelet-registration-path is required")
	}
	name, err := driverName(*csiAddress)
	if err != nil {
		return err
	}
	socket := filepath.Join(*registrationDir, name+"-reg.sock")
	listener, err := listenUnix(socket)
	if err != nil {
		return err
	}
	server := grpc.NewServer()
	registration.RegisterRegistrationServer(server, &registrationServer{name: name, endpoint: *kubeletPath})
	stopOnSignal(func() {
		server.Stop()
		_ = os.Remove(socket)
	})
	logf(0, "registering %s (%s) with the kubelet through %s", name, *kubeletPath, socket)
	return server.Serve(listener)
}

// driverName asks the plugin for its name, waiting for it to start (they start together).
func driverName(address string) (string, error) {
	conn, err := dialCSI(address)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	client := csi.NewIdentityClient(conn)
	deadline := time.Now().Add(5 * time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		info, err := client.GetPluginInfo(ctx, &csi.GetPluginInfoRequest{})
		cancel()
		if err == nil {
			return info.GetName(), nil
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("the plugin at %s did not answer GetPluginInfo: %w", address, err)
		}
		logf(1, "waiting for the plugin at %s: %v", address, err)
		time.Sleep(time.Second)
	}
}

type registrationServer struct {
	registration.UnimplementedRegistrationServer
	name     string
	endpoint string
}

func (s *registrationServer) GetInfo(context.Context, *registration.InfoRequest) (*registration.PluginInfo, error) {
	return &registration.PluginInfo{
		Type:              registration.CSIPlugin,
		Name:              s.name,
		Endpoint:          s.endpoint,
		SupportedVersions: []string{"1.0.0"},
	}, nil
}

// A refused registration is fatal, as upstream: the container restarts and tries again.
func (s *registrationServer) NotifyRegistrationStatus(_ context.Context, status *registration.RegistrationStatus) (*registration.RegistrationStatusResponse, error) {
	if !status.GetPluginRegistered() {
		fmt.Fprintf(os.Stderr, "csi-hostpath registrar: the kubelet refused %s: %s\n", s.name, status.GetError())
		os.Exit(1)
	}
	logf(0, "the kubelet registered %s", s.name)
	return &registration.RegistrationStatusResponse{}, nil
}
