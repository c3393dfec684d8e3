from typing import Literal

TemplateButtonType = Literal["COPY_CODE", "PHONE_NUMBER", "QUICK_REPLY", "URL"]

TEMPLATE_BUTTON_TYPE_VALUES: set[TemplateButtonType] = {
    "COPY_CODE",
    "PHONE_NUMBER",
    "QUICK_REPLY",
    "URL",
}


def check_template_button_type(value: str) -> TemplateButtonType:
    if value in TEMPLATE_BUTTON_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEMPLATE_BUTTON_TYPE_VALUES!r}")
