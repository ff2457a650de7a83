"""A page's content on its way to the site; the last wing, as it hands a page to the others.

  content.py   each page's content parsed once and handed to the outside check, the videos,
               the photos, the feed item and the e-mail edition in turn
"""
