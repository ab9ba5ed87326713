package claim

import (
	"strings"
	"testing"

	"github.com/isnad-project/isnad/arabic"
)

// benchParagraphs are paragraphs written for the benchmark: an invented
// story with the mix of narration, quotations, relays and figures of a
// wire report.
var benchParagraphs = []string{
	"شهدت مدينة الساحل الشرقي ليلة عنيفة بعد أن تعرضت أحياؤها الجنوبية لقصف مدفعي استمر حتى ساعات الفجر الأولى، فيما خرج مئات السكان إلى الطرق المؤدية إلى الريف هربا من النيران.",
	"وقال المتحدث باسم وزارة الدفاع، العميد ناصر الخطيب، في مؤتمر صحفي عقده صباح الأحد، إن القوات الحكومية ردت على مصادر النيران ودمرت أربع منصات لإطلاق الصواريخ، مؤكدا أن العمليات ستتواصل حتى تأمين المدينة بالكامل.",
	"وأضاف الخطيب: \"لن نسمح بتحويل الأحياء السكنية إلى منصات للهجوم. لدينا صور تثبت أن المسلحين نصبوا مدافعهم قرب المدارس\".",
	"في المقابل، نفى القائد الميداني في جبهة الوادي، سعيد الأمين، أن تكون مواقع فصيله قد أطلقت أي قذيفة، واتهم الجيش بـ\"قصف عشوائي يستهدف المدنيين\".",
	"ونقلت وكالة أنباء الشرق عن مصدر طبي قوله إن مستشفى المدينة استقبل 37 جريحا بينهم 11 طفلا، وإن حالة ستة منهم حرجة.",
	"وذكرت إذاعة الجنوب، نقلا عن شهود عيان، أن القصف طال سوق الخضار الرئيسي وأدى إلى احتراق عشرات المحال التجارية.",
	"وبحسب أرقام المنظمة الدولية للهجرة، فإن أكثر من 12 ألف شخص نزحوا خلال الأيام الثلاثة الماضية إلى القرى المجاورة.",
	"وحذر منسق الشؤون الإنسانية في الأمم المتحدة، جوناثان بريكر، من أن \"الوضع قد يخرج عن السيطرة إذا لم تفتح الممرات الآمنة فورا\"، داعيا جميع الأطراف إلى احترام القانون الدولي.",
	"وتساءل الكاتب والمحلل السياسي مراد الحسن في تصريح لـ«الصحيفة»: «من سيحاسب على دماء الأطفال الذين سقطوا في هذه الليلة؟».",
	"وكانت الحكومة قد أعلنت الأسبوع الماضي خطة لإعادة تأهيل شبكة الكهرباء في المدينة بكلفة تقدر بنحو 40 مليون دولار، قبل أن يتجدد القتال.",
	"وزعمت جبهة الوادي في بيان نشرته على موقعها أن مقاتليها أسقطوا طائرة مسيرة فوق الحي الصناعي، وهو ما لم يتسن التحقق منه من مصدر مستقل.",
	"من جهته، تعهد محافظ الساحل بصرف تعويضات عاجلة للأسر المتضررة، وطالب المنظمات الإغاثية بإرسال قوافل الغذاء والدواء دون تأخير.",
	"ويعيش في المدينة نحو ربع مليون نسمة، يعمل أغلبهم في الصيد والزراعة، وقد تراجعت الخدمات الأساسية فيها منذ اندلاع المواجهات قبل عامين.",
	"قتل جنديان وأصيب ثلاثة آخرون في انفجار عبوة ناسفة على الطريق الساحلي، حسب ما أوردت وكالة رويترز نقلا عن مسؤول أمني.",
	"وقال رئيس البلدية إن فرق الدفاع المدني تعمل على مدار الساعة، وأضاف أن المياه ستعود إلى الأحياء الشمالية خلال يومين.",
}

// benchArticle returns an article of about n bytes made of benchParagraphs.
func benchArticle(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(benchParagraphs[i%len(benchParagraphs)])
		b.WriteByte('\n')
	}
	return b.String()
}

func BenchmarkExtract(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"article-5KB", 5 << 10}, {"long-100KB", 100 << 10}} {
		text := benchArticle(size.n)
		b.Run("Extract/"+size.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Extract(text, nil)
			}
		})
		// The analysis the pipeline runs on the same text, for comparison.
		an := arabic.NewAnalyzer(arabic.Options{})
		b.Run("Analyze/"+size.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				an.Analyze(text)
			}
		})
	}
}

// TestBenchArticle keeps the benchmark honest: its article has claims.
func TestBenchArticle(t *testing.T) {
	text := benchArticle(5 << 10)
	got := Extract(text, nil)
	checkInvariants(t, text, got)
	if len(got) < 15 {
		t.Errorf("the benchmark article has %d claims, want at least 15:\n%s", len(got), dump(got))
	}
}
