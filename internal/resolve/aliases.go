package resolve

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// An aliasEntry is one line of an alias table.
type aliasEntry struct {
	name, key, typ string
	aliases        []string // the name first
	file           string
	line           int
}

// parseAliases reads an alias table (see aliases.txt for the format). file
// names the table in errors, which give file:line.
func parseAliases(file, text string) ([]aliasEntry, error) {
	var out []aliasEntry
	keys := map[string]int{}
	for n, line := range strings.Split(text, "\n") {
		n++
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", file, n)
		}
		f := strings.Split(line, "|")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want canonical name | key | type | aliases…, have %d field(s)", file, n, len(f))
		}
		for i := range f {
			f[i] = strings.Join(strings.Fields(f[i]), " ")
		}
		e := aliasEntry{name: f[0], key: f[1], typ: f[2], file: file, line: n}
		switch {
		case e.name == "":
			return nil, fmt.Errorf("%s:%d: empty canonical name", file, n)
		case !validKey(e.key):
			return nil, fmt.Errorf("%s:%d: key %q: want a type prefix, a colon and a name without spaces or |, as in org:isis", file, n, e.key)
		case !validType(e.typ):
			return nil, fmt.Errorf("%s:%d: type %q: want PER, ORG, LOC or MISC", file, n, e.typ)
		}
		if first, ok := keys[e.key]; ok {
			return nil, fmt.Errorf("%s:%d: key %s is already on line %d", file, n, e.key, first)
		}
		keys[e.key] = n
		e.aliases = append(e.aliases, e.name)
		for _, a := range f[3:] {
			if a != "" {
				e.aliases = append(e.aliases, a)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// validKey reports whether k is a key an alias table may give: a prefix of
// lower-case letters, a colon, and a name with neither space nor |.
func validKey(k string) bool {
	prefix, name, ok := strings.Cut(k, ":")
	if !ok || prefix == "" || name == "" || strings.ContainsAny(k, " \t|") {
		return false
	}
	for _, r := range prefix {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func validType(t string) bool {
	switch t {
	case "PER", "ORG", "LOC", "MISC":
		return true
	}
	return false
}

// compatible reports whether an alias entry of type entry may name a
// mention the tagger typed mention. A state (LOC) also acts as an
// organization (روسيا تدين); an untyped or MISC mention takes an ORG or LOC
// entry; a person is only a person.
func compatible(entry, mention string) bool {
	switch {
	case entry == mention:
		return true
	case entry == "PER":
		return mention == ""
	case mention == "", mention == "MISC":
		return true
	}
	return entry == "LOC" && mention == "ORG"
}
