"""The newsletter's e-mail edition, made by the build; imports common, content and outputs.

  edition.py   e-mail.html and nieuwsbrief.eml next to each published newsletter, kept in
               .cache/edities/ by the hash of what each is made from
  text.py      the plain-text part, from the same tree as the HTML part
  message.py   the .eml, byte for byte as the email package writes it, in a fifth of its time
"""
