package main

import (
	"github.com/container-storage-interface/spec/lib/go/csi"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// topologyKey is the segment upstream's hostpath driver uses; volumes get node affinity to it.
const topologyKey = "topology.hostpath.csi/node"

const defaultCapacityBytes = 1 << 30

// checkCapabilities accepts filesystem volumes on one node (what a node-local directory can be).
func checkCapabilities(capabilities []*csi.VolumeCapability) error {
	if len(capabilities) == 0 {
		return status.Error(codes.InvalidArgument, "volume capabilities are required")
	}
	for _, capability := range capabilities {
		if capability.GetMount() == nil {
			return status.Error(codes.InvalidArgument, "only filesystem (mount) volumes are supported, not block")
		}
		switch capability.GetAccessMode().GetMode() {
		case csi.VolumeCapability_AccessMode_SINGLE_NODE_WRITER,
			csi.VolumeCapability_AccessMode_SINGLE_NODE_READER_ONLY:
		default:
			return status.Errorf(codes.InvalidArgument, "access mode %s is not supported (volumes are node-local: ReadWriteOnce or ReadOnlyMany on one node)",
				capability.GetAccessMode().GetMode())
		}
	}
	return nil
}

func invalidID(err error) error {
	return status.Error(codes.InvalidArgument, err.Error())
}

func internal(err error) error {
	return status.Error(codes.Internal, err.Error())
}
