package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/container-storage-interface/spec/lib/go/csi"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func newController(t *testing.T) *controllerServer {
	t.Helper()
	s := store{root: t.TempDir()}
	must(t, s.init())
	return &controllerServer{nodeID: "node-a", store: s}
}

var rwo = []*csi.VolumeCapability{{
	AccessType: &csi.VolumeCapability_Mount{Mount: &csi.VolumeCapability_MountVolume{}},
	AccessMode: &csi.VolumeCapability_AccessMode{Mode: csi.VolumeCapability_AccessMode_SINGLE_NODE_WRITER},
}}

func onNode(node string) *csi.TopologyRequirement {
	return &csi.TopologyRequirement{Preferred: []*csi.Topology{{Segments: map[string]string{topologyKey: node}}}}
}

func codeOf(err error) codes.Code { return status.Code(err) }

func TestCreateVolumeIsIdempotentAndPinnedToItsNode(t *testing.T) {
	c := newController(t)
	req := &csi.CreateVolumeRequest{
		Name: "pvc-1", VolumeCapabilities: rwo, AccessibilityRequirements: onNode("node-a"),
		CapacityRange: &csi.CapacityRange{RequiredBytes: 1 << 20},
	}
	first, err := c.CreateVolume(context.Background(), req)
	must(t, err)
	again, err := c.CreateVolume(context.Background(), req)
	must(t, err)
	if first.GetVolume().GetVolumeId() != "pvc-1" || again.GetVolume().GetCapacityBytes() != 1<<20 {
		t.Fatalf("unexpected volumes %v %v", first, again)
	}
	if got := first.GetVolume().GetAccessibleTopology()[0].GetSegments()[topologyKey]; got != "node-a" {
		t.Fatalf("topology = %q, want node-a", got)
	}
	req.CapacityRange.RequiredBytes = 2 << 20
	if _, err := c.CreateVolume(context.Background(), req); codeOf(err) != codes.AlreadyExists {
		t.Fatalf("different size: %v, want AlreadyExists", err)
	}
}

func TestCreateVolumeRefusesOtherNodesBlockAndBadNames(t *testing.T) {
	c := newController(t)
	block := []*csi.VolumeCapability{{
		AccessType: &csi.VolumeCapability_Block{Block: &csi.VolumeCapability_BlockVolume{}},
		AccessMode: rwo[0].AccessMode,
	}}
	cases := map[string]struct {
		req  *csi.CreateVolumeRequest
		code codes.Code
	}{
		"other node": {&csi.CreateVolumeRequest{Name: "pvc-2", VolumeCapabilities: rwo, AccessibilityRequirements: onNode("node-b")}, codes.ResourceExhausted},
		"block":      {&csi.CreateVolumeRequest{Name: "pvc-3", VolumeCapabilities: block}, codes.InvalidArgument},
		"traversal":  {&csi.CreateVolumeRequest{Name: "../etc", VolumeCapabilities: rwo}, codes.InvalidArgument},
	}
	for name, tc := range cases {
		if _, err := c.CreateVolume(context.Background(), tc.req); codeOf(err) != tc.code {
			t.Errorf("%s: %v, want %s", name, err, tc.code)
		}
	}
}

func TestSnapshotRestoresIntoANewVolume(t *testing.T) {
	c := newController(t)
	ctx := context.Background()
	_, err := c.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "pvc-src", VolumeCapabilities: rwo})
	must(t, err)
	must(t, os.WriteFile(filepath.Join(c.store.volumeDir("pvc-src"), "data"), []byte("kept"), 0o644))

	snap, err := c.CreateSnapshot(ctx, &csi.CreateSnapshotRequest{Name: "snapshot-1", SourceVolumeId: "pvc-src"})
	must(t, err)
	if !snap.GetSnapshot().GetReadyToUse() || snap.GetSnapshot().GetSizeBytes() != defaultCapacityBytes {
		t.Fatalf("snapshot %v", snap)
	}
	// Later writes to the source do not reach the snapshot.
	must(t, os.WriteFile(filepath.Join(c.store.volumeDir("pvc-src"), "data"), []byte("changed"), 0o644))

	_, err = c.CreateVolume(ctx, &csi.CreateVolumeRequest{
		Name: "pvc-restored", VolumeCapabilities: rwo,
		VolumeContentSource: &csi.VolumeContentSource{Type: &csi.VolumeContentSource_Snapshot{
			Snapshot: &csi.VolumeContentSource_SnapshotSource{SnapshotId: "snapshot-1"},
		}},
	})
	must(t, err)
	data, err := os.ReadFile(filepath.Join(c.store.volumeDir("pvc-restored"), "data"))
	must(t, err)
	if string(data) != "kept" {
		t.Fatalf("restored data = %q, want kept", data)
	}

	list, err := c.ListSnapshots(ctx, &csi.ListSnapshotsRequest{SourceVolumeId: "pvc-src"})
	must(t, err)
	if len(list.GetEntries()) != 1 {
		t.Fatalf("listed %d snapshots, want 1", len(list.GetEntries()))
	}
	_, err = c.DeleteSnapshot(ctx, &csi.DeleteSnapshotRequest{SnapshotId: "snapshot-1"})
	must(t, err)
	_, err = c.DeleteSnapshot(ctx, &csi.DeleteSnapshotRequest{SnapshotId: "snapshot-1"})
	must(t, err)
	if _, err := c.CreateSnapshot(ctx, &csi.CreateSnapshotRequest{Name: "snapshot-2", SourceVolumeId: "pvc-gone"}); codeOf(err) != codes.NotFound {
		t.Fatalf("snapshot of a missing volume: %v, want NotFound", err)
	}
}

func TestListSnapshotsPages(t *testing.T) {
	c := newController(t)
	ctx := context.Background()
	_, err := c.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "pvc-src", VolumeCapabilities: rwo})
	must(t, err)
	for _, name := range []string{"snapshot-a", "snapshot-b", "snapshot-c"} {
		_, err := c.CreateSnapshot(ctx, &csi.CreateSnapshotRequest{Name: name, SourceVolumeId: "pvc-src"})
		must(t, err)
	}
	page, err := c.ListSnapshots(ctx, &csi.ListSnapshotsRequest{MaxEntries: 2})
	must(t, err)
	rest, err := c.ListSnapshots(ctx, &csi.ListSnapshotsRequest{MaxEntries: 2, StartingToken: page.GetNextToken()})
	must(t, err)
	if len(page.GetEntries()) != 2 || len(rest.GetEntries()) != 1 || rest.GetNextToken() != "" ||
		rest.GetEntries()[0].GetSnapshot().GetSnapshotId() != "snapshot-c" {
		t.Fatalf("pages %v / %v", page, rest)
	}
}
