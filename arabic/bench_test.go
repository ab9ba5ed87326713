package arabic

import (
	"strings"
	"testing"
)

// benchParagraph is a news-like paragraph written for these benchmarks
// (no text from any publication): long and short words, clitics, names,
// numbers in both digit sets, punctuation and a few harakat.
const benchParagraph = `أعلنت وزارة الصحة في بيان صدر صباح اليوم الثلاثاء أن فرقها الطبية ` +
	`استقبلت ١٬٢٥٠ مراجعاً خلال الأسبوع الماضي، وأن نسبة الإشغال في المستشفيات ` +
	`الحكومية بلغت 87.5 في المئة. وقال المتحدث باسم الوزارة إن الخطة الجديدة ` +
	`ستُطبَّق على مراحل، بدءاً من المدن الكبرى ثم القرى البعيدة، مشيراً إلى أن ` +
	`التمويل سيأتي من الموازنة العامة ومن منحة قدمها الاتحاد الأوروبي بقيمة 40 ` +
	`مليون يورو. وأضاف: «لن نتوقف حتى يحصل كل مواطن على الرعاية التي يستحقها». ` +
	`من جهتهم، طالب نواب في البرلمان الحكومةَ بنشر تفاصيل العقود، وقال أحدهم لوكالة ` +
	`الأنباء المحلية إن المواطنين يريدون أن يعرفوا كيف تُنفق أموالهم، وإن اللجنة ` +
	`المالية ستعقد جلسة خاصة لمناقشة الملف يوم الخميس المقبل في تمام الساعة ١٠:٣٠. ` +
	`وفي سياق متصل، التقى رئيس الوزراء بسفيري فرنسا وألمانيا لبحث التعاون في مجال ` +
	`الطاقة المتجددة، وأكد الجانبان أهمية تعزيز الاستثمارات المشتركة بين البلدين.`

func benchText() string { return strings.Repeat(benchParagraph+"\n", 20) }

func BenchmarkTokenize(b *testing.B) {
	text := benchText()
	n := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkNormalize(b *testing.B) {
	toks := Tokenize(benchText())
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range toks {
			Normalize(t.Text)
		}
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkAnalyze(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"default", Options{}},
		{"norepair", Options{NoRepair: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			a := NewAnalyzer(bc.opts)
			text := benchText()
			n := len(a.Analyze(text))
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				a.Analyze(text)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
