"""What every wing stands on; imports no other wing.

  problems.py    a problem in content: file, line and a Dutch message
  dates.py       dates in Dutch, as precise as the sources allow, and the one build date rule
  paths.py       where the build puts what it writes besides the pages
  templates.py   the content templates in overrides/content/ rendered into page Markdown
  sizes.py       file sizes as Dutch readers write them
  preview.py     a pull request's preview: its address under voorbeeld/pr-N/, its banner, its sitemap
  fragments.py   a page's content as one lxml tree, and the site's templates put into it
"""
