-- Whether the owner lets pushes rewrite the default branch's history (off by default, as the seed).
ALTER TABLE project ADD COLUMN allow_history_rewrite BOOLEAN DEFAULT FALSE NOT NULL;
