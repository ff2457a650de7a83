"""The promises, checked before anything renders and on every rendered page; imports
common, content and media.

  validation.py        every check of the content, run before anything renders
  outside.py           nothing on a page reaches another site or runs code the site did not write
  svg_check.py         an SVG by allowlist: only drawing
  nav_check.py         the menu in mkdocs.yml, with the line of each entry
  security_policy.py   the Content-Security-Policy of each page
  library_messages.py  what MkDocs and mkdocs-macros tell editors, in Dutch, with file and line
"""
