from typing import Literal

TemplateHeaderType = Literal["DOCUMENT", "IMAGE", "NONE", "TEXT", "VIDEO"]

TEMPLATE_HEADER_TYPE_VALUES: set[TemplateHeaderType] = {
    "DOCUMENT",
    "IMAGE",
    "NONE",
    "TEXT",
    "VIDEO",
}


def check_template_header_type(value: str) -> TemplateHeaderType:
    if value in TEMPLATE_HEADER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEMPLATE_HEADER_TYPE_VALUES!r}")
