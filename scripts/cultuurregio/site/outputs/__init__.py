"""What the build writes besides the pages; imports common, content and media.

  feeds.py             the RSS feed finished: each item the whole newsletter
  category_feeds.py    a full-text feed per newsletter category
  ical.py              the agenda as iCalendar files
  search_index.py      search finds 'ideeën' when a visitor types 'ideeen'
  structured_data.py   schema.org data (JSON-LD) for the home page, the agenda, each newsletter
  twente_map.py        the map of Twente
  security_txt.py      /.well-known/security.txt (RFC 9116), from texts/
  editor_config.py     the web editor's forms (/beheer/config.json), from the schemas and mkdocs.yml
  editor_pages.py      its forms of the site's pages, and where each data file is shown
"""
