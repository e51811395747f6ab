from .dossier import register  # noqa: F401
