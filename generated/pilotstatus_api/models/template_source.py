from typing import Literal

TemplateSource = Literal["META", "PILOT_STATUS"]

TEMPLATE_SOURCE_VALUES: set[TemplateSource] = {
    "META",
    "PILOT_STATUS",
}


def check_template_source(value: str) -> TemplateSource:
    if value in TEMPLATE_SOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEMPLATE_SOURCE_VALUES!r}")
