-- Articles as read and cleaned, with their analysis as JSON.
CREATE TABLE articles (
	rowid       INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	hash        TEXT NOT NULL UNIQUE,  -- content hash: the same article twice is stored once
	source      TEXT NOT NULL,
	outlet      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	published   TEXT,                  -- RFC 3339, NULL when unknown
	text        TEXT NOT NULL,
	analysis    TEXT NOT NULL DEFAULT '{}', -- JSON: entities, claims, figures, warnings
	n_claims    INTEGER NOT NULL DEFAULT 0,
	n_entities  INTEGER NOT NULL DEFAULT 0,
	ingested_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet);

-- Full-text index over the analyzed terms (computed in Go by package index:
-- SQLite's own tokenizers know nothing of Arabic clitics or spelling
-- variants). Contentless: the text lives in articles, joined by rowid.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	words, keys,
	content = '',
	tokenize = 'unicode61 remove_diacritics 0'
);
