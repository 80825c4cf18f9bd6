"""The schema of the content, declared once: the value types of fields (values), one model
per content type (models), walking a model (walk), the guide's field tables (guide) and the
text of a new file (scaffold)."""

from .guide import FieldTables
from .models import CONTENT_TYPES, ContentType
from .values import slugify

__all__ = ["CONTENT_TYPES", "ContentType", "FieldTables", "slugify"]
