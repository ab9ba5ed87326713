// Package geo places the LOC entities of an article on the map: a gazetteer
// of Arabic place names with coordinates, and the rules that choose among
// namesakes.
//
// The gazetteer (New) is built once from the data embedded under data/: the
// GeoNames cities of more than 15,000 inhabitants that have an Arabic name
// (CC BY 4.0, see data/README.md), and tables written for isnad: countries
// at their centres, the 14 Syrian governorates, regions such as the Ghouta
// and the Golan, and towns of the Syrian war that GeoNames lacks.
//
// Names are matched in arabic.Normalize form, so حماة and حماه, إدلب and ادلب
// are one; with or without the proclitics و ف ب ل and the article (بإدلب,
// وحماة, للرقة, الميادين and ميادين); with or without spaces (ديرالزور); and
// after a head word (ريف حماة, محافظة إدلب, شمال سوريا) or before an
// adjective (حلب الشرقية, طرابلس اللبنانية).
//
// Geocode resolves the LOC entities a tagger found: when the places of a
// name lie in several countries, the article's other places and country
// mentions vote, and a name the context cannot decide (طرابلس alone: Libya
// or Lebanon) is left without coordinates rather than guessed. Find is the
// gazetteer's own mention finder, for use where no tagger has run.
//
// In the pipeline, Geocode runs after the tagger and after resolve:
//
//	ents := tagger.Tag(a.Text)
//	ents = resolver.Resolve(a.Text, ents)
//	ents = gazetteer.Geocode(a.Text, ents)
//
// What it does not do: places smaller than a town of 15,000 (most Syrian
// villages) are unknown unless written into data/regions.tsv; a name is
// read as a place whenever the tagger says so (Geocode does not second-guess
// the type); and a country or governorate is placed at its centre, which is
// where a map pin goes, not where the event was.
package geo
