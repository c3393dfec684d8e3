from typing import Literal

TemplateMetaStatus = Literal["APPROVED", "DISABLED", "PENDING", "REJECTED"]

TEMPLATE_META_STATUS_VALUES: set[TemplateMetaStatus] = {
    "APPROVED",
    "DISABLED",
    "PENDING",
    "REJECTED",
}


def check_template_meta_status(value: str) -> TemplateMetaStatus:
    if value in TEMPLATE_META_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEMPLATE_META_STATUS_VALUES!r}")
