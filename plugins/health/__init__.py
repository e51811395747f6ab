from .health import register  # noqa: F401
