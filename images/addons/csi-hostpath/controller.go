package main

import (
	"context"
	"errors"
	"strconv"

	"github.com/container-storage-interface/spec/lib/go/csi"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"
)

// controllerServer creates and deletes volumes and snapshots on this node only: in the
// distributed form csi-provisioner and csi-snapshotter run beside every plugin and hand each
// one the objects scheduled to its node.
type controllerServer struct {
	csi.UnimplementedControllerServer
	nodeID string
	store  store
}

func (s *controllerServer) ControllerGetCapabilities(context.Context, *csi.ControllerGetCapabilitiesRequest) (*csi.ControllerGetCapabilitiesResponse, error) {
	rpc := func(kind csi.ControllerServiceCapability_RPC_Type) *csi.ControllerServiceCapability {
		return &csi.ControllerServiceCapability{Type: &csi.ControllerServiceCapability_Rpc{Rpc: &csi.ControllerServiceCapability_RPC{Type: kind}}}
	}
	return &csi.ControllerGetCapabilitiesResponse{Capabilities: []*csi.ControllerServiceCapability{
		rpc(csi.ControllerServiceCapability_RPC_CREATE_DELETE_VOLUME),
		rpc(csi.ControllerServiceCapability_RPC_CREATE_DELETE_SNAPSHOT),
		rpc(csi.ControllerServiceCapability_RPC_LIST_SNAPSHOTS),
	}}, nil
}

func (s *controllerServer) topology() []*csi.Topology {
	return []*csi.Topology{{Segments: map[string]string{topologyKey: s.nodeID}}}
}

// onThisNode reports whether the requested topology (if any) allows this node.
func (s *controllerServer) onThisNode(requirement *csi.TopologyRequirement) bool {
	requisite, preferred := requirement.GetRequisite(), requirement.GetPreferred()
	if len(requisite) == 0 && len(preferred) == 0 {
		return true
	}
	for _, list := range [][]*csi.Topology{requisite, preferred} {
		for _, topology := range list {
			if topology.GetSegments()[topologyKey] == s.nodeID {
				return true
			}
		}
	}
	return false
}

func (s *controllerServer) CreateVolume(_ context.Context, req *csi.CreateVolumeRequest) (*csi.CreateVolumeResponse, error) {
	id := req.GetName()
	if err := checkID(id); err != nil {
		return nil, invalidID(err)
	}
	if err := checkCapabilities(req.GetVolumeCapabilities()); err != nil {
		return nil, err
	}
	if !s.onThisNode(req.GetAccessibilityRequirements()) {
		return nil, status.Errorf(codes.ResourceExhausted, "volume %s is wanted on another node than %s", id, s.nodeID)
	}
	capacity := req.GetCapacityRange().GetRequiredBytes()
	if capacity == 0 {
		capacity = defaultCapacityBytes
	}
	if limit := req.GetCapacityRange().GetLimitBytes(); limit > 0 && capacity > limit {
		return nil, status.Errorf(codes.OutOfRange, "required %d bytes is more than the limit %d", capacity, limit)
	}
	response := &csi.CreateVolumeResponse{Volume: &csi.Volume{
		VolumeId:           id,
		CapacityBytes:      capacity,
		ContentSource:      req.GetVolumeContentSource(),
		AccessibleTopology: s.topology(),
	}}
	existing, err := s.store.volume(id)
	if err == nil {
		if existing.CapacityBytes != capacity {
			return nil, status.Errorf(codes.AlreadyExists, "volume %s exists with %d bytes, not %d", id, existing.CapacityBytes, capacity)
		}
		return response, nil
	}
	if !errors.Is(err, errNotFound) {
		return nil, internal(err)
	}
	source := req.GetVolumeContentSource()
	if source.GetVolume() != nil {
		return nil, status.Error(codes.InvalidArgument, "cloning volumes is not supported; take a snapshot and restore it")
	}
	snapshotID := source.GetSnapshot().GetSnapshotId()
	if snapshotID != "" {
		if err := checkID(snapshotID); err != nil {
			return nil, invalidID(err)
		}
		snapshot, err := s.store.snapshot(snapshotID)
		if errors.Is(err, errNotFound) {
			return nil, status.Errorf(codes.NotFound, "snapshot %s is not on node %s", snapshotID, s.nodeID)
		}
		if err != nil {
			return nil, internal(err)
		}
		if snapshot.SizeBytes > capacity {
			return nil, status.Errorf(codes.OutOfRange, "snapshot %s needs %d bytes, the volume has %d", snapshotID, snapshot.SizeBytes, capacity)
		}
	}
	// The record is written last, so a volume whose restore failed halfway is retried whole.
	if err := s.store.createVolumeDir(id); err != nil {
		return nil, internal(err)
	}
	if snapshotID != "" {
		if err := s.store.restoreSnapshot(snapshotID, id); err != nil {
			_ = s.store.deleteVolume(id)
			return nil, internal(err)
		}
	}
	if err := s.store.recordVolume(id, volumeRecord{CapacityBytes: capacity}); err != nil {
		return nil, internal(err)
	}
	logf(1, "created volume %s (%d bytes)", id, capacity)
	return response, nil
}

func (s *controllerServer) DeleteVolume(_ context.Context, req *csi.DeleteVolumeRequest) (*csi.DeleteVolumeResponse, error) {
	if err := checkID(req.GetVolumeId()); err != nil {
		return nil, invalidID(err)
	}
	if err := s.store.deleteVolume(req.GetVolumeId()); err != nil {
		return nil, internal(err)
	}
	logf(1, "deleted volume %s", req.GetVolumeId())
	return &csi.DeleteVolumeResponse{}, nil
}

func (s *controllerServer) ValidateVolumeCapabilities(_ context.Context, req *csi.ValidateVolumeCapabilitiesRequest) (*csi.ValidateVolumeCapabilitiesResponse, error) {
	if err := checkID(req.GetVolumeId()); err != nil {
		return nil, invalidID(err)
	}
	if _, err := s.store.volume(req.GetVolumeId()); err != nil {
		return nil, status.Errorf(codes.NotFound, "volume %s is not on node %s", req.GetVolumeId(), s.nodeID)
	}
	if err := checkCapabilities(req.GetVolumeCapabilities()); err != nil {
		return &csi.ValidateVolumeCapabilitiesResponse{Message: err.Error()}, nil
	}
	return &csi.ValidateVolumeCapabilitiesResponse{Confirmed: &csi.ValidateVolumeCapabilitiesResponse_Confirmed{
		VolumeContext:      req.GetVolumeContext(),
		VolumeCapabilities: req.GetVolumeCapabilities(),
		Parameters:         req.GetParameters(),
	}}, nil
}

func (s *controllerServer) CreateSnapshot(_ context.Context, req *csi.CreateSnapshotRequest) (*csi.CreateSnapshotResponse, error) {
	id, source := req.GetName(), req.GetSourceVolumeId()
	if err := errors.Join(checkID(id), checkID(source)); err != nil {
		return nil, invalidID(err)
	}
	record, err := s.store.snapshot(id)
	if err == nil {
		if record.SourceVolumeID != source {
			return nil, status.Errorf(codes.AlreadyExists, "snapshot %s exists for volume %s", id, record.SourceVolumeID)
		}
		return &csi.CreateSnapshotResponse{Snapshot: snapshotOf(id, record)}, nil
	}
	if !errors.Is(err, errNotFound) {
		return nil, internal(err)
	}
	record, err = s.store.createSnapshot(id, source)
	if errors.Is(err, errNotFound) {
		return nil, status.Errorf(codes.NotFound, "volume %s is not on node %s", source, s.nodeID)
	}
	if err != nil {
		return nil, internal(err)
	}
	logf(1, "created snapshot %s of volume %s", id, source)
	return &csi.CreateSnapshotResponse{Snapshot: snapshotOf(id, record)}, nil
}

func (s *controllerServer) DeleteSnapshot(_ context.Context, req *csi.DeleteSnapshotRequest) (*csi.DeleteSnapshotResponse, error) {
	if err := checkID(req.GetSnapshotId()); err != nil {
		return nil, invalidID(err)
	}
	if err := s.store.deleteSnapshot(req.GetSnapshotId()); err != nil {
		return nil, internal(err)
	}
	logf(1, "deleted snapshot %s", req.GetSnapshotId())
	return &csi.DeleteSnapshotResponse{}, nil
}

func (s *controllerServer) ListSnapshots(_ context.Context, req *csi.ListSnapshotsRequest) (*csi.ListSnapshotsResponse, error) {
	records, ids, err := s.store.snapshots()
	if err != nil {
		return nil, internal(err)
	}
	var entries []*csi.ListSnapshotsResponse_Entry
	for _, id := range ids {
		record := records[id]
		if (req.GetSnapshotId() != "" && id != req.GetSnapshotId()) ||
			(req.GetSourceVolumeId() != "" && record.SourceVolumeID != req.GetSourceVolumeId()) {
			continue
		}
		entries = append(entries, &csi.ListSnapshotsResponse_Entry{Snapshot: snapshotOf(id, record)})
	}
	start := 0
	if token := req.GetStartingToken(); token != "" {
		start, err = strconv.Atoi(token)
		if err != nil || start < 0 || start > len(entries) {
			return nil, status.Errorf(codes.Aborted, "starting token %q is not valid", token)
		}
	}
	end, next := len(entries), ""
	if max := int(req.GetMaxEntries()); max > 0 && start+max < len(entries) {
		end, next = start+max, strconv.Itoa(start+max)
	}
	return &csi.ListSnapshotsResponse{Entries: entries[start:end], NextToken: next}, nil
}

func snapshotOf(id string, record snapshotRecord) *csi.Snapshot {
	return &csi.Snapshot{
		SnapshotId:     id,
		SourceVolumeId: record.SourceVolumeID,
		SizeBytes:      record.SizeBytes,
		CreationTime:   timestamppb.New(record.CreatedAt),
		ReadyToUse:     true,
	}
}
