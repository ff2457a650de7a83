"""Build logic of the Cultuurregio Twente site: data loading, validation and macros."""
