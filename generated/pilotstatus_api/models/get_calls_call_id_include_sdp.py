from typing import Literal

GetCallsCallIdIncludeSdp = Literal["1"]

GET_CALLS_CALL_ID_INCLUDE_SDP_VALUES: set[GetCallsCallIdIncludeSdp] = {
    "1",
}


def check_get_calls_call_id_include_sdp(value: str) -> GetCallsCallIdIncludeSdp:
    if value in GET_CALLS_CALL_ID_INCLUDE_SDP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_CALLS_CALL_ID_INCLUDE_SDP_VALUES!r}")
