"""The newsletter's e-mail edition, made by the build; imports common, content and outputs.

  edition.py   e-mail.html and nieuwsbrief.eml next to each published newsletter
  text.py      the plain-text part, from the same content as the HTML part
"""
