from typing import Literal

StartCallRequestSdpType = Literal["offer"]

START_CALL_REQUEST_SDP_TYPE_VALUES: set[StartCallRequestSdpType] = {
    "offer",
}


def check_start_call_request_sdp_type(value: str) -> StartCallRequestSdpType:
    if value in START_CALL_REQUEST_SDP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {START_CALL_REQUEST_SDP_TYPE_VALUES!r}")
