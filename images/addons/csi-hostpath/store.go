package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"
)

// store keeps one node's volumes and snapshots under its data directory (the node's
// /var/lib/csi-hostpath-data): volumes/<id>/ holds a volume's files, volumes/<id>.json its
// record; snapshots/<id>.tar a snapshot's files, snapshots/<id>.json its record. IDs are the
// CSI names the sidecars pass (pvc-<uuid>, snapshot-<uuid>), so retries are idempotent.
type store struct {
	root string
}

type volumeRecord struct {
	CapacityBytes int64 `json:"capacityBytes"`
	Ephemeral     bool  `json:"ephemeral,omitempty"`
}

type snapshotRecord struct {
	SourceVolumeID string    `json:"sourceVolumeId"`
	SizeBytes      int64     `json:"sizeBytes"`
	CreatedAt      time.Time `json:"createdAt"`
}

var errNotFound = errors.New("not found")

var validID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// checkID refuses IDs that could name a path outside the store.
func checkID(id string) error {
	if !validID.MatchString(id) {
		return fmt.Errorf("id %q is not a plain name (letters, digits, '.', '_', '-'; at most 128)", id)
	}
	return nil
}

func (s store) volumeDir(id string) string   { return filepath.Join(s.root, "volumes", id) }
func (s store) volumeFile(id string) string  { return filepath.Join(s.root, "volumes", id+".json") }
func (s store) snapshotTar(id string) string { return filepath.Join(s.root, "snapshots", id+".tar") }
func (s store) snapshotFile(id string) string {
	return filepath.Join(s.root, "snapshots", id+".json")
}

func (s store) init() error {
	for _, dir := range []string{"volumes", "snapshots"} {
		if err := os.MkdirAll(filepath.Join(s.root, dir), 0o750); err != nil {
			return err
		}
	}
	return nil
}

func (s store) volume(id string) (volumeRecord, error) {
	var record volumeRecord
	return record, readJSON(s.volumeFile(id), &record)
}

// createVolumeDir makes a volume's directory; recordVolume then marks it complete.
func (s store) createVolumeDir(id string) error {
	if err := os.MkdirAll(s.volumeDir(id), 0o777); err != nil {
		return err
	}
	// World-writable like upstream's hostpath volumes: pods run as any user; fsGroup narrows it.
	return os.Chmod(s.volumeDir(id), 0o777)
}

func (s store) recordVolume(id string, record volumeRecord) error {
	return writeJSON(s.volumeFile(id), record)
}

func (s store) deleteVolume(id string) error {
	if err := os.RemoveAll(s.volumeDir(id)); err != nil {
		return err
	}
	return removeIfPresent(s.volumeFile(id))
}

func (s store) snapshot(id string) (snapshotRecord, error) {
	var record snapshotRecord
	return record, readJSON(s.snapshotFile(id), &record)
}

// createSnapshot archives a volume's files; the record is written last, so a snapshot with a
// record is complete and ready to use.
func (s store) createSnapshot(id, volumeID string) (snapshotRecord, error) {
	volume, err := s.volume(volumeID)
	if err != nil {
		return snapshotRecord{}, err
	}
	tmp := s.snapshotTar(id) + ".tmp"
	if err := archiveDir(s.volumeDir(volumeID), tmp); err != nil {
		_ = os.Remove(tmp)
		return snapshotRecord{}, err
	}
	if err := os.Rename(tmp, s.snapshotTar(id)); err != nil {
		return snapshotRecord{}, err
	}
	record := snapshotRecord{SourceVolumeID: volumeID, SizeBytes: volume.CapacityBytes, CreatedAt: time.Now().UTC()}
	return record, writeJSON(s.snapshotFile(id), record)
}

func (s store) restoreSnapshot(snapshotID, volumeID string) error {
	return extractArchive(s.snapshotTar(snapshotID), s.volumeDir(volumeID))
}

func (s store) deleteSnapshot(id string) error {
	if err := removeIfPresent(s.snapshotFile(id)); err != nil {
		return err
	}
	return removeIfPresent(s.snapshotTar(id))
}

// snapshots lists complete snapshots by ID, sorted.
func (s store) snapshots() (map[string]snapshotRecord, []string, error) {
	matches, err := filepath.Glob(filepath.Join(s.root, "snapshots", "*.json"))
	if err != nil {
		return nil, nil, err
	}
	records := map[string]snapshotRecord{}
	ids := []string{}
	for _, path := range matches {
		id := filepath.Base(path[:len(path)-len(".json")])
		var record snapshotRecord
		if err := readJSON(path, &record); err != nil {
			continue
		}
		records[id] = record
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return records, ids, nil
}

func readJSON(path string, into any) error {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(data, into)
}

// writeJSON replaces a file atomically so a crash never leaves half a record.
func writeJSON(path string, value any) error {
	data, err := json.Marshal(value)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o640); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func removeIfPresent(path string) error {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}
