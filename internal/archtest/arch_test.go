// Package archtest checks the import arrows of docs/design.md: data flows
// one way (ingest → analyze → store → serve), and no stage reaches into
// another's internals.
package archtest

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/isnad-project/isnad/"

// forbidden maps a package (relative to the module) to the module packages
// it must never depend on, directly or not.
var forbidden = map[string][]string{
	"internal/news":         {"internal/", "arabic"},
	"arabic":                {"internal/"},
	"internal/store":        {"internal/store/sqlite", "internal/pipeline", "internal/index", "internal/ingest", "arabic"},
	"internal/store/sqlite": {"internal/pipeline", "internal/index", "internal/ingest", "internal/extract", "internal/api", "internal/web", "arabic"},
	"internal/ingest":       {"internal/store", "internal/pipeline", "internal/index", "internal/api", "internal/web"},
	"internal/extract":      {"internal/store", "internal/pipeline", "internal/index", "internal/ingest", "internal/api", "internal/web"},
	"internal/index":        {"internal/pipeline", "internal/ingest", "internal/store/sqlite", "internal/api", "internal/web"},
	"internal/claim":        {"internal/store", "internal/pipeline", "internal/index", "internal/ingest", "internal/api", "internal/web", "internal/ner"},
	"internal/ner":          {"internal/store", "internal/pipeline", "internal/index", "internal/ingest", "internal/api", "internal/web", "internal/claim"},
	"internal/resolve":      {"internal/store", "internal/pipeline", "internal/index", "internal/ingest", "internal/api", "internal/web", "internal/claim", "internal/ner"},
	"internal/geo":          {"internal/store", "internal/pipeline", "internal/index", "internal/ingest", "internal/api", "internal/web", "internal/claim", "internal/ner"},
	"internal/api":          {"internal/pipeline", "internal/ingest", "internal/extract", "internal/store/sqlite"},
	"internal/web":          {"internal/pipeline", "internal/ingest", "internal/extract", "internal/store/sqlite"},
}

func TestImportArrows(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("SKIPPING: the go command is not on PATH")
	}
	for pkg, bans := range forbidden {
		out, err := exec.Command("go", "list", "-deps", module+pkg).CombinedOutput()
		if err != nil {
			t.Errorf("go list -deps %s: %v\n%s", pkg, err, out)
			continue
		}
		for _, dep := range strings.Fields(string(out)) {
			rel, ok := strings.CutPrefix(dep, module)
			if !ok || rel == pkg {
				continue
			}
			for _, ban := range bans {
				if rel == ban || (strings.HasSuffix(ban, "/") && strings.HasPrefix(rel, ban)) || strings.HasPrefix(rel, ban+"/") {
					t.Errorf("%s depends on %s: the import arrows of docs/design.md forbid it", pkg, rel)
				}
			}
		}
	}
}
