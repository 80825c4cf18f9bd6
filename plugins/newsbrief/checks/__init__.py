"""The checks of the content before a build: each file on its own (contentfile), the files
together (validator), and pydantic's errors told in an editor's words (explain)."""
