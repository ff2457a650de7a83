"""Reading and validating what editors write; imports common.

  symlinks.py        only what is in the repository: every symbolic link refused before anything is read
  yamlfile.py        an editor's file read safely, its YAML with the line of every value
  yaml_messages.py   what PyYAML and libyaml say about a broken file, in Dutch
  schema.py          data and front matter against the JSON Schemas in schemas/, in Dutch
  passed_checks.py   front matter that passed its schema before, not checked again (.cache/controle.txt)
  data.py            the one loader of data/: read, validated, handed out (Content)
  newsletters.py     every newsletter's front matter, before the blog and feed plugins read it
  mail_settings.py   data/verzending.yml: how the newsletter goes out by e-mail
  accessibility_statement.py   data/toegankelijkheid.yml and the status its rules give
  staleness.py       what has gone stale: "let op" for editors, never a reason to stop
  outlines.py        the municipalities' borders for the map (data/kaart/), checked against data/gemeenten.yml
"""
