// Package ner finds named entities in Arabic news: people (PER), places
// (LOC), organizations (ORG) and other names (MISC: events, agreements,
// tournaments, works). Tagger.Entities returns them with byte offsets into
// the article text; Tagger.Tag and Tagger.TagDocument tag pre-tokenized
// sentences in the BIO scheme of ANERcorp (B-PERS, I-LOC, O, …).
//
// # Model
//
// A linear sequence model, trained with the averaged structured perceptron
// (Collins 2002) and decoded with Viterbi under first-order tag
// transitions; decoding never produces an I- tag that does not continue a
// B- or I- of its type. Each feature carries one weight per tag plus one
// per entity type shared by its B- and I- tags, folded together when the
// model is saved. Weights are integers in training (deterministic on every
// platform) and 16-bit integers in the model file.
//
// Features (features.go) of token i look at tokens i−2…i+2: the word as
// written, normalized, its clitic-free core and its light stem (package
// arabic), its proclitics and enclitic, the first and last letters of the
// core and its letter trigrams, its shape (script, length, digits), its
// cluster and the prefixes of 4, 6, 10 and 14 bits of the cluster path,
// pairs of neighbouring words, clusters and shapes, and hits of the word
// lists (gazetteer.txt: titles, organization and place heads, event heads,
// first names, countries and Syrian places, nationality adjectives,
// reporting verbs; places.txt.gz: the Arabic names of GeoNames cities).
// In training, the word's own forms are hidden from 20% of the tokens in
// each epoch, so that the features that reach unseen names learn too.
//
// The word clusters (clusters.go) are learned by isnad from about 12
// million words of unlabeled news: exchange clustering into 256 classes,
// joined into a binary tree by Ward's method, each class then halved three
// times, as Brown clusters are used (Miller et al. 2004; Turian et al.
// 2010).
//
// Tagging runs in two stages (document.go): stage 1 tags each sentence on
// its own; stage 2 tags it again knowing how stage 1 tagged the token, its
// neighbours, the other occurrences of the word in the document, and the
// word's occurrences in two million words of news (silver.go).
//
// # Data and reproduction
//
// The model directory (model/, embedded in the binary) holds the weights
// (ner.model.gz, whose format model.go documents), the word lists and the
// clusters; model/README.md names the sources and licences of what was
// derived from public data. `isnad train ner` rebuilds every derived file
// from ../shared/eval (Build): the same data gives the same bytes.
//
// # Limits
//
// The tagger knows what ANERcorp's 125,000 words of 2007 newswire and the
// unlabeled news teach it: names in other fields (science, sport, history)
// and MISC in general are found less often. Entity keys are the spelling
// keys of the words (arabic.Key): resolving mentions to one entity, and
// places to coordinates, is left to a later stage.
package ner
