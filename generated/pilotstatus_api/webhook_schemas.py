"""The schema `openapi.json` gives the body of each webhook, checked as a delivery is read.

Written by `tools/generate.py` from `openapi.json`; do not edit.
"""

from typing import Any

WEBHOOK_SCHEMAS: dict[str, dict[str, Any]] = {
    "call.connected": {
        "type": "object",
        "required": ["event", "callId", "direction", "status", "from", "to", "timestamp"],
        "properties": {
            "event": {
                "anyOf": [
                    {"type": "string", "enum": ["call.ringing", "call.connected", "call.ended", "call.missed"]},
                    {"type": "string"},
                ]
            },
            "callId": {"type": ["string", "null"]},
            "externalCallId": {"type": ["string", "null"]},
            "direction": {
                "anyOf": [{"type": "string", "enum": ["INBOUND", "OUTBOUND"]}, {"type": "string"}, {"type": "null"}]
            },
            "status": {
                "anyOf": [
                    {
                        "type": "string",
                        "enum": ["INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED", "MISSED"],
                    },
                    {"type": "string"},
                ]
            },
            "from": {"type": ["string", "null"]},
            "to": {"type": ["string", "null"]},
            "timestamp": {"type": "string", "format": "date-time"},
            "duration": {"type": "integer", "minimum": 0},
            "bizOpaqueCallbackData": {"type": ["string", "null"]},
        },
    },
    "call.ended": {
        "type": "object",
        "required": ["event", "callId", "direction", "status", "from", "to", "timestamp"],
        "properties": {
            "event": {
                "anyOf": [
                    {"type": "string", "enum": ["call.ringing", "call.connected", "call.ended", "call.missed"]},
                    {"type": "string"},
                ]
            },
            "callId": {"type": ["string", "null"]},
            "externalCallId": {"type": ["string", "null"]},
            "direction": {
                "anyOf": [{"type": "string", "enum": ["INBOUND", "OUTBOUND"]}, {"type": "string"}, {"type": "null"}]
            },
            "status": {
                "anyOf": [
                    {
                        "type": "string",
                        "enum": ["INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED", "MISSED"],
                    },
                    {"type": "string"},
                ]
            },
            "from": {"type": ["string", "null"]},
            "to": {"type": ["string", "null"]},
            "timestamp": {"type": "string", "format": "date-time"},
            "duration": {"type": "integer", "minimum": 0},
            "bizOpaqueCallbackData": {"type": ["string", "null"]},
        },
    },
    "call.missed": {
        "type": "object",
        "required": ["event", "callId", "direction", "status", "from", "to", "timestamp"],
        "properties": {
            "event": {
                "anyOf": [
                    {"type": "string", "enum": ["call.ringing", "call.connected", "call.ended", "call.missed"]},
                    {"type": "string"},
                ]
            },
            "callId": {"type": ["string", "null"]},
            "externalCallId": {"type": ["string", "null"]},
            "direction": {
                "anyOf": [{"type": "string", "enum": ["INBOUND", "OUTBOUND"]}, {"type": "string"}, {"type": "null"}]
            },
            "status": {
                "anyOf": [
                    {
                        "type": "string",
                        "enum": ["INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED", "MISSED"],
                    },
                    {"type": "string"},
                ]
            },
            "from": {"type": ["string", "null"]},
            "to": {"type": ["string", "null"]},
            "timestamp": {"type": "string", "format": "date-time"},
            "duration": {"type": "integer", "minimum": 0},
            "bizOpaqueCallbackData": {"type": ["string", "null"]},
        },
    },
    "call.permission_updated": {
        "type": "object",
        "required": ["event", "callId", "direction", "status", "from", "to", "timestamp"],
        "properties": {
            "event": {"const": "call.permission_updated"},
            "callId": {"type": ["string", "null"]},
            "externalCallId": {"type": ["string", "null"]},
            "direction": {"type": ["string", "null"]},
            "status": {
                "anyOf": [{"type": "string", "enum": ["NO_PERMISSION", "TEMPORARY", "PERMANENT"]}, {"type": "string"}]
            },
            "from": {"type": ["string", "null"]},
            "to": {"type": ["string", "null"]},
            "timestamp": {"type": "string", "format": "date-time"},
        },
    },
    "call.ringing": {
        "type": "object",
        "required": ["event", "callId", "direction", "status", "from", "to", "timestamp"],
        "properties": {
            "event": {
                "anyOf": [
                    {"type": "string", "enum": ["call.ringing", "call.connected", "call.ended", "call.missed"]},
                    {"type": "string"},
                ]
            },
            "callId": {"type": ["string", "null"]},
            "externalCallId": {"type": ["string", "null"]},
            "direction": {
                "anyOf": [{"type": "string", "enum": ["INBOUND", "OUTBOUND"]}, {"type": "string"}, {"type": "null"}]
            },
            "status": {
                "anyOf": [
                    {
                        "type": "string",
                        "enum": ["INITIATED", "RINGING", "ACCEPTED", "REJECTED", "COMPLETED", "FAILED", "MISSED"],
                    },
                    {"type": "string"},
                ]
            },
            "from": {"type": ["string", "null"]},
            "to": {"type": ["string", "null"]},
            "timestamp": {"type": "string", "format": "date-time"},
            "duration": {"type": "integer", "minimum": 0},
            "bizOpaqueCallbackData": {"type": ["string", "null"]},
        },
    },
}
