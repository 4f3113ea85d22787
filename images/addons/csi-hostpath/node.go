package main

import (
	"context"
	"errors"
	"os"

	"github.com/container-storage-interface/spec/lib/go/csi"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// ephemeralKey is set by the kubelet in the volume context of inline (ephemeral) CSI volumes.
const ephemeralKey = "csi.storage.k8s.io/ephemeral"

// nodeServer bind-mounts a volume's directory into the pod's target path. The plugin
// container's /var/lib/kubelet/pods has Bidirectional propagation, so the kubelet sees it.
type nodeServer struct {
	csi.UnimplementedNodeServer
	nodeID string
	store  store
}

func (s *nodeServer) NodeGetInfo(context.Context, *csi.NodeGetInfoRequest) (*csi.NodeGetInfoResponse, error) {
	return &csi.NodeGetInfoResponse{
		NodeId:             s.nodeID,
		AccessibleTopology: &csi.Topology{Segments: map[string]string{topologyKey: s.nodeID}},
	}, nil
}

func (s *nodeServer) NodeGetCapabilities(context.Context, *csi.NodeGetCapabilitiesRequest) (*csi.NodeGetCapabilitiesResponse, error) {
	return &csi.NodeGetCapabilitiesResponse{}, nil
}

func (s *nodeServer) NodePublishVolume(_ context.Context, req *csi.NodePublishVolumeRequest) (*csi.NodePublishVolumeResponse, error) {
	id, target := req.GetVolumeId(), req.GetTargetPath()
	if err := checkPublishArgs(id, target); err != nil {
		return nil, err
	}
	if err := checkCapabilities([]*csi.VolumeCapability{req.GetVolumeCapability()}); err != nil {
		return nil, err
	}
	if _, err := s.store.volume(id); errors.Is(err, errNotFound) {
		if req.GetVolumeContext()[ephemeralKey] != "true" {
			return nil, status.Errorf(codes.NotFound, "volume %s is not on node %s", id, s.nodeID)
		}
		if err := s.store.createVolumeDir(id); err != nil {
			return nil, internal(err)
		}
		if err := s.store.recordVolume(id, volumeRecord{CapacityBytes: defaultCapacityBytes, Ephemeral: true}); err != nil {
			return nil, internal(err)
		}
	} else if err != nil {
		return nil, internal(err)
	}
	if err := os.MkdirAll(target, 0o750); err != nil {
		return nil, internal(err)
	}
	mounted, err := isMountPoint(target)
	if err != nil {
		return nil, internal(err)
	}
	if !mounted {
		if err := bindMount(s.store.volumeDir(id), target, req.GetReadonly()); err != nil {
			return nil, internal(err)
		}
	}
	logf(1, "published volume %s at %s", id, target)
	return &csi.NodePublishVolumeResponse{}, nil
}

func (s *nodeServer) NodeUnpublishVolume(_ context.Context, req *csi.NodeUnpublishVolumeRequest) (*csi.NodeUnpublishVolumeResponse, error) {
	id, target := req.GetVolumeId(), req.GetTargetPath()
	if err := checkPublishArgs(id, target); err != nil {
		return nil, err
	}
	mounted, err := isMountPoint(target)
	if err != nil {
		return nil, internal(err)
	}
	if mounted {
		if err := unmount(target); err != nil {
			return nil, internal(err)
		}
	}
	if err := os.Remove(target); err != nil && !os.IsNotExist(err) {
		return nil, internal(err)
	}
	if record, err := s.store.volume(id); err == nil && record.Ephemeral {
		if err := s.store.deleteVolume(id); err != nil {
			return nil, internal(err)
		}
	}
	logf(1, "unpublished volume %s from %s", id, target)
	return &csi.NodeUnpublishVolumeResponse{}, nil
}

// checkPublishArgs checks what publish and unpublish both need: a plain volume ID and a target.
func checkPublishArgs(id, target string) error {
	if err := checkID(id); err != nil {
		return invalidID(err)
	}
	if target == "" {
		return status.Error(codes.InvalidArgument, "target path is required")
	}
	return nil
}
