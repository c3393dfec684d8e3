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
    "message.delivered": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {
                "anyOf": [
                    {
                        "type": "string",
                        "enum": [
                            "message.sent",
                            "message.delivered",
                            "message.read",
                            "message.failed",
                            "message.received",
                            "message.reply",
                            "message.group",
                            "message.newsletter",
                        ],
                    },
                    {"type": "string"},
                ]
            },
            "data": {
                "type": "object",
                "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                "properties": {
                    "numberId": {"type": "string"},
                    "messageId": {"type": ["string", "null"]},
                    "id": {"type": "string"},
                    "type": {
                        "anyOf": [
                            {
                                "type": "string",
                                "enum": [
                                    "text",
                                    "image",
                                    "audio",
                                    "video",
                                    "document",
                                    "location",
                                    "contacts",
                                    "sticker",
                                    "reaction",
                                ],
                            },
                            {"type": "string"},
                        ]
                    },
                    "fromMe": {"type": "boolean"},
                    "createdAt": {"type": "string", "format": "date-time"},
                    "from": {"type": "string"},
                    "to": {"type": "string"},
                    "content": {"type": "string"},
                    "correlationId": {"type": "string"},
                    "mediaLink": {"type": "string"},
                    "mediaType": {"type": "string"},
                    "mediaCaption": {"type": "string"},
                    "mediaFilename": {"type": "string"},
                },
            },
        },
    },
    "message.failed": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"const": "message.failed"},
            "data": {
                "allOf": [
                    {
                        "type": "object",
                        "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                        "properties": {
                            "numberId": {"type": "string"},
                            "messageId": {"type": ["string", "null"]},
                            "id": {"type": "string"},
                            "type": {
                                "anyOf": [
                                    {
                                        "type": "string",
                                        "enum": [
                                            "text",
                                            "image",
                                            "audio",
                                            "video",
                                            "document",
                                            "location",
                                            "contacts",
                                            "sticker",
                                            "reaction",
                                        ],
                                    },
                                    {"type": "string"},
                                ]
                            },
                            "fromMe": {"type": "boolean"},
                            "createdAt": {"type": "string", "format": "date-time"},
                            "from": {"type": "string"},
                            "to": {"type": "string"},
                            "content": {"type": "string"},
                            "correlationId": {"type": "string"},
                            "mediaLink": {"type": "string"},
                            "mediaType": {"type": "string"},
                            "mediaCaption": {"type": "string"},
                            "mediaFilename": {"type": "string"},
                        },
                    },
                    {
                        "type": "object",
                        "required": ["error"],
                        "properties": {"error": {"type": "string"}, "errorCode": {"type": "string"}},
                    },
                ]
            },
        },
    },
    "message.group": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"const": "message.group"},
            "data": {
                "allOf": [
                    {
                        "allOf": [
                            {
                                "type": "object",
                                "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                                "properties": {
                                    "numberId": {"type": "string"},
                                    "messageId": {"type": ["string", "null"]},
                                    "id": {"type": "string"},
                                    "type": {
                                        "anyOf": [
                                            {
                                                "type": "string",
                                                "enum": [
                                                    "text",
                                                    "image",
                                                    "audio",
                                                    "video",
                                                    "document",
                                                    "location",
                                                    "contacts",
                                                    "sticker",
                                                    "reaction",
                                                ],
                                            },
                                            {"type": "string"},
                                        ]
                                    },
                                    "fromMe": {"type": "boolean"},
                                    "createdAt": {"type": "string", "format": "date-time"},
                                    "from": {"type": "string"},
                                    "to": {"type": "string"},
                                    "content": {"type": "string"},
                                    "correlationId": {"type": "string"},
                                    "mediaLink": {"type": "string"},
                                    "mediaType": {"type": "string"},
                                    "mediaCaption": {"type": "string"},
                                    "mediaFilename": {"type": "string"},
                                },
                            },
                            {
                                "type": "object",
                                "required": ["from"],
                                "properties": {
                                    "from": {"type": "string"},
                                    "participantName": {"type": ["string", "null"]},
                                },
                            },
                        ]
                    },
                    {
                        "type": "object",
                        "properties": {"groupId": {"type": "string"}, "groupName": {"type": ["string", "null"]}},
                    },
                ]
            },
        },
    },
    "message.newsletter": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"const": "message.newsletter"},
            "data": {
                "allOf": [
                    {
                        "allOf": [
                            {
                                "type": "object",
                                "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                                "properties": {
                                    "numberId": {"type": "string"},
                                    "messageId": {"type": ["string", "null"]},
                                    "id": {"type": "string"},
                                    "type": {
                                        "anyOf": [
                                            {
                                                "type": "string",
                                                "enum": [
                                                    "text",
                                                    "image",
                                                    "audio",
                                                    "video",
                                                    "document",
                                                    "location",
                                                    "contacts",
                                                    "sticker",
                                                    "reaction",
                                                ],
                                            },
                                            {"type": "string"},
                                        ]
                                    },
                                    "fromMe": {"type": "boolean"},
                                    "createdAt": {"type": "string", "format": "date-time"},
                                    "from": {"type": "string"},
                                    "to": {"type": "string"},
                                    "content": {"type": "string"},
                                    "correlationId": {"type": "string"},
                                    "mediaLink": {"type": "string"},
                                    "mediaType": {"type": "string"},
                                    "mediaCaption": {"type": "string"},
                                    "mediaFilename": {"type": "string"},
                                },
                            },
                            {
                                "type": "object",
                                "required": ["from"],
                                "properties": {
                                    "from": {"type": "string"},
                                    "participantName": {"type": ["string", "null"]},
                                },
                            },
                        ]
                    },
                    {
                        "type": "object",
                        "properties": {
                            "newsletterId": {"type": "string"},
                            "newsletterName": {"type": ["string", "null"]},
                        },
                    },
                ]
            },
        },
    },
    "message.read": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {
                "anyOf": [
                    {
                        "type": "string",
                        "enum": [
                            "message.sent",
                            "message.delivered",
                            "message.read",
                            "message.failed",
                            "message.received",
                            "message.reply",
                            "message.group",
                            "message.newsletter",
                        ],
                    },
                    {"type": "string"},
                ]
            },
            "data": {
                "type": "object",
                "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                "properties": {
                    "numberId": {"type": "string"},
                    "messageId": {"type": ["string", "null"]},
                    "id": {"type": "string"},
                    "type": {
                        "anyOf": [
                            {
                                "type": "string",
                                "enum": [
                                    "text",
                                    "image",
                                    "audio",
                                    "video",
                                    "document",
                                    "location",
                                    "contacts",
                                    "sticker",
                                    "reaction",
                                ],
                            },
                            {"type": "string"},
                        ]
                    },
                    "fromMe": {"type": "boolean"},
                    "createdAt": {"type": "string", "format": "date-time"},
                    "from": {"type": "string"},
                    "to": {"type": "string"},
                    "content": {"type": "string"},
                    "correlationId": {"type": "string"},
                    "mediaLink": {"type": "string"},
                    "mediaType": {"type": "string"},
                    "mediaCaption": {"type": "string"},
                    "mediaFilename": {"type": "string"},
                },
            },
        },
    },
    "message.received": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"const": "message.received"},
            "data": {
                "allOf": [
                    {
                        "type": "object",
                        "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                        "properties": {
                            "numberId": {"type": "string"},
                            "messageId": {"type": ["string", "null"]},
                            "id": {"type": "string"},
                            "type": {
                                "anyOf": [
                                    {
                                        "type": "string",
                                        "enum": [
                                            "text",
                                            "image",
                                            "audio",
                                            "video",
                                            "document",
                                            "location",
                                            "contacts",
                                            "sticker",
                                            "reaction",
                                        ],
                                    },
                                    {"type": "string"},
                                ]
                            },
                            "fromMe": {"type": "boolean"},
                            "createdAt": {"type": "string", "format": "date-time"},
                            "from": {"type": "string"},
                            "to": {"type": "string"},
                            "content": {"type": "string"},
                            "correlationId": {"type": "string"},
                            "mediaLink": {"type": "string"},
                            "mediaType": {"type": "string"},
                            "mediaCaption": {"type": "string"},
                            "mediaFilename": {"type": "string"},
                        },
                    },
                    {
                        "type": "object",
                        "required": ["from"],
                        "properties": {"from": {"type": "string"}, "participantName": {"type": ["string", "null"]}},
                    },
                ]
            },
        },
    },
    "message.reply": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"const": "message.reply"},
            "data": {
                "allOf": [
                    {
                        "allOf": [
                            {
                                "type": "object",
                                "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                                "properties": {
                                    "numberId": {"type": "string"},
                                    "messageId": {"type": ["string", "null"]},
                                    "id": {"type": "string"},
                                    "type": {
                                        "anyOf": [
                                            {
                                                "type": "string",
                                                "enum": [
                                                    "text",
                                                    "image",
                                                    "audio",
                                                    "video",
                                                    "document",
                                                    "location",
                                                    "contacts",
                                                    "sticker",
                                                    "reaction",
                                                ],
                                            },
                                            {"type": "string"},
                                        ]
                                    },
                                    "fromMe": {"type": "boolean"},
                                    "createdAt": {"type": "string", "format": "date-time"},
                                    "from": {"type": "string"},
                                    "to": {"type": "string"},
                                    "content": {"type": "string"},
                                    "correlationId": {"type": "string"},
                                    "mediaLink": {"type": "string"},
                                    "mediaType": {"type": "string"},
                                    "mediaCaption": {"type": "string"},
                                    "mediaFilename": {"type": "string"},
                                },
                            },
                            {
                                "type": "object",
                                "required": ["from"],
                                "properties": {
                                    "from": {"type": "string"},
                                    "participantName": {"type": ["string", "null"]},
                                },
                            },
                        ]
                    },
                    {
                        "type": "object",
                        "properties": {
                            "contentReplied": {"type": "string"},
                            "quotedMessageId": {"type": ["string", "null"]},
                        },
                    },
                ]
            },
        },
    },
    "message.sent": {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {
                "anyOf": [
                    {
                        "type": "string",
                        "enum": [
                            "message.sent",
                            "message.delivered",
                            "message.read",
                            "message.failed",
                            "message.received",
                            "message.reply",
                            "message.group",
                            "message.newsletter",
                        ],
                    },
                    {"type": "string"},
                ]
            },
            "data": {
                "type": "object",
                "required": ["numberId", "messageId", "id", "fromMe", "createdAt", "to"],
                "properties": {
                    "numberId": {"type": "string"},
                    "messageId": {"type": ["string", "null"]},
                    "id": {"type": "string"},
                    "type": {
                        "anyOf": [
                            {
                                "type": "string",
                                "enum": [
                                    "text",
                                    "image",
                                    "audio",
                                    "video",
                                    "document",
                                    "location",
                                    "contacts",
                                    "sticker",
                                    "reaction",
                                ],
                            },
                            {"type": "string"},
                        ]
                    },
                    "fromMe": {"type": "boolean"},
                    "createdAt": {"type": "string", "format": "date-time"},
                    "from": {"type": "string"},
                    "to": {"type": "string"},
                    "content": {"type": "string"},
                    "correlationId": {"type": "string"},
                    "mediaLink": {"type": "string"},
                    "mediaType": {"type": "string"},
                    "mediaCaption": {"type": "string"},
                    "mediaFilename": {"type": "string"},
                },
            },
        },
    },
}
