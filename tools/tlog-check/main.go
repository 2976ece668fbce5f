// Command tlog-check follows a Himotoki journal published as a C2SP tiled transparency log (tlog-tiles,
// tlog-checkpoint) and checks it with the Go project's own code, golang.org/x/mod/sumdb/tlog and note: the
// checkpoint's Ed25519 note signature, the root recomputed from the tiles, the inclusion of chosen entries
// (hashed from the entry bundles) and the consistency of an earlier checkpoint with the current one.
//
// Build (Debian: golang-go, golang-golang-x-mod-dev):
//
//	GO111MODULE=off GOPATH=$(mktemp -d):/usr/share/gocode go build -o tlog-check ./tools/tlog-check
//
// Usage:
//
//	tlog-check -log http://host:3000/journal -key '<name>+<id>+<key>' [-leaf N]... [-entries] [-old FILE] [-save FILE]
//
// It prints one JSON object and exits 0 when every check passed, 1 when one failed, 2 on a usage error.
package main

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const tileHeight = 8

type leafList []int64

func (l *leafList) String() string { return fmt.Sprint(*l) }
func (l *leafList) Set(s string) error {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("-leaf takes a leaf index (an integer ≥ 0), got %q", s)
	}
	*l = append(*l, n)
	return nil
}

type report struct {
	Origin      string   `json:"origin"`
	Size        int64    `json:"size"`
	Root        string   `json:"root"`
	Checks      []string `json:"checks"`
	Failures    []string `json:"failures"`
	TilesRead   int      `json:"tilesRead"`
	Valid       bool     `json:"valid"`
	OldSize     *int64   `json:"oldSize,omitempty"`
	EntriesRead int64    `json:"entriesRead"`
}

var client = &http.Client{Timeout: 30 * time.Second}

func get(url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s: %s", url, resp.Status, strings.TrimSpace(string(body)))
	}
	return body, nil
}

// c2spPath bridges x/mod's tile paths, which carry the tile height (tile/8/0/x001/234), to C2SP's, which
// drop it (tile/0/x001/234).
func c2spPath(t tlog.Tile) string {
	return strings.Replace(t.Path(), fmt.Sprintf("tile/%d/", tileHeight), "tile/", 1)
}

// tileServer reads tiles over HTTP and authenticates every full tile against the hash its parent tile holds for
// it, up to the right edge's partial tiles, which the root recomputed from them authenticates. x/mod's
// TileHashReader checks only part of what it reads: its loop over the tiles to check against their parents
// starts at the number of subtrees that make up the tree, not at the number of tiles those subtrees were read
// from, so a tile read after the root's tiles may go unchecked (a rewritten leaf hash in tile/0/016 of a tree of
// 100,001 leaves passed). Tiles already fetched are kept for the run.
type tileServer struct {
	base    string
	size    int64
	reads   int
	cache   map[string][]byte
	checked map[string]bool
}

func (s *tileServer) Height() int { return tileHeight }

func (s *tileServer) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, t := range tiles {
		body, err := s.authentic(t)
		if err != nil {
			return nil, err
		}
		data[i] = body
	}
	return data, nil
}

func (s *tileServer) fetch(t tlog.Tile) ([]byte, error) {
	path := c2spPath(t)
	if body, ok := s.cache[path]; ok {
		return body, nil
	}
	body, err := get(s.base + "/" + path)
	if err != nil {
		return nil, err
	}
	if len(body) != t.W*tlog.HashSize {
		return nil, fmt.Errorf("%s has %d bytes, not %d", path, len(body), t.W*tlog.HashSize)
	}
	s.reads++
	s.cache[path] = body
	return body, nil
}

// authentic fetches a tile; a full one must hash to the entry its parent tile (itself authentic) holds for it.
func (s *tileServer) authentic(t tlog.Tile) ([]byte, error) {
	body, err := s.fetch(t)
	path := c2spPath(t)
	if err != nil || t.W < 1<<tileHeight || s.checked[path] {
		return body, err
	}
	parent := tlog.Tile{H: tileHeight, L: t.L + 1, N: t.N >> tileHeight, W: 1 << tileHeight}
	if rest := s.size>>(uint(parent.L)*tileHeight) - parent.N<<tileHeight; rest < int64(parent.W) {
		parent.W = int(rest)
	}
	above, err := s.authentic(parent)
	if err != nil {
		return nil, err
	}
	at := int(t.N%(1<<tileHeight)) * tlog.HashSize
	var want tlog.Hash
	copy(want[:], above[at:at+tlog.HashSize])
	if tileRoot(body) != want {
		return nil, fmt.Errorf("%s is inconsistent with its parent tile %s: the log serves a tile its checkpoint does not support", path, c2spPath(parent))
	}
	s.checked[path] = true
	return body, nil
}

// tileRoot is the root of a full tile's 256 hashes (a perfect subtree of height 8).
func tileRoot(data []byte) tlog.Hash {
	hashes := make([]tlog.Hash, len(data)/tlog.HashSize)
	for i := range hashes {
		copy(hashes[i][:], data[i*tlog.HashSize:])
	}
	for len(hashes) > 1 {
		for i := 0; i < len(hashes)/2; i++ {
			hashes[i] = tlog.NodeHash(hashes[2*i], hashes[2*i+1])
		}
		hashes = hashes[:len(hashes)/2]
	}
	return hashes[0]
}

func (s *tileServer) SaveTiles([]tlog.Tile, [][]byte) {}

// openCheckpoint verifies a signed checkpoint with the log's key and reads its first three lines.
func openCheckpoint(msg []byte, verifier note.Verifier) (string, tlog.Tree, error) {
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return "", tlog.Tree{}, fmt.Errorf("the checkpoint's signature: %w", err)
	}
	lines := strings.SplitN(n.Text, "\n", 4)
	if len(lines) < 4 {
		return "", tlog.Tree{}, errors.New("the checkpoint has fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 {
		return "", tlog.Tree{}, fmt.Errorf("the checkpoint's size %q is not a tree size", lines[1])
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		return "", tlog.Tree{}, fmt.Errorf("the checkpoint's root %q is not a base64 SHA-256 hash", lines[2])
	}
	var hash tlog.Hash
	copy(hash[:], root)
	return lines[0], tlog.Tree{N: size, Hash: hash}, nil
}

// entry reads entry n from its bundle (big-endian uint16 length-prefixed entries).
func entry(base string, tree tlog.Tree, n int64, cache map[int64][][]byte) ([]byte, error) {
	index := n / 256
	if _, ok := cache[index]; !ok {
		t := tlog.Tile{H: tileHeight, L: 0, N: index, W: 256}
		if rest := tree.N - index*256; rest < 256 {
			t.W = int(rest)
		}
		path := strings.Replace(c2spPath(t), "tile/0/", "tile/entries/", 1)
		body, err := get(base + "/" + path)
		if err != nil {
			return nil, err
		}
		var entries [][]byte
		for at := 0; at < len(body); {
			if at+2 > len(body) {
				return nil, fmt.Errorf("%s ends inside a length", path)
			}
			length := int(body[at])<<8 | int(body[at+1])
			if at+2+length > len(body) {
				return nil, fmt.Errorf("%s ends inside an entry", path)
			}
			entries = append(entries, body[at+2:at+2+length])
			at += 2 + length
		}
		if len(entries) != t.W {
			return nil, fmt.Errorf("%s holds %d entries, not %d", path, len(entries), t.W)
		}
		cache[index] = entries
	}
	return cache[index][n%256], nil
}

func main() {
	logURL := flag.String("log", "", "the log's URL prefix (its checkpoint is <prefix>/checkpoint)")
	key := flag.String("key", "", "the log's verifier key, <name>+<key id>+<base64 key> (x/mod's note format)")
	old := flag.String("old", "", "a file holding an earlier signed checkpoint: check that the log extends it")
	save := flag.String("save", "", "write the checked checkpoint to this file (for a later -old)")
	entries := flag.Bool("entries", false, "hash every entry of every bundle and check it against the level-0 tiles")
	var leaves leafList
	flag.Var(&leaves, "leaf", "check the inclusion of this leaf index, hashed from its entry (repeatable)")
	flag.Parse()
	if *logURL == "" || *key == "" {
		flag.Usage()
		os.Exit(2)
	}
	verifier, err := note.NewVerifier(*key)
	if err != nil {
		fmt.Fprintf(os.Stderr, "-key: %v\n", err)
		os.Exit(2)
	}
	base := strings.TrimRight(*logURL, "/")
	r := report{Checks: []string{}, Failures: []string{}}
	check := func(name string, err error) bool {
		if err != nil {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: %v", name, err))
			return false
		}
		r.Checks = append(r.Checks, name)
		return true
	}
	defer func() {
		r.Valid = len(r.Failures) == 0
		out, _ := json.Marshal(r)
		fmt.Println(string(out))
		if !r.Valid {
			os.Exit(1)
		}
	}()

	msg, err := get(base + "/checkpoint")
	if !check("fetch the checkpoint", err) {
		return
	}
	origin, tree, err := openCheckpoint(msg, verifier)
	if !check("the checkpoint is signed by the log's key", err) {
		return
	}
	r.Origin, r.Size, r.Root = origin, tree.N, tree.Hash.String()
	if origin != verifier.Name() {
		check("the checkpoint's origin names the key", fmt.Errorf("origin %q, key %q", origin, verifier.Name()))
	}
	tiles := &tileServer{base: base, size: tree.N, cache: map[string][]byte{}, checked: map[string]bool{}}
	reader := tlog.TileHashReader(tree, tiles)
	if tree.N > 0 {
		root, err := tlog.TreeHash(tree.N, reader)
		if err == nil && root != tree.Hash {
			err = fmt.Errorf("the tiles give %v", root)
		}
		check(fmt.Sprintf("the root of %d leaves recomputed from the tiles", tree.N), err)
	}
	bundles := map[int64][][]byte{}
	for _, n := range leaves {
		name := fmt.Sprintf("leaf %d is in the tree of %d", n, tree.N)
		if n >= tree.N {
			check(name, errors.New("beyond the tree"))
			continue
		}
		data, err := entry(base, tree, n, bundles)
		if !check(fmt.Sprintf("fetch entry %d", n), err) {
			continue
		}
		proof, err := tlog.ProveRecord(tree.N, n, reader)
		if err == nil {
			err = tlog.CheckRecord(proof, tree.N, tree.Hash, n, tlog.RecordHash(data))
		}
		check(name, err)
	}
	if *entries {
		// A bundle at a time: one read of its 256 leaf hashes, each checked against the tree.
		var failed error
		for start := int64(0); start < tree.N && failed == nil; start += 256 {
			end := start + 256
			if end > tree.N {
				end = tree.N
			}
			indexes := make([]int64, 0, end-start)
			for n := start; n < end; n++ {
				indexes = append(indexes, tlog.StoredHashIndex(0, n))
			}
			hashes, err := reader.ReadHashes(indexes)
			if err != nil {
				failed = err
				break
			}
			for n := start; n < end; n++ {
				data, err := entry(base, tree, n, bundles)
				if err != nil {
					failed = err
					break
				}
				if hashes[n-start] != tlog.RecordHash(data) {
					failed = fmt.Errorf("entry %d does not hash to its leaf", n)
					break
				}
				r.EntriesRead++
			}
			delete(bundles, start/256)
		}
		check(fmt.Sprintf("every entry bundle hashes to the level-0 tiles (%d entries)", r.EntriesRead), failed)
	}
	if *old != "" {
		oldMsg, err := os.ReadFile(*old)
		if check("read the earlier checkpoint", err) {
			_, oldTree, err := openCheckpoint(oldMsg, verifier)
			if check("the earlier checkpoint is signed by the log's key", err) {
				r.OldSize = &oldTree.N
				name := fmt.Sprintf("the tree of %d extends the tree of %d", tree.N, oldTree.N)
				switch {
				case oldTree.N > tree.N:
					check(name, fmt.Errorf("the log shrank (a rollback)"))
				case oldTree.N == tree.N:
					if oldTree.Hash != tree.Hash {
						err = fmt.Errorf("two roots at one size (a fork)")
					}
					check(name, err)
				default:
					proof, err := tlog.ProveTree(tree.N, oldTree.N, reader)
					if err == nil {
						err = tlog.CheckTree(proof, tree.N, tree.Hash, oldTree.N, oldTree.Hash)
					}
					check(name, err)
				}
			}
		}
	}
	r.TilesRead = tiles.reads
	if *save != "" {
		check("save the checkpoint", os.WriteFile(*save, msg, 0o644))
	}
}
