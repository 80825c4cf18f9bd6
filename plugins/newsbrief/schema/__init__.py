"""The schema of the content: one model per content type (models), with the value types
its fields use and the walking of models for error messages and the guide."""

from .models import *  # noqa: F403
