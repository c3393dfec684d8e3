from typing import Literal

SdpAnswerSdpType = Literal["answer"]

SDP_ANSWER_SDP_TYPE_VALUES: set[SdpAnswerSdpType] = {
    "answer",
}


def check_sdp_answer_sdp_type(value: str) -> SdpAnswerSdpType:
    if value in SDP_ANSWER_SDP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SDP_ANSWER_SDP_TYPE_VALUES!r}")
