"""Publishing: the all-or-nothing build and the profile PDF (with Chromium and a local server)."""
