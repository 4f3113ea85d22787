// csi-hostpath is Slipway's hermetic stand-in for the csi-driver-host-path images
// (hostpathplugin, csi-node-driver-registrar, livenessprobe), whose Go modules the module
// proxy does not serve. One binary, three personalities chosen by the first argument, each
// accepting the flags the csi-hostpath bundle passes to the upstream image it replaces:
//
//	csi-hostpath plugin         CSI Identity, Controller and Node services for one node
//	csi-hostpath registrar      registers the plugin's socket with the kubelet
//	csi-hostpath livenessprobe  /healthz that calls the plugin's Probe
//
// The upstream csi-provisioner and csi-snapshotter sidecars (built from source) drive it.
package main

import (
	"fmt"
	"os"
)

// version is stamped at link time by images/addons/build.sh.
var version = "dev"

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: csi-hostpath plugin|registrar|livenessprobe [flags]")
		os.Exit(2)
	}
	commands := map[string]func([]string) error{
		"plugin":        runPlugin,
		"registrar":     runRegistrar,
		"livenessprobe": runLivenessProbe,
	}
	run, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "csi-hostpath: unknown command %q (want plugin, registrar or livenessprobe)\n", os.Args[1])
		os.Exit(2)
	}
	if err := run(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "csi-hostpath %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
