package main

import (
	"archive/tar"
	"os"
	"path/filepath"
	"testing"
)

func TestArchiveRoundTripKeepsFilesModesAndLinks(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	must(t, os.MkdirAll(filepath.Join(src, "a/b"), 0o750))
	must(t, os.WriteFile(filepath.Join(src, "a/b/data.txt"), []byte("hello"), 0o640))
	must(t, os.WriteFile(filepath.Join(src, "run.sh"), []byte("#!/bin/sh\n"), 0o755))
	must(t, os.Symlink("a/b/data.txt", filepath.Join(src, "link")))
	tarPath := filepath.Join(t.TempDir(), "snap.tar")

	must(t, archiveDir(src, tarPath))
	must(t, extractArchive(tarPath, dst))

	data, err := os.ReadFile(filepath.Join(dst, "link"))
	must(t, err)
	if string(data) != "hello" {
		t.Fatalf("restored file through link = %q, want hello", data)
	}
	for path, want := range map[string]os.FileMode{"a/b": 0o750, "a/b/data.txt": 0o640, "run.sh": 0o755} {
		info, err := os.Lstat(filepath.Join(dst, path))
		must(t, err)
		if info.Mode().Perm() != want {
			t.Errorf("%s mode = %o, want %o", path, info.Mode().Perm(), want)
		}
	}
}

func TestExtractRefusesEntriesOutsideTheVolume(t *testing.T) {
	for _, name := range []string{"../escape", "/etc/escape", "a/../../escape"} {
		tarPath := filepath.Join(t.TempDir(), "evil.tar")
		writeTar(t, tarPath, func(w *tar.Writer) {
			must(t, w.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: 1, Typeflag: tar.TypeReg}))
			_, err := w.Write([]byte("x"))
			must(t, err)
		})
		if err := extractArchive(tarPath, t.TempDir()); err == nil {
			t.Errorf("entry %q was extracted", name)
		}
	}
}

func TestExtractRefusesWritingThroughASymlink(t *testing.T) {
	outside := t.TempDir()
	tarPath := filepath.Join(t.TempDir(), "evil.tar")
	writeTar(t, tarPath, func(w *tar.Writer) {
		must(t, w.WriteHeader(&tar.Header{Name: "out", Linkname: outside, Typeflag: tar.TypeSymlink}))
		must(t, w.WriteHeader(&tar.Header{Name: "out/file", Mode: 0o644, Size: 1, Typeflag: tar.TypeReg}))
		_, err := w.Write([]byte("x"))
		must(t, err)
	})
	if err := extractArchive(tarPath, t.TempDir()); err == nil {
		t.Fatal("a file was written through a symlink")
	}
	if _, err := os.Stat(filepath.Join(outside, "file")); !os.IsNotExist(err) {
		t.Fatalf("file outside the volume: %v", err)
	}
}

func writeTar(t *testing.T, path string, fill func(*tar.Writer)) {
	t.Helper()
	file, err := os.Create(path)
	must(t, err)
	writer := tar.NewWriter(file)
	fill(writer)
	must(t, writer.Close())
	must(t, file.Close())
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
