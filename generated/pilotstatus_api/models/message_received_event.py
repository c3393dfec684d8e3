from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MessageReceivedEvent")

_KNOWN_KEYS = frozenset(
    (
        "event",
        "data",
    )
)
""" The JSON keys MessageReceivedEvent declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class MessageReceivedEvent:
    """The body of the message.received webhook, signed with `x-pilot-status-signature`: the `{event, data}` envelope of
    the `message.*` events (documented; unlike the flat `call.*` events), `data` being `MessageReceivedEventData`. Both
    keys required. Fields the server adds later are kept, not rejected.

    """

    event: Literal["message.received"]
    data: MessageReceivedEventData
    """ The `data` of message.received, and the base of message.reply, message.group and message.newsletter (a
    message a user wrote): `MessageEventData` with `from` required and `participantName`, as the official Python SDK
    (`pilot-status` 1.15.0) declares them. Fields the server adds later are kept, not rejected. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        event = cast(Literal["message.received"], src_dict["event"])
        if event != "message.received":
            raise ValueError(f"event must match const 'message.received', got '{event}'")

        data = MessageReceivedEventData.from_dict(src_dict["data"])

        message_received_event = cls(
            event,
            data,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            message_received_event.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return message_received_event

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


from ..models.message_received_event_data import MessageReceivedEventData
