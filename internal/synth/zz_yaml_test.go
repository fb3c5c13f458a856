package synth_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

func yamlFiles(b *testing.B) [][]byte {
	dir := "/tmp/s10k/licenses"
	ents, _ := os.ReadDir(dir)
	var out [][]byte
	for _, e := range ents[:2000] {
		d, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out = append(out, d)
	}
	return out
}

func BenchmarkZZDecoder(b *testing.B) {
	files := yamlFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			dec := yaml.NewDecoder(bytes.NewReader(src))
			var doc, extra yaml.Node
			dec.Decode(&doc)
			dec.Decode(&extra)
		}
	}
}

func BenchmarkZZUnmarshal(b *testing.B) {
	files := yamlFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			var doc yaml.Node
			yaml.Unmarshal(src, &doc)
		}
	}
}

func BenchmarkZZReadFile(b *testing.B) {
	dir := "/tmp/s10k/licenses"
	ents, _ := os.ReadDir(dir)
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range ents[:2000] {
			os.Stat(filepath.Join(dir, e.Name()))
			fsys.(interface{ ReadFile(string) ([]byte, error) }).ReadFile(e.Name())
		}
	}
}
