from typing import Literal

DayOfWeek = Literal["FRIDAY", "MONDAY", "SATURDAY", "SUNDAY", "THURSDAY", "TUESDAY", "WEDNESDAY"]

DAY_OF_WEEK_VALUES: set[DayOfWeek] = {
    "FRIDAY",
    "MONDAY",
    "SATURDAY",
    "SUNDAY",
    "THURSDAY",
    "TUESDAY",
    "WEDNESDAY",
}


def check_day_of_week(value: str) -> DayOfWeek:
    if value in DAY_OF_WEEK_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DAY_OF_WEEK_VALUES!r}")
