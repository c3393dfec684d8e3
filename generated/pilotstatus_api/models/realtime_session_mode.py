from typing import Literal

RealtimeSessionMode = Literal["listen", "talk"]

REALTIME_SESSION_MODE_VALUES: set[RealtimeSessionMode] = {
    "listen",
    "talk",
}


def check_realtime_session_mode(value: str) -> RealtimeSessionMode:
    if value in REALTIME_SESSION_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REALTIME_SESSION_MODE_VALUES!r}")
