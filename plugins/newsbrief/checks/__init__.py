"""The checks of the content before a build: which files are read (discovery), each file
on its own (contentfile, on the file as written: written), the files together (validator),
and pydantic's errors told in an editor's words (explain)."""
