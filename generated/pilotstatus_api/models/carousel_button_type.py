from typing import Literal

CarouselButtonType = Literal["QUICK_REPLY", "URL"]

CAROUSEL_BUTTON_TYPE_VALUES: set[CarouselButtonType] = {
    "QUICK_REPLY",
    "URL",
}


def check_carousel_button_type(value: str) -> CarouselButtonType:
    if value in CAROUSEL_BUTTON_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CAROUSEL_BUTTON_TYPE_VALUES!r}")
