"""Each model's attributes not named as their JSON keys, with the key: {class: {attribute: key}}.

Written by `tools/generate.py` from `openapi.json`; do not edit.
"""

JSON_KEYS: dict[str, dict[str, str]] = {
    "AcceptCallRequest": {"sdp_type": "sdpType"},
    "Call": {
        "external_call_id": "externalCallId",
        "created_at": "createdAt",
        "peer_number": "peerNumber",
        "from_number": "fromNumber",
        "conversation_id": "conversationId",
        "biz_opaque_callback_data": "bizOpaqueCallbackData",
        "error_code": "errorCode",
        "error_message": "errorMessage",
        "duration_seconds": "durationSeconds",
        "started_at": "startedAt",
        "connected_at": "connectedAt",
        "ended_at": "endedAt",
        "updated_at": "updatedAt",
    },
    "CallDetail": {
        "external_call_id": "externalCallId",
        "created_at": "createdAt",
        "peer_number": "peerNumber",
        "from_number": "fromNumber",
        "conversation_id": "conversationId",
        "biz_opaque_callback_data": "bizOpaqueCallbackData",
        "error_code": "errorCode",
        "error_message": "errorMessage",
        "duration_seconds": "durationSeconds",
        "started_at": "startedAt",
        "connected_at": "connectedAt",
        "ended_at": "endedAt",
        "updated_at": "updatedAt",
        "sdp_offer": "sdpOffer",
        "sdp_answer": "sdpAnswer",
    },
    "CallEvent": {
        "call_id": "callId",
        "from_": "from",
        "external_call_id": "externalCallId",
        "biz_opaque_callback_data": "bizOpaqueCallbackData",
    },
    "CallPermissionRequestSent": {"message_id": "messageId"},
    "CallPermissionUpdatedEvent": {"call_id": "callId", "from_": "from", "external_call_id": "externalCallId"},
    "CallStarted": {"external_call_id": "externalCallId"},
    "Error": {"retry_after_seconds": "retryAfterSeconds"},
    "PlayAudioRequest": {"media_url": "mediaUrl"},
    "RealtimeSession": {"ws_url": "wsUrl", "expires_in_seconds": "expiresInSeconds"},
    "SdpAnswer": {"sdp_type": "sdpType"},
    "StartCallRequest": {"sdp_type": "sdpType", "biz_opaque_callback_data": "bizOpaqueCallbackData"},
}
