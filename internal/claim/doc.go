// Package claim finds attributed claims in Arabic news text: who said what,
// through whom. A claim is a statement the article attributes to a source
// through a reporting expression (قال، أكد، نفى، بحسب…), as the project's
// claim guideline defines it.
//
// Extract reads one article text and returns its claims. Each claim points
// back into the text by byte offsets: Span covers the whole attribution
// (subject or verb through content), and the content, speaker and verb are
// copied from the text at their own spans, never found again by searching.
//
// # How a claim is found
//
// A reporting verb is recognized by morphology, not by a list of sentences:
// the lexicon (lexicon.go) holds each verb's past, imperfect, participle and
// verbal-noun stems, and every person, number and tense is generated from
// them with the proclitics و and ف and object pronouns (قال، وقالت، يقولون،
// قائلا، بالقول). Attribution phrases (بحسب، وفقا لـ، نقلا عن، على لسان،
// وجاء في) are a small closed list.
//
// From the verb the extractor reads its frame: the subject after the verb
// (VSO, the usual order of news) or before it, adverbials that are no part
// of the subject (الثلاثاء، في بيان، لفرانس برس), and the content, which
// begins at إن/أن, a colon, a quotation mark, or, for a few verbs, a
// preposition or a direct object (أشار إلى، اتهم … بـ، نفى …). The content
// ends at the sentence end, at the closing mark of a quotation (which may
// run over several sentences), or where the next attribution takes over
// (، مضيفا، فيما قال، بحسب). A verb with no subject (وأضاف، وقال إنه) speaks
// for the speaker before it. Relays between the outlet and the speaker
// (نقلت وكالة … عن … قوله، بحسب أ ف ب) go to Via, nearest the outlet first;
// a claim inside another claim's content has that speaker in Via.
//
// Sentences end where arabic.Sentences ends them (it knows abbreviations
// such as د. and أ.ف.ب), at line breaks, except a break inside a wrapped
// sentence, and never inside a quotation that the content opened. Figures
// come from the caller (the pipeline finds them with arabic.FindNumbers):
// each claim gets those inside its content.
//
// Everything runs in time linear in the length of the text: each reporting
// word looks at a bounded window, and quotation marks, sentence ends and
// clause boundaries are paired in single passes.
package claim
