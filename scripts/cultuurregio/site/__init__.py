"""What `mkdocs build` runs. Imports nothing from the other rooms."""
