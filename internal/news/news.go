// Package news holds isnad's vocabulary: the article, the spans that point
// into its text, and what the later stages attach to it (entities, claims,
// figures). It imports only the standard library, so every stage and every
// store can share these types without importing each other.
package news

import "time"

// An ArticleID names an article. It is the record's own id when the input
// has one, else a hash of the source and the position in it.
type ArticleID string

// A Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len reports the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// An Article is one news report as isnad keeps it. Text is the cleaned body:
// boilerplate removed, the original letters kept. Every offset in the
// article (entities, claims, figures, tokens) is a byte offset into Text.
type Article struct {
	ID     ArticleID `json:"id"`
	Source string    `json:"source"` // the file path as given, or the URL it was fetched from
	Outlet string    `json:"outlet"` // publisher, if known
	URL    string    `json:"url"`
	Title  string    `json:"title"`
	// Published is the publication time; the zero time means unknown.
	Published time.Time `json:"-"`
	Text      string    `json:"text"`

	Entities []Entity `json:"entities"`
	Claims   []Claim  `json:"claims"`
	Figures  []Figure `json:"figures"`
	// Warnings are non-fatal problems met while reading this article.
	Warnings []string `json:"warnings"`
}

// An Entity is a named person, organization, place or other name mentioned
// in an article.
type Entity struct {
	Type string `json:"type"` // PER, ORG, LOC or MISC
	Text string `json:"text"` // surface form, Text[Start:End] of the article
	Span
	Key  string   `json:"key"`  // canonical key shared by all spellings of the entity
	Name string   `json:"name"` // canonical display name
	Lat  *float64 `json:"lat,omitempty"`
	Lon  *float64 `json:"lon,omitempty"`
}

// A Figure is a number found in the text, with the noun it counts.
type Figure struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text"`
	Span
}

// A Claim is a statement the article attributes to a speaker through a
// reporting expression (قال، أكد، نفى، بحسب…).
type Claim struct {
	Speaker     string   `json:"speaker"`
	SpeakerKey  string   `json:"speaker_key"`
	SpeakerRole string   `json:"speaker_role"`
	Verb        string   `json:"verb"`
	Act         string   `json:"act"` // assert, deny, accuse, warn, demand, promise, question or other
	Direct      bool     `json:"direct"`
	Content     string   `json:"content"`
	Via         []string `json:"via"`
	Figures     []Figure `json:"figures"`
	Span
	// Framing is "doubt" when the reporting verb itself casts doubt on the
	// claim (زعم، ادعى), else "".
	Framing string `json:"framing"`
	// Resolved is true when the sentence names no speaker (وأضاف، وقال
	// إنه) and Speaker was taken from earlier in the article; SpeakerSpan
	// then points at that earlier mention.
	Resolved bool `json:"resolved"`
	// SpeakerSpan, VerbSpan and ContentSpan locate Speaker, Verb and
	// Content in Article.Text: each string is Text[Start:End] of its span.
	// SpeakerSpan is empty when no speaker was found.
	SpeakerSpan Span `json:"speaker_span"`
	VerbSpan    Span `json:"verb_span"`
	ContentSpan Span `json:"content_span"`
}
