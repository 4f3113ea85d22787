package main

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// archiveDir writes the files under dir (regular files, directories, symlinks, with modes,
// owners and times) to a tar file.
func archiveDir(dir, tarPath string) error {
	out, err := os.Create(tarPath)
	if err != nil {
		return err
	}
	writer := tar.NewWriter(out)
	walkErr := filepath.WalkDir(dir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == "." {
			return err
		}
		info, err := entry.Info()
		if err != nil {
			return err
		}
		link := ""
		if info.Mode()&fs.ModeSymlink != 0 {
			if link, err = os.Readlink(path); err != nil {
				return err
			}
		} else if !info.Mode().IsRegular() && !info.IsDir() {
			return nil // sockets, devices and pipes are not volume data
		}
		header, err := tar.FileInfoHeader(info, link)
		if err != nil {
			return err
		}
		header.Name = filepath.ToSlash(rel)
		if stat, ok := info.Sys().(*syscall.Stat_t); ok {
			header.Uid, header.Gid = int(stat.Uid), int(stat.Gid)
		}
		header.Uname, header.Gname = "", ""
		if err := writer.WriteHeader(header); err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		file, err := os.Open(path)
		if err != nil {
			return err
		}
		defer file.Close()
		_, err = io.Copy(writer, file)
		return err
	})
	return errors.Join(walkErr, writer.Close(), out.Close())
}

// extractArchive unpacks a tar written by archiveDir into dir, refusing entries that would
// land outside it (absolute names, "..", or a path through a symlink).
func extractArchive(tarPath, dir string) error {
	in, err := os.Open(tarPath)
	if err != nil {
		return err
	}
	defer in.Close()
	reader := tar.NewReader(in)
	for {
		header, err := reader.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		target, err := safeTarget(dir, header.Name)
		if err != nil {
			return err
		}
		mode := fs.FileMode(header.Mode).Perm()
		switch header.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, mode); err != nil {
				return err
			}
		case tar.TypeSymlink:
			if err := os.Symlink(header.Linkname, target); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := writeFile(target, reader, mode); err != nil {
				return err
			}
		default:
			continue
		}
		if err := os.Lchown(target, header.Uid, header.Gid); err != nil {
			return err
		}
		if header.Typeflag != tar.TypeSymlink {
			// Lchown clears set-id bits; the mode is set again after it.
			if err := os.Chmod(target, fs.FileMode(header.Mode)&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); err != nil {
				return err
			}
			if err := os.Chtimes(target, header.ModTime, header.ModTime); err != nil {
				return err
			}
		}
	}
}

func safeTarget(dir, name string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(name))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("archive entry %q is outside the volume", name)
	}
	target := filepath.Join(dir, clean)
	parent, err := filepath.EvalSymlinks(filepath.Dir(target))
	if err != nil {
		return "", err
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	if parent != root && !strings.HasPrefix(parent, root+string(filepath.Separator)) {
		return "", fmt.Errorf("archive entry %q goes through a symlink out of the volume", name)
	}
	return target, nil
}

func writeFile(path string, from io.Reader, mode fs.FileMode) error {
	file, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY|syscall.O_NOFOLLOW, mode)
	if err != nil {
		return err
	}
	_, err = io.Copy(file, from)
	return errors.Join(err, file.Close())
}
