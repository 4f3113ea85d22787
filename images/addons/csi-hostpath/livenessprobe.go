package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"time"

	"github.com/container-storage-interface/spec/lib/go/csi"
)

// runLivenessProbe serves /healthz on the health port, answering 200 only when the plugin's
// Probe says it is ready; the plugin container's livenessProbe points at it. Takes the flags
// the bundle passes to upstream's livenessprobe.
func runLivenessProbe(args []string) error {
	flags := flag.NewFlagSet("livenessprobe", flag.ContinueOnError)
	csiAddress := flags.String("csi-address", "/csi/csi.sock", "the plugin's socket")
	port := flags.Int("health-port", 9808, "TCP port for /healthz")
	timeout := flags.Duration("probe-timeout", time.Second, "how long Probe may take")
	flags.IntVar(&verbosity, "v", 0, "log verbosity")
	if err := flags.Parse(args); err != nil {
		return err
	}
	conn, err := dialCSI(*csiAddress)
	if err != nil {
		return err
	}
	defer conn.Close()
	client := csi.NewIdentityClient(conn)
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), *timeout)
		defer cancel()
		response, err := client.Probe(ctx, &csi.ProbeRequest{})
		switch {
		case err != nil:
			http.Error(w, fmt.Sprintf("probe failed: %v", err), http.StatusInternalServerError)
		case response.GetReady() != nil && !response.GetReady().GetValue():
			http.Error(w, "plugin is not ready", http.StatusInternalServerError)
		default:
			fmt.Fprintln(w, "ok")
		}
	})
	server := &http.Server{Addr: fmt.Sprintf(":%d", *port), Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	stopOnSignal(func() { _ = server.Close() })
	logf(0, "serving /healthz on :%d for %s", *port, *csiAddress)
	if err := server.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	return nil
}
