"""The constraints `openapi.json` states on each request, checked before sending it.

Written by `tools/generate.py` from `openapi.json`; do not edit.
"""

from typing import Any

REQUEST_SCHEMAS: dict[str, dict[str, Any]] = {
    "delete_messages_cancel": {
        "operation_id": "delete_messages_cancel",
        "path": [],
        "query": [],
        "body": {
            "type": "object",
            "required": ["messageIds"],
            "properties": {
                "messageIds": {
                    "anyOf": [
                        {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1, "maxItems": 100},
                        {"type": "string", "minLength": 1},
                    ]
                }
            },
        },
    },
    "delete_templates_id": {
        "operation_id": "delete_templates_id",
        "path": [
            {
                "name": "id",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 512,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
                "argument": "template_id",
            }
        ],
        "query": [],
        "body": None,
    },
    "get_analytics_dashboard": {
        "operation_id": "get_analytics_dashboard",
        "path": [],
        "query": [
            {"name": "period", "required": False, "schema": {"type": "string", "enum": ["7d", "30d", "90d"]}},
            {"name": "timezone", "required": False, "schema": {"type": "string", "minLength": 1}},
            {"name": "tz", "required": False, "schema": {"type": "string", "minLength": 1}},
        ],
        "body": None,
    },
    "get_calls": {
        "operation_id": "get_calls",
        "path": [],
        "query": [
            {"name": "limit", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
            {"name": "before", "required": False, "schema": {"type": "string", "format": "date-time"}},
        ],
        "body": None,
    },
    "get_calls_call_id": {
        "operation_id": "get_calls_callId",
        "path": [
            {
                "name": "callId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [{"name": "includeSdp", "required": False, "schema": {"type": "string", "enum": ["1"]}}],
        "body": None,
    },
    "get_calls_permissions": {
        "operation_id": "get_calls_permissions",
        "path": [],
        "query": [{"name": "to", "required": True, "schema": {"type": "string", "pattern": "^\\+?[0-9]{7,15}$"}}],
        "body": None,
    },
    "get_calls_settings": {"operation_id": "get_calls_settings", "path": [], "query": [], "body": None},
    "get_conversations": {
        "operation_id": "get_conversations",
        "path": [],
        "query": [
            {"name": "startDate", "required": False, "schema": {"type": "string", "format": "date-time"}},
            {"name": "endDate", "required": False, "schema": {"type": "string", "format": "date-time"}},
            {"name": "page", "required": False, "schema": {"type": "integer", "minimum": 1}},
            {"name": "pageSize", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
        ],
        "body": None,
    },
    "get_media_media_id": {
        "operation_id": "get_media_mediaId",
        "path": [
            {
                "name": "mediaId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [{"name": "phoneNumberId", "required": True, "schema": {"type": "string", "minLength": 1}}],
        "body": None,
    },
    "get_messages_group": {
        "operation_id": "get_messages_group",
        "path": [],
        "query": [
            {"name": "startDate", "required": False, "schema": {"type": "string", "format": "date-time"}},
            {"name": "endDate", "required": False, "schema": {"type": "string", "format": "date-time"}},
            {"name": "page", "required": False, "schema": {"type": "integer", "minimum": 1}},
            {"name": "pageSize", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
        ],
        "body": None,
    },
    "get_messages_history": {
        "operation_id": "get_messages_history",
        "path": [],
        "query": [
            {"name": "startDate", "required": False, "schema": {"type": "string", "format": "date-time"}},
            {"name": "endDate", "required": False, "schema": {"type": "string", "format": "date-time"}},
            {"name": "page", "required": False, "schema": {"type": "integer", "minimum": 1}},
            {"name": "pageSize", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
        ],
        "body": None,
    },
    "get_messages_id": {
        "operation_id": "get_messages_id",
        "path": [
            {
                "name": "messageId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [],
        "body": None,
    },
    "get_messages_unread": {
        "operation_id": "get_messages_unread",
        "path": [],
        "query": [
            {"name": "page", "required": False, "schema": {"type": "integer", "minimum": 1}},
            {"name": "pageSize", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
        ],
        "body": None,
    },
    "get_templates": {"operation_id": "get_templates", "path": [], "query": [], "body": None},
    "get_templates_id": {
        "operation_id": "get_templates_id",
        "path": [
            {
                "name": "id",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 512,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
                "argument": "template_id",
            }
        ],
        "query": [],
        "body": None,
    },
    "post_calls": {
        "operation_id": "post_calls",
        "path": [],
        "query": [],
        "body": {
            "type": "object",
            "required": ["to"],
            "properties": {
                "to": {"type": "string", "pattern": "^\\+?[0-9]{7,15}$"},
                "sdp": {"type": "string", "minLength": 1},
                "sdpType": {"type": "string", "enum": ["offer"]},
                "bizOpaqueCallbackData": {"type": "string", "maxLength": 512},
            },
        },
    },
    "post_calls_call_id_accept": {
        "operation_id": "post_calls_callId_accept",
        "path": [
            {
                "name": "callId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [],
        "body": {
            "type": "object",
            "properties": {
                "sdp": {"type": "string", "minLength": 1},
                "sdpType": {"type": "string", "enum": ["answer"]},
            },
        },
    },
    "post_calls_call_id_play": {
        "operation_id": "post_calls_callId_play",
        "path": [
            {
                "name": "callId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [],
        "body": {
            "type": "object",
            "required": ["mediaUrl"],
            "properties": {
                "mediaUrl": {"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+\\S*$"}
            },
        },
    },
    "post_calls_call_id_pre_accept": {
        "operation_id": "post_calls_callId_pre-accept",
        "path": [
            {
                "name": "callId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [],
        "body": {
            "type": "object",
            "required": ["sdp"],
            "properties": {
                "sdp": {"type": "string", "minLength": 1},
                "sdpType": {"type": "string", "enum": ["answer"]},
            },
        },
    },
    "post_calls_call_id_realtime_session": {
        "operation_id": "post_calls_callId_realtime-session",
        "path": [
            {
                "name": "callId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [],
        "body": {
            "type": "object",
            "required": ["mode"],
            "properties": {"mode": {"type": "string", "enum": ["talk", "listen"]}},
        },
    },
    "post_calls_call_id_reject": {
        "operation_id": "post_calls_callId_reject",
        "path": [
            {
                "name": "callId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [],
        "body": None,
    },
    "post_calls_call_id_terminate": {
        "operation_id": "post_calls_callId_terminate",
        "path": [
            {
                "name": "callId",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 256,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
            }
        ],
        "query": [],
        "body": None,
    },
    "post_calls_permissions_request": {
        "operation_id": "post_calls_permissions_request",
        "path": [],
        "query": [],
        "body": {
            "type": "object",
            "required": ["to"],
            "properties": {"to": {"type": "string", "pattern": "^\\+?[0-9]{7,15}$"}, "text": {"type": "string"}},
        },
    },
    "post_messages_send": {
        "operation_id": "post_messages_send",
        "path": [],
        "query": [],
        "body": {
            "type": "object",
            "properties": {
                "destinationNumber": {"type": "string", "minLength": 1},
                "groupId": {"type": "string", "minLength": 1},
                "newsletterId": {"type": "string", "minLength": 1},
                "text": {"type": "string"},
                "templateId": {"type": "string", "minLength": 1},
                "variables": {"type": "object"},
                "media": {"type": "string", "minLength": 1},
                "mediaType": {"type": "string", "enum": ["image", "video", "document", "audio", "voice", "sticker"]},
                "list": {
                    "type": "object",
                    "properties": {
                        "buttonText": {"type": "string"},
                        "sections": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "title": {"type": "string"},
                                    "rows": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "title": {"type": "string"},
                                                "description": {"type": "string"},
                                                "rowId": {"type": "string"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
                "carousel": {
                    "type": "object",
                    "properties": {
                        "cardTemplate": {"type": "object"},
                        "cards": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "media": {"type": "object"},
                                    "body": {"type": "string"},
                                    "buttons": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string", "enum": ["QUICK_REPLY", "URL"]},
                                                "text": {"type": "string"},
                                                "url": {"type": "string"},
                                                "payload": {"type": "string"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
                "flow": {
                    "type": "object",
                    "properties": {
                        "flowId": {"type": "string"},
                        "cta": {"type": "string"},
                        "action": {"type": "string", "enum": ["navigate", "data_exchange"]},
                        "screen": {"type": "string"},
                        "data": {"type": "object"},
                        "mode": {"type": "string", "enum": ["published", "draft"]},
                    },
                },
                "buttons": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["type", "label"],
                        "properties": {
                            "type": {"type": "string", "enum": ["reply", "url", "call", "copy"]},
                            "label": {"type": "string"},
                            "url": {"type": "string"},
                            "phoneNumber": {"type": "string"},
                            "copyCode": {"type": "string"},
                        },
                    },
                    "maxItems": 3,
                },
                "header": {
                    "type": "object",
                    "required": ["type", "content"],
                    "properties": {
                        "type": {"type": "string", "enum": ["text", "image", "video", "document"]},
                        "content": {"type": "string"},
                    },
                },
                "footer": {"type": "string"},
                "labels": {"type": "array", "items": {"type": "string"}},
                "deliverAt": {"type": "string", "format": "date-time"},
                "deliverUntil": {"type": "string", "format": "date-time"},
                "marketingOptions": {"type": "object", "properties": {"aiRewriteEnabled": {"type": "boolean"}}},
                "markRead": {"type": "boolean"},
            },
        },
    },
    "post_templates": {
        "operation_id": "post_templates",
        "path": [],
        "query": [],
        "body": {
            "type": "object",
            "required": ["name", "body"],
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "category": {"type": "string", "enum": ["MARKETING", "UTILITY", "OTP"]},
                "language": {"type": "string", "minLength": 1},
                "body": {
                    "anyOf": [
                        {
                            "type": "object",
                            "required": ["body"],
                            "properties": {
                                "header": {
                                    "type": "object",
                                    "required": ["type"],
                                    "properties": {
                                        "type": {
                                            "type": "string",
                                            "enum": ["NONE", "TEXT", "IMAGE", "VIDEO", "DOCUMENT"],
                                        },
                                        "text": {"type": "string", "maxLength": 60},
                                        "url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"},
                                        "base64": {"type": "string", "pattern": "^data:[^,;]+;base64,"},
                                    },
                                },
                                "body": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 1024}},
                                },
                                "footer": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {"text": {"type": "string", "maxLength": 60}},
                                },
                                "buttons": {
                                    "type": "array",
                                    "maxItems": 10,
                                    "items": {
                                        "type": "object",
                                        "required": ["type"],
                                        "properties": {
                                            "type": {
                                                "type": "string",
                                                "enum": ["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE"],
                                            },
                                            "text": {"type": "string"},
                                            "url": {"type": "string"},
                                            "phone_number": {"type": "string"},
                                            "example": {
                                                "anyOf": [
                                                    {"type": "array", "items": {"type": "string"}},
                                                    {"type": "string"},
                                                ]
                                            },
                                        },
                                    },
                                },
                            },
                        },
                        {"type": "string", "minLength": 1},
                    ]
                },
                "examples": {"type": "object"},
            },
        },
    },
    "put_calls_settings": {
        "operation_id": "put_calls_settings",
        "path": [],
        "query": [],
        "body": {
            "type": "object",
            "properties": {
                "status": {"type": "string", "enum": ["ENABLED", "DISABLED"]},
                "call_icon_visibility": {"type": "string", "enum": ["DEFAULT", "DISABLE_ALL"]},
                "callback_permission_status": {"type": "string", "enum": ["ENABLED", "DISABLED"]},
                "call_hours": {
                    "type": "object",
                    "required": ["status"],
                    "properties": {
                        "status": {"type": "string", "enum": ["ENABLED", "DISABLED"]},
                        "timezone_id": {"type": "string"},
                        "weekly_operating_hours": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["day_of_week", "open_time", "close_time"],
                                "properties": {
                                    "day_of_week": {
                                        "type": "string",
                                        "enum": [
                                            "MONDAY",
                                            "TUESDAY",
                                            "WEDNESDAY",
                                            "THURSDAY",
                                            "FRIDAY",
                                            "SATURDAY",
                                            "SUNDAY",
                                        ],
                                    },
                                    "open_time": {"type": "string", "pattern": "^([01][0-9]|2[0-3])[0-5][0-9]$"},
                                    "close_time": {"type": "string", "pattern": "^([01][0-9]|2[0-3])[0-5][0-9]$"},
                                },
                            },
                        },
                        "holiday_schedule": {
                            "type": "array",
                            "maxItems": 20,
                            "items": {
                                "type": "object",
                                "required": ["date", "start_time", "end_time"],
                                "properties": {
                                    "date": {"type": "string", "format": "date"},
                                    "start_time": {"type": "string", "pattern": "^([01][0-9]|2[0-3])[0-5][0-9]$"},
                                    "end_time": {"type": "string", "pattern": "^([01][0-9]|2[0-3])[0-5][0-9]$"},
                                },
                            },
                        },
                    },
                },
                "voicemail": {"type": "object"},
            },
        },
    },
    "put_templates_id": {
        "operation_id": "put_templates_id",
        "path": [
            {
                "name": "id",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 512,
                    "pattern": "[^\\t\\n\\v\\f\\r "
                    "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]",
                    "not": {"enum": [".", ".."]},
                },
                "argument": "template_id",
            }
        ],
        "query": [],
        "body": {
            "type": "object",
            "required": ["body"],
            "properties": {
                "category": {"type": "string", "enum": ["MARKETING", "UTILITY", "OTP"]},
                "language": {"type": "string", "minLength": 1},
                "body": {
                    "anyOf": [
                        {
                            "type": "object",
                            "required": ["body"],
                            "properties": {
                                "header": {
                                    "type": "object",
                                    "required": ["type"],
                                    "properties": {
                                        "type": {
                                            "type": "string",
                                            "enum": ["NONE", "TEXT", "IMAGE", "VIDEO", "DOCUMENT"],
                                        },
                                        "text": {"type": "string", "maxLength": 60},
                                        "url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"},
                                        "base64": {"type": "string", "pattern": "^data:[^,;]+;base64,"},
                                    },
                                },
                                "body": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 1024}},
                                },
                                "footer": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {"text": {"type": "string", "maxLength": 60}},
                                },
                                "buttons": {
                                    "type": "array",
                                    "maxItems": 10,
                                    "items": {
                                        "type": "object",
                                        "required": ["type"],
                                        "properties": {
                                            "type": {
                                                "type": "string",
                                                "enum": ["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE"],
                                            },
                                            "text": {"type": "string"},
                                            "url": {"type": "string"},
                                            "phone_number": {"type": "string"},
                                            "example": {
                                                "anyOf": [
                                                    {"type": "array", "items": {"type": "string"}},
                                                    {"type": "string"},
                                                ]
                                            },
                                        },
                                    },
                                },
                            },
                        },
                        {"type": "string", "minLength": 1},
                    ]
                },
                "examples": {"type": "object"},
            },
        },
    },
}
