"""Photos and video; imports common.

  photos.py        published variants: a few widths, WebP with JPEG or PNG, upright, no metadata
  photo_pages.py   the photos of one build, from the images in docs/ to what each page shows
  image_checks.py  images on a page: described, credited, publishable, without private data
  video.py         the video block: loads nothing from YouTube or Vimeo until the visitor asks
"""
