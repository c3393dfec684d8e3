from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_status import MessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageDetails")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "externalMessageId",
        "status",
        "correlationId",
        "destinationNumber",
        "createdAt",
        "sentAt",
        "deliveredAt",
        "readAt",
        "errorCode",
        "errorMessage",
        "origin",
        "metaPricing",
        "template",
    )
)
""" The JSON keys MessageDetails declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MessageDetails:
    """A message sent by the key's number, as Get message returns it: its status and the instants of its life. Every field
    but `template` is always present (the official Python SDK's type); fields the server adds later are kept.

    """

    id: str
    """ Pilot Status message id. """
    external_message_id: None | str
    """ The provider's message id (Meta `wamid...`), null until the provider has accepted the message. """
    status: MessageStatus | str
    correlation_id: str
    destination_number: str
    """ Where the message was sent. """
    created_at: datetime.datetime
    """ When the message was accepted. """
    sent_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    read_at: datetime.datetime | None
    error_code: None | str
    """ Why a FAILED message failed: one of the documentation's Log Error Codes (DELIVERED_NOT_CONFIRMED,
    TEMPLATE_VERSION_NOT_FOUND, INVALID_DESTINATION, PILOT_SELF_NUMBER, NEVER_ATTEMPTED_MAX_AGE_EXCEEDED,
    EXPIRED_AFTER_ATTEMPTS, MESSAGE_EXPIRED, DELIVERY_TIMEOUT, NUMBER_NOT_FOUND_REMOVED,
    LINKED_WHATSAPP_INSTANCE_NOT_FOUND, WHATSAPP_NOT_EXIST, META_TEMPLATE_NOT_APPROVED, META_OUTSIDE_24H_WINDOW,
    META_NO_CONVERSATION, ...) or FLOW_WINDOW_CLOSED. Null when the message has none (always on DELIVERED, READ and
    CANCELED). The set grows: branch on it, and read a code you do not know as "needs review". """
    error_message: None | str
    """ Why it failed, in words. """
    origin: None | str
    """ The rail the send left by: API (Send message), MCP, CHATWOOT, CHAT (the dashboard's chat), DASHBOARD (a
    template preview), SYSTEM; null for no send request recognised. An open set. """
    meta_pricing: MessageMetaPricing | None
    """ Null until Meta reports the message's pricing, and always on other numbers. """
    template: str | None = None
    """ The template sent; absent when the message was not a template send. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        external_message_id: None | str
        external_message_id = self.external_message_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        correlation_id = self.correlation_id

        destination_number = self.destination_number

        created_at = self.created_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        error_code: None | str
        error_code = self.error_code

        error_message: None | str
        error_message = self.error_message

        origin: None | str
        origin = self.origin

        meta_pricing: dict[str, Any] | None
        if isinstance(self.meta_pricing, MessageMetaPricing):
            meta_pricing = self.meta_pricing.to_dict()
        else:
            meta_pricing = self.meta_pricing

        template: str | Unset = UNSET if self.template is None else self.template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "externalMessageId": external_message_id,
                "status": status,
                "correlationId": correlation_id,
                "destinationNumber": destination_number,
                "createdAt": created_at,
                "sentAt": sent_at,
                "deliveredAt": delivered_at,
                "readAt": read_at,
                "errorCode": error_code,
                "errorMessage": error_message,
                "origin": origin,
                "metaPricing": meta_pricing,
            }
        )
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        last_text_: object = None  # the date-time text parsed last, and its value (see templates/from_dict.jinja)
        last_instant_: Any = None
        id = src_dict["id"]

        external_message_id = src_dict["externalMessageId"]

        status = src_dict["status"]

        correlation_id = src_dict["correlationId"]

        destination_number = src_dict["destinationNumber"]

        created_at: Any = src_dict["createdAt"]
        last_text_ = created_at
        created_at = last_instant_ = datetime.datetime.fromisoformat(created_at)

        sent_at: Any = src_dict["sentAt"]
        if isinstance(sent_at, str):
            if sent_at == last_text_:
                sent_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(sent_at)
                    last_text_, sent_at = sent_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        delivered_at: Any = src_dict["deliveredAt"]
        if isinstance(delivered_at, str):
            if delivered_at == last_text_:
                delivered_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(delivered_at)
                    last_text_, delivered_at = delivered_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        read_at: Any = src_dict["readAt"]
        if isinstance(read_at, str):
            if read_at == last_text_:
                read_at = last_instant_
            else:
                try:
                    last_instant_ = datetime.datetime.fromisoformat(read_at)
                    last_text_, read_at = read_at, last_instant_
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass  # kept as it came, as the union's other types take it

        error_code = src_dict["errorCode"]

        error_message = src_dict["errorMessage"]

        origin = src_dict["origin"]

        meta_pricing: Any = src_dict["metaPricing"]
        if isinstance(meta_pricing, dict):
            try:
                meta_pricing = MessageMetaPricing.from_dict(meta_pricing)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # kept as it came, as the union's other types take it

        template = get_("template")

        message_details = cls(
            id,
            external_message_id,
            status,
            correlation_id,
            destination_number,
            created_at,
            sent_at,
            delivered_at,
            read_at,
            error_code,
            error_message,
            origin,
            meta_pricing,
            template,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            message_details.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return message_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.message_meta_pricing import MessageMetaPricing
