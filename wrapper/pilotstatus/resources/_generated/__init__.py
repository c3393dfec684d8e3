"""Written by tools/generate.py from openapi.json; do not edit.

The resource classes, one module per resource.
"""
