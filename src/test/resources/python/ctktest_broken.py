"""Raises while it is imported (not an ImportError)."""
raise ValueError("broken on import")
