"""The command-line tools: build, devserver, scaffold, guide and check."""
