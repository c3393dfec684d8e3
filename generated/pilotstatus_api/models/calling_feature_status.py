from typing import Literal

CallingFeatureStatus = Literal["DISABLED", "ENABLED"]

CALLING_FEATURE_STATUS_VALUES: set[CallingFeatureStatus] = {
    "DISABLED",
    "ENABLED",
}


def check_calling_feature_status(value: str) -> CallingFeatureStatus:
    if value in CALLING_FEATURE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALLING_FEATURE_STATUS_VALUES!r}")
