from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_status import MessageStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendMessageAccepted")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "correlationId",
        "status",
        "createdAt",
        "origin",
        "sourceNumber",
        "flowToken",
    )
)
""" The JSON keys SendMessageAccepted declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class SendMessageAccepted:
    """What Send message answers (202): the message is queued. Follow it with Get message (`id`) or by its `message.*`
    webhooks (`correlationId`).

    """

    id: str
    """ Pilot Status message id: the `{messageId}` of Get message, and what Cancel takes. """
    correlation_id: str
    """ Carried by the message's webhook events, and accepted by Get message. """
    status: MessageStatus | str
    created_at: datetime.datetime
    """ When the message was accepted. """
    origin: str
    """ The documentation's examples show the sending number's name here ("Suporte"), not one of the origins (`API`,
    ...) the other operations report. """
    source_number: None | str
    """ The number the message is sent from, when known. """
    flow_token: str | None = None
    """ Only when the message carries a Flow (a `flow`, or a template with a FLOW button): the token that the Flow's
    answers carry back. Absent, never null, otherwise. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        correlation_id = self.correlation_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        created_at = self.created_at.isoformat()

        origin = self.origin

        source_number: None | str
        source_number = self.source_number

        flow_token: str | Unset = UNSET if self.flow_token is None else self.flow_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "correlationId": correlation_id,
                "status": status,
                "createdAt": created_at,
                "origin": origin,
                "sourceNumber": source_number,
            }
        )
        if flow_token is not UNSET:
            field_dict["flowToken"] = flow_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        id = src_dict["id"]

        correlation_id = src_dict["correlationId"]

        status = src_dict["status"]

        created_at = datetime.datetime.fromisoformat(src_dict["createdAt"])

        origin = src_dict["origin"]

        source_number = src_dict["sourceNumber"]

        flow_token = get_("flowToken")

        send_message_accepted = cls(
            id,
            correlation_id,
            status,
            created_at,
            origin,
            source_number,
            flow_token,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            send_message_accepted.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return send_message_accepted

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
