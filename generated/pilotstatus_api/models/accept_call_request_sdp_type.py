from typing import Literal

AcceptCallRequestSdpType = Literal["answer"]

ACCEPT_CALL_REQUEST_SDP_TYPE_VALUES: set[AcceptCallRequestSdpType] = {
    "answer",
}


def check_accept_call_request_sdp_type(value: str) -> AcceptCallRequestSdpType:
    if value in ACCEPT_CALL_REQUEST_SDP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACCEPT_CALL_REQUEST_SDP_TYPE_VALUES!r}")
