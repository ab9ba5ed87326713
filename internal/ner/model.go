package ner

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// A table maps feature keys to their weights, one per tag. It is an open
// addressing hash table: keys are already hashes, so their low bits pick
// the slot, and a slot holds the weights of its key, so that a look-up
// reads one cache line.
type table struct {
	mask  uint64
	slots []slot
	n     int
}

type slot struct {
	key uint64 // feature key + 1; 0 marks an empty slot
	w   [numTags]int16
}

// newTable returns a table for n rows, at most two thirds full.
func newTable(n int) table {
	size := 16
	for size < n+n/2 {
		size *= 2
	}
	return table{mask: uint64(size - 1), slots: make([]slot, size)}
}

// put adds a row for key; the key must not be in the table yet.
func (t *table) put(key uint64, w *[numTags]int16) {
	i := key & t.mask
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{key: key + 1, w: *w}
	t.n++
}

// add adds the weights of key, if it has any, to score.
func (t *table) add(key uint64, score *[numTags]int32) {
	k := key + 1
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == k {
			for j := range numTags {
				score[j] += int32(s.w[j])
			}
			return
		}
		if s.key == 0 {
			return
		}
	}
}

// len returns the number of rows.
func (t *table) len() int { return t.n }

// The model file (ner.model.gz in the model directory) is gzip over:
//
//	magic          "isnad-ner\n"
//	format         uvarint, formatVersion
//	features       uvarint, FeatureVersion
//	lexicon        8 bytes little endian, Lexicon.Fingerprint at training
//	tags           uvarint count, then each tag as uvarint length and bytes
//	stages         uvarint count (1 or 2), then for each stage:
//	  scale        8 bytes little endian, float64 bits: weight = int16 × scale
//	  bias         zigzag varint, taken from the score of O
//	  transitions  (tags+1)² zigzag varints, rows: start, then each tag;
//	               columns: each tag, then end
//	  rows         uvarint count, then per row in increasing key order:
//	               uvarint key − previous key, tags zigzag varints
//	silver         uvarint count, then per word in increasing order:
//	               uvarint length and bytes, then 5 uvarints (O, PERS, LOC,
//	               ORG, MISC: how often stage 1 tagged it so in the news)
const (
	magic         = "isnad-ner\n"
	formatVersion = 1
)

// writeModel writes the model file.
func writeModel(w io.Writer, stages []*stage, words silver, lexPrint uint64) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	u64 := func(v uint64) { binary.LittleEndian.PutUint64(buf[:8], v); bw.Write(buf[:8]) }
	bw.WriteString(magic)
	uv(formatVersion)
	uv(FeatureVersion)
	u64(lexPrint)
	uv(numTags)
	for _, t := range tagNames {
		uv(uint64(len(t)))
		bw.WriteString(t)
	}
	uv(uint64(len(stages)))
	for _, st := range stages {
		u64(math.Float64bits(st.scale))
		sv(int64(st.bias))
		for i := range st.trans {
			for j := range st.trans[i] {
				sv(int64(st.trans[i][j]))
			}
		}
		var rows []*slot
		for i := range st.tab.slots {
			if st.tab.slots[i].key != 0 {
				rows = append(rows, &st.tab.slots[i])
			}
		}
		slices.SortFunc(rows, func(a, b *slot) int { return cmp.Compare(a.key, b.key) })
		uv(uint64(len(rows)))
		var prev uint64
		for _, r := range rows {
			uv(r.key - 1 - prev)
			prev = r.key - 1
			for _, v := range r.w {
				sv(int64(v))
			}
		}
	}
	uv(uint64(len(words)))
	for _, k := range words.sortedKeys() {
		uv(uint64(len(k)))
		bw.WriteString(k)
		for _, n := range words[k] {
			uv(uint64(n))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// errFormat reports a model file that cannot be read.
var errFormat = errors.New("not an isnad NER model")

// readModel reads a model file written by writeModel.
func readModel(r io.Reader) (stages []*stage, words silver, lexPrint uint64, err error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%w: %v", errFormat, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%w: %v", errFormat, err)
	}
	d := &decoder{b: data}
	if string(d.bytes(len(magic))) != magic {
		return nil, nil, 0, errFormat
	}
	if v := d.uvarint(); v != formatVersion {
		return nil, nil, 0, fmt.Errorf("%w: format %d, want %d", errFormat, v, formatVersion)
	}
	if v := d.uvarint(); v != FeatureVersion {
		return nil, nil, 0, fmt.Errorf("model made with feature templates %d, this isnad has %d: run isnad train ner", v, FeatureVersion)
	}
	lexPrint = d.u64()
	if n := d.uvarint(); n != numTags {
		return nil, nil, 0, fmt.Errorf("%w: %d tags, want %d", errFormat, n, numTags)
	}
	for _, want := range tagNames {
		if b := d.bytes(int(min(d.uvarint(), 64))); string(b) != want {
			return nil, nil, 0, fmt.Errorf("%w: tag %q, want %q", errFormat, b, want)
		}
	}
	ns := d.uvarint()
	if d.err != nil || ns < 1 || ns > 2 {
		return nil, nil, 0, fmt.Errorf("%w: %d stages", errFormat, ns)
	}
	for range ns {
		st := &stage{scale: math.Float64frombits(d.u64())}
		st.bias = int32(d.varint())
		for i := range st.trans {
			for j := range st.trans[i] {
				st.trans[i][j] = int32(d.varint())
			}
		}
		n := d.uvarint()
		if d.err != nil || n > uint64(len(data)) {
			return nil, nil, 0, fmt.Errorf("%w: %d rows", errFormat, n)
		}
		st.tab = newTable(int(n))
		var key uint64
		var w [numTags]int16
		for range n {
			key += d.uvarint()
			for j := range w {
				v := d.varint()
				if v < math.MinInt16 || v > math.MaxInt16 {
					return nil, nil, 0, fmt.Errorf("%w: weight %d out of range", errFormat, v)
				}
				w[j] = int16(v)
			}
			if d.err != nil {
				return nil, nil, 0, fmt.Errorf("%w: %v", errFormat, d.err)
			}
			st.tab.put(key, &w)
		}
		stages = append(stages, st)
	}
	nw := d.uvarint()
	if d.err != nil || nw > uint64(len(data)) {
		return nil, nil, 0, fmt.Errorf("%w: %d silver words", errFormat, nw)
	}
	words = make(silver, nw)
	for range nw {
		k := string(d.bytes(int(min(d.uvarint(), 1024))))
		c := new([1 + len(conllTypes)]int32)
		for j := range c {
			c[j] = int32(d.uvarint())
		}
		words[k] = c
	}
	if d.err != nil {
		return nil, nil, 0, fmt.Errorf("%w: %v", errFormat, d.err)
	}
	if len(d.b) != 0 {
		return nil, nil, 0, fmt.Errorf("%w: %d bytes after the end", errFormat, len(d.b))
	}
	return stages, words, lexPrint, nil
}

// A decoder reads the fields of a model file from memory. After the first
// error it returns zeros, and err says what went wrong.
type decoder struct {
	b   []byte
	err error
}

var errShort = errors.New("file ends early")

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) u64() uint64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || len(d.b) < n {
		d.fail()
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errShort
	}
	d.b = nil
}
