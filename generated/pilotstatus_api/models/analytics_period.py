from typing import Literal

AnalyticsPeriod = Literal["30d", "7d", "90d"]

ANALYTICS_PERIOD_VALUES: set[AnalyticsPeriod] = {
    "30d",
    "7d",
    "90d",
}


def check_analytics_period(value: str) -> AnalyticsPeriod:
    if value in ANALYTICS_PERIOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANALYTICS_PERIOD_VALUES!r}")
