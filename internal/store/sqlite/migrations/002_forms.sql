-- A third indexed column, forms: the normalized form of each token as
-- written, clitics kept, so that an exact match counts on top of the match
-- on its stem (docs/retrieval.md). An FTS5 table cannot gain a column, and a
-- contentless one cannot be refilled from SQL (the terms are computed in
-- Go), so the index is rebuilt empty and, when articles are already stored,
-- marked stale until Store.Reindex fills it again.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	words, keys, forms,
	content = '',
	tokenize = 'unicode61 remove_diacritics 0'
);

-- The index's vocabulary, read by Search for the document frequency of
-- query terms (weightless.go). A view of articles_fts: it stores nothing.
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'col');

-- Facts about the store itself, one row each.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
INSERT INTO meta (key, value) SELECT 'index_stale', '002_forms' WHERE EXISTS (SELECT 1 FROM articles);
