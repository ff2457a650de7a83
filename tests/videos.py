"""A newsletter's text with two videos, one with a poster photo, for the tests that read what
they cost and what they ask of the browser (a helper of the tests, not a test; the photos
poster.jpg and zaal.jpg are the test's own, made with tests.helpers.photo)."""

VIDEOS = """Het begin.

/// video | https://www.youtube.com/watch?v=abcdefghijk&t=90
Het debat in de schouwburg, opgenomen door de test

![Een volle zaal luistert naar het panel](poster.jpg)
/// caption
Foto: Testfotograaf
///
///

<!-- more -->

![Een tweede beeld van de avond in de zaal](zaal.jpg)
/// caption
Foto: Testfotograaf
///

/// video | https://vimeo.com/76979871
Een tweede video zonder poster
///
"""
