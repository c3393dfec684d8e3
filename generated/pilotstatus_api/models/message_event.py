from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_event_name import MessageEventName

T = TypeVar("T", bound="MessageEvent")

_KNOWN_KEYS = frozenset(
    (
        "event",
        "data",
    )
)
""" The JSON keys MessageEvent declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MessageEvent:
    """The body of the message.sent, message.delivered and message.read webhooks (a message the number sent moved on), and
    the shape every `message.*` event has, signed with `x-pilot-status-signature`: the `{event, data}` envelope of the
    `message.*` events (documented; unlike the flat `call.*` events), `data` being `MessageEventData`. Both keys
    required. Fields the server adds later are kept, not rejected.

    """

    event: MessageEventName | str
    data: MessageEventData
    """ The `data` of every `message.*` event (schema v3: camelCase keys, phones in E.164 with `+`), as the official
    Python SDK (`pilot-status` 1.15.0) declares it; the documentation pages state the conventions (camelCase, E.164,
    `createdAt` the time of the event, dedupe by `data.id`) but not the field list. Required: `numberId`,
    `messageId` (nullable), `id`, `fromMe`, `createdAt` and `to`, as the official SDK requires them; the rest is
    optional. `from` is optional here, as on message.sent, message.delivered, message.read and message.failed (the
    number's own phone); the events of a user's message require it (`MessageReceivedEventData`). Fields the server
    adds later are kept, not rejected. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event: str
        if isinstance(self.event, str):
            event = self.event
        else:
            event = self.event

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        event = src_dict["event"]

        data = MessageEventData.from_dict(src_dict["data"])

        message_event = cls(
            event,
            data,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            message_event.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return message_event

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


from ..models.message_event_data import MessageEventData
