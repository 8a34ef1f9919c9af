// Command hugetext makes a Linux program start faster where the kernel
// can map it with huge pages; make binary runs it on bin/brochure:
//
//	go run ./internal/hugetext bin/brochure
//
// It writes the program again, in pieces of 2 MiB, into a new file
// renamed over the old one (a copy running meanwhile keeps the old).
// Linux keeps a file written that way in 2 MiB pages of its page cache,
// where the file system allows it (ext4 since Linux 6.16, XFS), and maps
// each whole 2 MiB of a program's segment that lines up with 2 MiB of the
// file with one page-table entry, where it took 512: a few page faults at
// start where there were hundreds, each of which costs 10 to 25 µs on a
// virtual machine.
//
// A segment's last 2 MiB are whole only if the segment runs to their end.
// Linked with -ldflags=-R=0x200000, as make links brochure on Linux, a
// program's segments start on 2 MiB in memory and in the file, the
// linker filling the file with zeros up to the next; hugetext extends the
// read-only segments (code, then constants and tables) over those zeros,
// so that they end on 2 MiB too. Nothing else in the file changes.
//
// A file that is no ELF program is left as it is. Where the kernel keeps
// small pages, nothing changes but the zeros mapped after two segments.
package main

import (
	"bytes"
	"cmp"
	"debug/elf"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// hugePage is the size of a huge page on x86-64 and arm64 with 4 KiB
// pages, the kernels whose page cache keeps 2 MiB folios.
const hugePage = 2 << 20

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hugetext PROGRAM")
		os.Exit(2)
	}
	if err := rewrite(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "hugetext:", err)
		os.Exit(1)
	}
}

// rewrite extends the read-only segments of the ELF program at path to
// whole huge pages where the zeros after them allow, and writes the file
// again in pieces of hugePage. Other files are left as they are.
func rewrite(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(data, []byte(elf.ELFMAG)) {
		return nil
	}
	if err := extend(data); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.new")
	if err != nil {
		return err
	}
	werr := writePieces(tmp, data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr, os.Chmod(tmp.Name(), st.Mode().Perm())); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// writePieces writes data to f a huge page at a time: the file system
// gives a write of a whole, aligned huge page a huge folio.
func writePieces(f *os.File, data []byte) error {
	for len(data) > 0 {
		n := min(len(data), hugePage)
		if _, err := f.Write(data[:n]); err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// extend changes, in data, the program headers of the read-only loadable
// segments (64-bit ELF) that can run to the end of their last huge page:
// the segment's address and file offset lie at the same place within a
// huge page, it holds no memory beyond its file bytes, and the bytes up to
// that end are zeros that no other segment loads, in the file or in
// memory. Their file and memory sizes become that end.
func extend(data []byte) error {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return err
	}
	if f.Class != elf.ELFCLASS64 {
		return nil
	}
	var loads []*elf.Prog
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD {
			loads = append(loads, p)
		}
	}
	slices.SortFunc(loads, func(a, b *elf.Prog) int { return cmp.Compare(a.Off, b.Off) })
	for i, p := range loads {
		if p.Flags&elf.PF_W != 0 || p.Filesz != p.Memsz || p.Vaddr%hugePage != p.Off%hugePage {
			continue
		}
		end := (p.Off + p.Filesz + hugePage - 1) &^ (hugePage - 1)
		if end > uint64(len(data)) || i+1 < len(loads) && end > loads[i+1].Off {
			continue
		}
		if i+1 < len(loads) && p.Vaddr+(end-p.Off) > loads[i+1].Vaddr {
			continue
		}
		if len(bytes.TrimLeft(data[p.Off+p.Filesz:end], "\x00")) > 0 {
			continue
		}
		size := end - p.Off
		h, err := progHeader(data, f, p)
		if err != nil {
			return err
		}
		f.ByteOrder.PutUint64(data[h+32:], size) // p_filesz
		f.ByteOrder.PutUint64(data[h+40:], size) // p_memsz
	}
	return nil
}

// progHeader returns the offset in data of the 64-bit program header
// describing p.
func progHeader(data []byte, f *elf.File, p *elf.Prog) (int, error) {
	order := f.ByteOrder
	phoff := order.Uint64(data[32:])
	entsize := int(order.Uint16(data[54:]))
	n := int(order.Uint16(data[56:]))
	for i := range n {
		h := int(phoff) + i*entsize
		if h+56 > len(data) {
			break
		}
		if elf.ProgType(order.Uint32(data[h:])) == p.Type && order.Uint64(data[h+8:]) == p.Off && order.Uint64(data[h+16:]) == p.Vaddr {
			return h, nil
		}
	}
	return 0, fmt.Errorf("no program header for the segment at %#x", p.Off)
}
