package resolve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/internal/news"
)

func resolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// testArticle builds a text of the mentions, one per sentence, and their
// entities with spans into it.
func testArticle(mentions ...[2]string) (string, []news.Entity) {
	var b strings.Builder
	var ents []news.Entity
	for _, m := range mentions {
		b.WriteString("قال ")
		start := b.Len()
		b.WriteString(m[1])
		ents = append(ents, news.Entity{Type: m[0], Text: m[1], Span: news.Span{Start: start, End: b.Len()}})
		b.WriteString(" إن الوضع صعب. ")
	}
	return b.String(), ents
}

// TestResolveGroups checks that the spellings, short forms and titled forms
// of one entity, in one article, get one key and one name.
func TestResolveGroups(t *testing.T) {
	r := resolver(t)
	for _, c := range []struct {
		name     string
		mentions [][2]string
		key      string
		display  string
	}{
		{"Konashenkov", [][2]string{
			{"PER", "إيغور كوناشينكوف"}, {"PER", "ايجور كوناشنكوف"}, {"PER", "كوناشنكوف"}, {"PER", "وكوناشنكوف"},
			{"PER", "المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف"}, {"PER", "الميجر جنرال إيغور كوناشينكوف"},
			{"PER", "اللواء إيغور كوناشنكوف"},
		}, "per:كنشنكف", "إيغور كوناشينكوف"},
		{"ISIS", [][2]string{
			{"ORG", "داعش"}, {"ORG", "تنظيم الدولة الإسلامية"}, {"ORG", "الدولة الإسلامية"}, {"ORG", "تنظيم داعش"},
			{"ORG", "لداعش"}, {"ORG", "والدولة الإسلامية"}, {"ORG", "بتنظيم الدولة"}, {"ORG", "ISIS"}, {"ORG", "Daesh"},
			{"ORG", "الدولة الإسلامية في العراق والشام"}, {"MISC", "داعش"},
		}, "org:isis", "داعش"},
		{"Nusra", [][2]string{
			{"ORG", "جبهة النصرة"}, {"ORG", "النصرة"}, {"ORG", "جبهة فتح الشام"}, {"ORG", "هيئة تحرير الشام"}, {"ORG", "وجبهة النصرة"},
		}, "org:nusra", "جبهة النصرة"},
		{"SDF", [][2]string{
			{"ORG", "قوات سوريا الديمقراطية"}, {"ORG", "قسد"}, {"ORG", "وقسد"}, {"ORG", "قوات سورية الديمقراطية"},
		}, "org:sdf", "قوات سوريا الديمقراطية"},
		{"AFP", [][2]string{
			{"ORG", "فرانس برس"}, {"ORG", "وكالة فرانس برس"}, {"ORG", "أ ف ب"}, {"ORG", "ا ف ب"}, {"ORG", "AFP"},
		}, "org:afp", "وكالة فرانس برس"},
		{"Assad", [][2]string{
			{"PER", "بشار الأسد"}, {"PER", "الأسد"}, {"PER", "الرئيس السوري بشار الأسد"}, {"PER", "الرئيس الأسد"}, {"PER", "والأسد"},
		}, "per:bashar-al-assad", "بشار الأسد"},
		{"Putin", [][2]string{
			{"PER", "بوتين"}, {"PER", "بوتن"}, {"PER", "فلاديمير بوتين"}, {"PER", "الرئيس الروسي فلاديمير فلاديميروفيتش بوتين"}, {"PER", "لبوتين"},
		}, "per:vladimir-putin", "فلاديمير بوتين"},
		{"Lavrov", [][2]string{
			{"PER", "وزير الخارجية الروسي سيرغي لافروف"}, {"PER", "سيرجي لافروف"}, {"PER", "لافروف"},
		}, "per:sergey-lavrov", "سيرغي لافروف"},
		{"Syria", [][2]string{
			{"LOC", "سوريا"}, {"LOC", "سورية"}, {"ORG", "سوريا"}, {"LOC", "وسوريا"}, {"LOC", "الجمهورية العربية السورية"},
		}, "loc:sy", "سوريا"},
		{"titles", [][2]string{
			{"PER", "الجنرال اندري كارتابولوف"}, {"PER", "العقيد اندري كارتابولوف"}, {"PER", "الشيخ اندري كارتابولوف"},
			{"PER", "الدكتور اندري كارتابولوف"}, {"PER", "قائد العمليات العسكرية الروسية في سوريا الجنرال اندري كارتابولوف"},
			{"PER", "كارتابولوف"},
		}, "per:كرتبلف", "اندري كارتابولوف"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, ents := testArticle(c.mentions...)
			r.Resolve(text, ents)
			for _, e := range ents {
				if e.Key != c.key || e.Name != c.display {
					t.Errorf("Resolve(%s %q) = %q %q, want %q %q [% x]", e.Type, e.Text, e.Key, e.Name, c.key, c.display, e.Text)
				}
			}
		})
	}
}

// TestResolveAcrossArticles checks that a surname alone, in an article
// without the full name, gets the key the full name gets elsewhere.
func TestResolveAcrossArticles(t *testing.T) {
	r := resolver(t)
	text1, ents1 := testArticle([2]string{"PER", "إيغور كوناشينكوف"})
	text2, ents2 := testArticle([2]string{"PER", "كوناشنكوف"})
	r.Resolve(text1, ents1)
	r.Resolve(text2, ents2)
	if ents1[0].Key != ents2[0].Key || ents1[0].Key == "" {
		t.Errorf("keys %q and %q, want one", ents1[0].Key, ents2[0].Key)
	}
	if ents2[0].Name != "كوناشنكوف" {
		t.Errorf("name of a surname alone = %q, want كوناشنكوف", ents2[0].Name)
	}
}

// TestResolveSameSurname checks that a surname alone is not given to one of
// two full names that share it.
func TestResolveSameSurname(t *testing.T) {
	r := resolver(t)
	text, ents := testArticle(
		[2]string{"PER", "زهران علوش"}, [2]string{"PER", "محمد علوش"}, [2]string{"PER", "علوش"},
		[2]string{"PER", "عبد الجبار اوسو"}, [2]string{"PER", "واوسو"},
	)
	r.Resolve(text, ents)
	want := []string{"per:zahran-alloush", "per:mohammed-alloush", "per:علش", "per:اوسو", "per:اوسو"}
	for i, e := range ents {
		if e.Key != want[i] {
			t.Errorf("Resolve(%q) = %q, want %q", e.Text, e.Key, want[i])
		}
	}
	if ents[4].Name != "عبد الجبار اوسو" {
		t.Errorf("Resolve(%q).Name = %q, want the full name", ents[4].Text, ents[4].Name)
	}
}

// TestResolveKeepsSpans checks that only Key and Name change.
func TestResolveKeepsSpans(t *testing.T) {
	r := resolver(t)
	text, ents := testArticle([2]string{"PER", "الرئيس بشار الأسد"}, [2]string{"ORG", "داعش"}, [2]string{"LOC", "حلب"}, [2]string{"MISC", ""})
	lat := 1.5
	ents[2].Lat, ents[2].Lon = &lat, &lat
	before := fmt.Sprintf("%v", ents)
	r.Resolve(text, ents)
	for i := range ents {
		if ents[i].Text != "" && (ents[i].Key == "" || ents[i].Name == "") {
			t.Errorf("Resolve(%q): no key or name", ents[i].Text)
		}
		ents[i].Key, ents[i].Name = "", ""
	}
	if after := fmt.Sprintf("%v", ents); after != before {
		t.Errorf("Resolve changed more than keys and names:\n got %s\nwant %s", after, before)
	}
}

// TestUserAliases checks that a user file overrides the shipped table.
func TestUserAliases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.txt")
	err := os.WriteFile(path, []byte(`# my table
الدولة الإسلامية | org:isis | ORG | داعش | تنظيم الدولة
جيش العزة | org:jaysh-al-izza | ORG | جيش العزة
إيغور كوناشينكوف | per:igor-konashenkov | PER | كوناشينكوف
المرصد السوري | org:my-observatory | ORG | المرصد
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(Options{AliasFile: path})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ typ, text, key, name string }{
		{"ORG", "داعش", "org:isis", "الدولة الإسلامية"},
		{"ORG", "جيش العزة", "org:jaysh-al-izza", "جيش العزة"},
		{"PER", "ايجور كوناشنكوف", "per:igor-konashenkov", "إيغور كوناشينكوف"},
		{"ORG", "المرصد", "org:my-observatory", "المرصد السوري"},
		// The user's org:isis entry replaced the shipped one, ISIS included.
		{"ORG", "ISIS", "org:isis", "ISIS"},
		{"ORG", "ميليشيا جيش العزة", "org:jaysh-al-izza", "جيش العزة"},
	} {
		text, ents := testArticle([2]string{c.typ, c.text})
		r.Resolve(text, ents)
		if ents[0].Key != c.key || ents[0].Name != c.name {
			t.Errorf("with the user table, Resolve(%q) = %q %q, want %q %q", c.text, ents[0].Key, ents[0].Name, c.key, c.name)
		}
	}
}

// TestAliasErrors checks that a malformed table is an error naming
// file:line.
func TestAliasErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"# ok\nداعش | org:isis | ORG\nالنصرة | org nusra | ORG\n", ":3: key"},
		{"\n\nداعش | org:isis\n", ":3: want canonical name"},
		{"داعش | org:isis | GROUP\n", ":1: type"},
		{"داعش | org:isis | ORG\nالنصرة | org:isis | ORG\n", ":2: key org:isis is already on line 1"},
		{"داعش | org:isis | ORG | داعش\nالنصرة | org:nusra | ORG | داعش\n", ":2: \"داعش\" already names org:isis"},
		{" | org:isis | ORG\n", ":1: empty canonical name"},
		{"داعش | org:isis | ORG | ،\n", ":1: alias"},
	} {
		path := filepath.Join(t.TempDir(), "bad.txt")
		if err := os.WriteFile(path, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := New(Options{AliasFile: path})
		if err == nil || !strings.Contains(err.Error(), path+c.want) {
			t.Errorf("New with %q = %v, want an error containing %q", c.data, err, path+c.want)
		}
	}
	if _, err := New(Options{AliasFile: filepath.Join(t.TempDir(), "missing.txt")}); err == nil {
		t.Errorf("New with a missing file: no error")
	}
}

// FuzzResolve checks that Resolve never panics and changes only keys and
// names.
func FuzzResolve(f *testing.F) {
	f.Add("قال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف", "PER", 7, 40)
	f.Add("ولداعش", "ORG", 0, 12)
	f.Add("\xffالرئيس", "PER", 0, 1)
	r := resolver(f)
	f.Fuzz(func(t *testing.T, text, typ string, a, b int) {
		ents := []news.Entity{
			{Type: typ, Text: text, Span: news.Span{Start: a, End: b}},
			{Type: "PER", Text: text},
			{Type: "ORG", Text: text},
		}
		before := make([]news.Entity, len(ents))
		copy(before, ents)
		r.Resolve(text, ents)
		for i, e := range ents {
			if e.Span != before[i].Span || e.Text != before[i].Text || e.Type != before[i].Type || e.Lat != nil {
				t.Fatalf("Resolve(%q) changed entity %d: %+v → %+v", text, i, before[i], e)
			}
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	r := resolver(b)
	text, ents := testArticle(
		[2]string{"PER", "المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف"}, [2]string{"PER", "كوناشنكوف"},
		[2]string{"ORG", "تنظيم الدولة الإسلامية"}, [2]string{"ORG", "داعش"}, [2]string{"LOC", "حلب"},
		[2]string{"PER", "الرئيس السوري بشار الأسد"}, [2]string{"ORG", "وزارة الدفاع الروسية"}, [2]string{"ORG", "المجلس المحلي"},
	)
	b.ReportAllocs()
	for b.Loop() {
		r.Resolve(text, ents)
	}
}
