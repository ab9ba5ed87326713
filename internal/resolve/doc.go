// Package resolve gives every entity mention a key shared by all the ways
// of writing the entity, and a canonical display name: إيغور كوناشينكوف,
// ايجور كوناشنكوف and كوناشنكوف are per:كنشنكف; داعش, تنظيم الدولة الإسلامية
// and ISIS are org:isis.
//
// It reads a mention in arabic.Normalize form, takes off the proclitics of
// its first word and the titles of a person (الرئيس, الميجر جنرال, وزير
// الخارجية الروسي, المتحدث باسم …), and looks it up in an alias table: the
// shipped aliases.txt (the main actors of the Syrian war and the region:
// armed groups, states, governments, agencies and outlets, leaders) and an
// optional user table in the same format whose entries override it. A
// person not in the table is keyed by the name key of the surname
// (arabic.NameKey), so that spellings meet across articles; within an
// article a surname alone takes the key and name of the full name.
//
// In the pipeline, Resolve runs after the tagger and before geo.Geocode:
//
//	r, err := resolve.New(resolve.Options{AliasFile: cfg.Aliases})
//	…
//	ents = r.Resolve(a.Text, ents)
//
// Keys are stable: a table key (org:isis) never changes unless the table
// does; a computed key (per:كنشنكف, org:وزار_دفاع_روسيا) changes only with
// the arabic package's keys, which a re-index then recomputes.
package resolve
