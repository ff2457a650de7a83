"""Measuring, not testing: `make bench` and `make lighthouse` print figures."""
