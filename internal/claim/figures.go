package claim

import (
	"sort"

	"github.com/isnad-project/isnad/internal/news"
)

// figuresIn returns the figures that lie inside the content span, from
// figures sorted by Start (as the numbers of a text are found).
func figuresIn(figures []news.Figure, content news.Span) []news.Figure {
	out := []news.Figure{}
	i := sort.Search(len(figures), func(i int) bool { return figures[i].Start >= content.Start })
	for ; i < len(figures) && figures[i].Start < content.End; i++ {
		if figures[i].End <= content.End {
			out = append(out, figures[i])
		}
	}
	return out
}
