"""Ingest pipeline: read -> parse -> extract -> store.

Each stage is a module with one job:
- `readers`: bytes on disk to text (encoding detection, HTML reduced to text, JSONL records);
- `parse`: text in the seed's run-together format to `ArticleDraft`s;
- `extraction`: a pure function from text (and known entities) to mentions, one module a phase;
- `store`: drafts and mentions into the database, keeping editors' decisions;
- `pipeline`: walks paths and runs the stages file by file, returning counts.

Between the stages a story travels as a `store.PreparedStory` (draft, extraction, origin, shift).
"""
