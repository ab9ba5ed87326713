package arabic_test

import (
	"fmt"
	"strings"

	"github.com/isnad-project/isnad/arabic"
)

func ExampleSegmentFarasa() {
	for _, w := range []string{"بالمحكمة", "ترشيحاتها", "أعلنت", "للمدينة", "والستين"} {
		segs := arabic.SegmentFarasa(w)
		fmt.Println(w, "→", strings.Join(segs, "+"), "→", arabic.JoinFarasa(segs))
	}
	// Output:
	// بالمحكمة → ب+ال+محكم+ة → بالمحكمة
	// ترشيحاتها → ترشيح+ات+ها → ترشيحاتها
	// أعلنت → أعلن+ت → أعلنت
	// للمدينة → ل+ال+مدين+ة → للمدينة
	// والستين → و+ال+ست+ين → والستين
}

func ExampleSegments() {
	word := "وَبِالْمَدِينَةِ"
	for _, s := range arabic.Segments(word, arabic.SchemeIsnad) {
		fmt.Printf("%s [%d,%d) %s\n", s.Text, s.Start, s.End, word[s.Start:s.End])
	}
	// Output:
	// و [0,4) وَ
	// ب [4,8) بِ
	// ال [8,14) الْ
	// مدينه [14,32) مَدِينَةِ
}

func ExampleLuceneStem() {
	for _, w := range []string{"والحسن", "ساهدهات", "المدرسة", "الو"} {
		fmt.Println(w, "→", arabic.LuceneStem(w))
	}
	// Output:
	// والحسن → حسن
	// ساهدهات → ساهد
	// المدرسة → مدرس
	// الو → الو
}

func ExampleRoot() {
	for _, w := range []string{"المدرسة", "دروس", "المستخدمين", "والمقتول"} {
		fmt.Println(w, "→", arabic.Root(w))
	}
	// Output:
	// المدرسة → درس
	// دروس → درس
	// المستخدمين → خدم
	// والمقتول → قتل
}
