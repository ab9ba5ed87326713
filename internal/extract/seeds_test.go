package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedDirs are where the shared seed articles may be, relative to this
// package: /work/shared/seeds next to the repository.
var seedDirs = []string{"../../../shared/seeds", "../../shared/seeds"}

// TestSeeds cleans the shared seed articles. It reads them at test time and
// checks properties, so no news text is copied into the repository.
func TestSeeds(t *testing.T) {
	var files []string
	for _, dir := range seedDirs {
		files, _ = filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) > 0 {
			break
		}
	}
	if len(files) == 0 {
		t.Skipf("SKIPPING: no seed articles in %v (they live in the shared directory next to the repository)", seedDirs)
	}
	// Whether the first line of each seed is a headline (checked by eye).
	headline := map[string]bool{"000": false, "001": true, "002": true, "003": true, "004": false}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			title, body, warnings := Text(string(b))
			if len(warnings) > 0 {
				t.Errorf("warnings %q, want none", warnings)
			}
			if want, ok := headline[name[:3]]; ok && (title != "") != want {
				t.Errorf("title = %q, want a title: %v", title, want)
			}
			// A headline the page prints twice under a kicker is the title.
			var nonEmpty []string
			for l := range strings.Lines(string(b)) {
				if l = trim(l); l != "" {
					nonEmpty = append(nonEmpty, l)
				}
			}
			if len(nonEmpty) > 2 && nonEmpty[1] == nonEmpty[2] && title != nonEmpty[1] {
				t.Errorf("title = %q, want the repeated headline %q", title, nonEmpty[1])
			}
			if strings.Contains(body, "\n\n") || body != trim(body) {
				t.Errorf("body has blank lines or untrimmed ends")
			}
			for _, l := range strings.Split(body, "\n") {
				switch {
				case l == title:
					t.Errorf("body repeats the title %q", l)
				case strings.HasPrefix(l, "&"):
					t.Errorf("body has an & line %q", l)
				case strings.HasPrefix(l, "•"), strings.Contains(l, "• 1015"):
					t.Errorf("body has a view counter %q", l)
				case strings.Contains(l, "جميع الحقوق محفوظة"), strings.HasPrefix(l, "اشترك"), strings.HasPrefix(l, "تابعنا"):
					t.Errorf("body has footer %q", l)
				}
			}
			if strings.HasSuffix(body, "التعليقات") {
				t.Errorf("body ends with the comments heading")
			}
			// Every paragraph of the input (a long line) is kept, letter for letter.
			for l := range strings.Lines(string(b)) {
				l = unglue(trim(l))
				if len(strings.Fields(l)) > 25 && !strings.HasPrefix(l, "جميع الحقوق") && !strings.Contains(body, l) {
					t.Errorf("paragraph lost: %.60q…", l)
				}
			}
		})
	}
}
