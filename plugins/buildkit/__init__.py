"""Helpers shared by the plugins (not a plugin): output files and worker processes."""
