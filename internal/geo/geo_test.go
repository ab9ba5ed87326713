package geo

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/isnad-project/isnad/internal/news"
)

func gazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// mustSpan returns the span of sub in text; sub must occur exactly once.
func mustSpan(t testing.TB, text, sub string) news.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 || strings.Count(text, sub) != 1 {
		t.Fatalf("%q occurs %d times in the text, want once", sub, strings.Count(text, sub))
	}
	return news.Span{Start: i, End: i + len(sub)}
}

// loc returns the LOC entity of sub in text.
func loc(t testing.TB, text, sub string) news.Entity {
	return news.Entity{Type: "LOC", Text: sub, Span: mustSpan(t, text, sub)}
}

// TestLookup checks the forms a place name takes in text: proclitics, the
// article, spellings, head words and adjectives.
func TestLookup(t *testing.T) {
	g := gazetteer(t)
	for _, c := range []struct {
		name string
		want string // the ID of the place Resolve picks with no context
	}{
		{"حماة", "gn:170017"},
		{"حماه", "gn:170017"},
		{"وحماة", "gn:170017"},
		{"بحماه", "gn:170017"},
		{"ريف حماة", "sy-hama-gov"},
		{"بريف حماة الشمالي", "sy-hama-gov"},
		{"مدينة حماة", "gn:170017"},
		{"إدلب", "gn:169389"},
		{"ادلب", "gn:169389"},
		{"بإدلب", "gn:169389"},
		{"محافظة إدلب", "sy-idlib-gov"},
		{"بمحافظة ادلب", "sy-idlib-gov"},
		{"دير الزور", "gn:170794"},
		{"ديرالزور", "gn:170794"},
		{"بدير الزور", "gn:170794"},
		{"الرقة", "gn:172955"},
		{"بالرقة", "gn:172955"},
		{"للرقة", "gn:172955"},
		{"واللاذقية", "gn:173576"},
		{"للاذقية", "gn:173576"},
		{"كفر نبل", "gn:168661"},
		{"كفرنبل", "gn:168661"},
		{"جسر الشغور", "gn:169023"},
		{"تدمر", "gn:163808"},
		{"الميادين", "gn:173480"},
		{"حلب الشرقية", "gn:170063"},
		{"شمال سوريا", "cc:SY"},
		{"سورية", "cc:SY"},
		{"العاصمة السعودية", "cc:SA"},
		{"الغوطة الشرقية", "sy-eastern-ghouta"},
		{"كربلا", "gn:94824"},
		{"واشنطن", "us-washington-dc"},
		{"موسكو", "gn:524901"},
		{"طرابلس اللبنانية", "gn:266826"},
		{"السورية", "cc:SY"},
		{"وللسوريين", "cc:SY"},
	} {
		p, ok := g.Resolve("", c.name)
		if !ok || p.ID != c.want {
			t.Errorf("Resolve(%q) = %s %s (%v), want %s [% x]", c.name, p.ID, p.Name, ok, c.want, c.name)
		}
	}
	for _, name := range []string{"", "ورقة", "قال", "سوريةستان", "الحكومة السورية"} {
		if p, ok := g.Resolve("", name); ok {
			t.Errorf("Resolve(%q) = %s %s, want no place", name, p.ID, p.Name)
		}
	}
}

// TestGeocode checks the choice among namesakes: context, adjectives,
// prominence, and ambiguity left unresolved.
func TestGeocode(t *testing.T) {
	g := gazetteer(t)
	for _, c := range []struct {
		name, text, mention string
		want                string // ID, or "" for unresolved
	}{
		{"Hama in Syria", "قصفت الطائرات مدينة حماة وريف إدلب في سوريا.", "حماة", "gn:170017"},
		{"Tripoli alone", "وصل الوفد إلى طرابلس صباح اليوم.", "طرابلس", ""},
		{"Tripoli in Lebanon", "وصل الوفد إلى طرابلس بعد زيارة بيروت وصيدا في لبنان.", "طرابلس", "gn:266826"},
		{"Tripoli in Libya", "وصل الوفد إلى طرابلس قادما من بنغازي ومصراتة.", "طرابلس", "gn:2210247"},
		{"Tripoli, no majority", "وصل الوفد إلى طرابلس بعد زيارة بيروت وبنغازي.", "طرابلس", ""},
		{"Tripoli with an adjective", "وصل الوفد إلى طرابلس اللبنانية صباحا.", "طرابلس اللبنانية", "gn:266826"},
		{"Ariha alone", "قصفت الطائرات أريحا.", "أريحا", ""},
		{"Ariha in Idlib", "قصفت الطائرات أريحا وسراقب في ريف إدلب.", "أريحا", "sy-ariha"},
		{"Jericho in the West Bank", "زار الوفد أريحا ورام الله في الضفة الغربية.", "أريحا", "gn:284899"},
		{"Amman or Oman", "وصل الوزير إلى عمان.", "عمان", ""},
		{"Amman in Jordan", "وصل الوزير إلى عمان والتقى العاهل الأردني.", "عمان", "gn:250441"},
		{"Quneitra with Daraa", "قصفت المدفعية القنيطرة ودرعا.", "القنيطرة", "gn:173334"},
		{"Moscow next to the US", "قال مسؤول في واشنطن ونيويورك إن موسكو ترفض.", "موسكو", "gn:524901"},
		{"a village abroad", "قصف طيران النظام السوري قرية قرطبة في ريف الرقة ودير الزور.", "قرية قرطبة", ""},
		{"a village at home", "قصفت الطائرات بلدة صوران في ريف حماة.", "بلدة صوران", "gn:163915"},
		{"Geneva next to New York", "قالت الأمم المتحدة في نيويورك إن محادثات جنيف تستأنف في الولايات المتحدة.", "جنيف", "gn:2660646"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ents := []news.Entity{loc(t, c.text, c.mention)}
			g.Geocode(c.text, ents)
			got := ""
			if ents[0].Lat != nil {
				for _, p := range g.Lookup(c.mention) {
					if p.Lat == *ents[0].Lat && p.Lon == *ents[0].Lon {
						got = p.ID
					}
				}
				if got == "" {
					t.Fatalf("Geocode(%q): coordinates %v, %v are no candidate's", c.mention, *ents[0].Lat, *ents[0].Lon)
				}
			}
			if got != c.want {
				t.Errorf("Geocode(%q) in %q = %q, want %q", c.mention, c.text, got, c.want)
			}
		})
	}
}

// TestGeocodeLeavesOthersAlone checks that only LOC entities change, and
// only their coordinates.
func TestGeocodeLeavesOthersAlone(t *testing.T) {
	g := gazetteer(t)
	text := "قال بشار في حلب إن داعش انسحب من طرابلس."
	ents := []news.Entity{
		{Type: "PER", Text: "بشار", Span: mustSpan(t, text, "بشار"), Key: "per:x", Name: "x"},
		{Type: "LOC", Text: "حلب", Span: mustSpan(t, text, "حلب"), Key: "loc:y", Name: "y"},
		{Type: "ORG", Text: "داعش", Span: mustSpan(t, text, "داعش")},
		{Type: "LOC", Text: "طرابلس", Span: mustSpan(t, text, "طرابلس")},
	}
	before := fmt.Sprintf("%+v", ents)
	g.Geocode(text, ents)
	if ents[0].Lat != nil || ents[2].Lat != nil {
		t.Errorf("Geocode set coordinates on a PER or ORG entity")
	}
	if ents[1].Lat == nil || *ents[1].Lat != 36.20124 || *ents[1].Lon != 37.16117 {
		t.Errorf("Geocode(حلب) = %v, want Aleppo (36.20124, 37.16117)", ents[1].Lat)
	}
	if ents[3].Lat != nil {
		t.Errorf("Geocode(طرابلس) with no context = %v, %v, want unresolved", *ents[3].Lat, *ents[3].Lon)
	}
	for i := range ents {
		ents[i].Lat, ents[i].Lon = nil, nil
	}
	if after := fmt.Sprintf("%+v", ents); after != before {
		t.Errorf("Geocode changed more than coordinates:\n got %s\nwant %s", after, before)
	}
}

// TestFind checks the gazetteer's own finder: clitics, head words, common
// words and spans.
func TestFind(t *testing.T) {
	g := gazetteer(t)
	for _, c := range []struct {
		text string
		want []string // texts of the entities, in order
	}{
		{"قصفت الطائرات بإدلب وحماة وريف حلب.", []string{"بإدلب", "وحماة", "وريف حلب"}},
		{"سيطرت القوات على مدينة الباب وفتحت الباب للمفاوضات.", []string{"مدينة الباب"}},
		{"قدم الوفد ورقة عمل في جنيف.", []string{"جنيف"}},
		{"وصلت الطائرة إلى دير الزور ثم ديرالزور.", []string{"دير الزور", "ديرالزور"}},
		{"قال بشار إن الثورة مستمرة.", nil},
		{"الجيش السوري في شمال سوريا", []string{"شمال سوريا"}},
		{"دمشق، حلب", []string{"دمشق", "حلب"}},
		{"تقدمت قوات سوريا الديمقراطية نحو الرقة، وهاجم فيلق القدس حلب.", []string{"الرقة", "حلب"}},
		{"هاجمت هيئة تحرير الشام مواقع في الأراضي السورية.", nil},
	} {
		var got []string
		for _, e := range g.Find(c.text) {
			if e.Type != "LOC" || c.text[e.Start:e.End] != e.Text {
				t.Errorf("Find(%q): entity %+v does not point at its text", c.text, e)
			}
			got = append(got, e.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Find(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestLoadErrors checks that bad data is an error naming file and line.
func TestLoadErrors(t *testing.T) {
	good := fstest.MapFS{
		"countries.tsv": {Data: []byte("# c\nSY\t35\t38.5\tسوري\tسوريا\n")},
		"regions.tsv":   {Data: []byte("sy-x\tSY\tPPL\t35\t36\tقرية\n")},
		"common.txt":    {Data: []byte("الباب\n")},
		"cities.tsv.gz": {Data: gz(t, "1\tSY\tPPL\t100\t35\t36\tحلب\tحلب\t\n")},
	}
	if _, err := Load(good); err != nil {
		t.Fatalf("Load(good) = %v", err)
	}
	for file, data := range map[string][]byte{
		"countries.tsv": []byte("# c\nSY\t35\t38.5\tسوري\n"),
		"regions.tsv":   []byte("\n\nsy-x\tSY\tPPL\tnorth\t36\tقرية\n"),
		"cities.tsv.gz": gz(t, "1\tSY\tPPL\tmany\t35\t36\tحلب\tحلب\t\n"),
	} {
		bad := fstest.MapFS{}
		for k, v := range good {
			bad[k] = v
		}
		bad[file] = &fstest.MapFile{Data: data}
		_, err := Load(bad)
		if err == nil || !strings.HasPrefix(err.Error(), file+":") {
			t.Errorf("Load with a bad %s = %v, want an error naming %s:line", file, err, file)
		}
	}
}

// gz returns s gzipped.
func gz(t testing.TB, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gunzip returns the text of a gzip stream.
func gunzip(t testing.TB, data []byte) string {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBuild checks the build on a few rows: cleaning, variants, sorting.
func TestBuild(t *testing.T) {
	in := strings.Join(buildColumns, "\t") + "\n" +
		"170017\tḨamāh\tHamah\tحماة\tحماة|حماه\t35.13179\t36.75783\tPPLA\tSY\t10\t460602\n" +
		"1\tNowhere\tNowhere\t\t\t1\t1\tPPL\tXX\t00\t20000\n" +
		"169389\tIdlib\tIdlib\tإدلب\tإدلب|محافظة إدلب|Idlib - ادلب\t35.93062\t36.63393\tPPLA\tSY\t12\t128840\n"
	var out bytes.Buffer
	n, err := Build(strings.NewReader(in), &out)
	if err != nil || n != 2 {
		t.Fatalf("Build = %d, %v, want 2 cities", n, err)
	}
	text := gunzip(t, out.Bytes())
	var rows []string
	for _, l := range strings.Split(text, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			rows = append(rows, l)
		}
	}
	want := []string{
		"169389\tSY\tPPLA\t128840\t35.93062\t36.63393\tإدلب\tادلب|الادلب\t",
		"170017\tSY\tPPLA\t460602\t35.13179\t36.75783\tحماة\tحماه|الحماه\t",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("Build rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(text, "GeoNames") || !strings.Contains(text, "CC BY 4.0") {
		t.Errorf("Build output lacks the GeoNames attribution")
	}
	if _, err := Build(strings.NewReader("id\tname\n"), &out); err == nil {
		t.Errorf("Build with a wrong header: no error")
	}
}

// TestShippedData checks that data/cities.tsv.gz is what Build makes of
// the GeoNames data, when the data is at ../shared/eval.
func TestShippedData(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "eval", "gazetteer_geonames", "cities15000_with_arabic.tsv")
	f, err := os.Open(src)
	if err != nil {
		t.Skipf("SKIPPING: no GeoNames data (%v)", err)
	}
	defer f.Close()
	var out bytes.Buffer
	if _, err := Build(f, &out); err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile(filepath.Join("data", CitiesFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), shipped) {
		t.Errorf("data/%s is not what the build makes of %s: run `isnad gazetteer build`", CitiesFile, src)
	}
}

// TestVariants checks the names a place is filed under.
func TestVariants(t *testing.T) {
	for _, c := range []struct {
		name    string
		article bool
		written string
		bare    string
	}{
		{"الرقة", true, "الرقه", "رقه"},
		{"ميادين", true, "ميادين|الميادين", ""},
		{"دير الزور", true, "دير الزور|ديرالزور|الدير الزور", ""},
		{"كربلاء", true, "كربلاء|الكربلاء|كربلا|الكربلا", ""},
		{"أنطاكية", true, "انطاكيه|الانطاكيه|انطاكيا|الانطاكيا", ""},
		{"تل رفعت", true, "تل رفعت|تلرفعت", ""},
		{"ينا", true, "ينا", ""},
		{"سورية", false, "سوريه|سوريا", ""},
	} {
		w, b := variants(c.name, c.article)
		if strings.Join(w, "|") != c.written || strings.Join(b, "|") != c.bare {
			t.Errorf("variants(%q, %v) = %q, %q, want %q, %q", c.name, c.article, w, b, c.written, c.bare)
		}
	}
}

// FuzzGeocode checks that Find and Geocode never panic and never move a
// span, whatever the text and entities.
func FuzzGeocode(f *testing.F) {
	f.Add("قصفت الطائرات بإدلب وحماة وريف حلب وطرابلس.", 0, 10, 12, 40)
	f.Add("للرقة ورقة محافظة", 0, 3, 2, 100)
	f.Add("\xff\xfeمدينة", 1, 0, 0, 0)
	g := gazetteer(f)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		found := g.Find(text)
		for _, e := range found {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("Find(%q): bad entity %+v", text, e)
			}
		}
		ents := append(found,
			news.Entity{Type: "LOC", Text: sub(text, a, b), Span: news.Span{Start: a, End: b}},
			news.Entity{Type: "LOC", Text: sub(text, c, d), Span: news.Span{Start: c, End: d}})
		before := make([]news.Entity, len(ents))
		copy(before, ents)
		g.Geocode(text, ents)
		for i, e := range ents {
			if e.Span != before[i].Span || e.Text != before[i].Text || e.Type != before[i].Type {
				t.Fatalf("Geocode(%q) moved entity %d: %+v → %+v", text, i, before[i], e)
			}
			if (e.Lat == nil) != (e.Lon == nil) || e.Lat != nil && (*e.Lat < -90 || *e.Lat > 90 || *e.Lon < -180 || *e.Lon > 180) {
				t.Fatalf("Geocode(%q): bad coordinates on %+v", text, e)
			}
		}
	})
}

// sub returns text[a:b] when that is a valid byte range, else "" — the
// fuzzer's spans need not be valid, and Geocode reads Text, not the span.
func sub(text string, a, b int) string {
	if a < 0 || b > len(text) || a > b || !utf8.ValidString(text[a:b]) {
		return ""
	}
	return text[a:b]
}

func BenchmarkGeocode(b *testing.B) {
	g := gazetteer(b)
	data, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	ents := g.Find(text)
	b.Run("Find", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			g.Find(text)
		}
	})
	b.Run("Geocode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		es := make([]news.Entity, len(ents))
		for b.Loop() {
			copy(es, ents)
			g.Geocode(text, es)
		}
	})
	b.Run("FindGeocode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			g.Geocode(text, g.Find(text))
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(shipped, "data")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(sub); err != nil {
			b.Fatal(err)
		}
	}
}
