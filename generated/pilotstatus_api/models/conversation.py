from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_type import ConversationType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Conversation")

_KNOWN_KEYS = frozenset(
    (
        "id",
        "lastMessageAt",
        "type",
        "from",
        "userId",
        "username",
        "unreadCount",
    )
)
""" The JSON keys Conversation declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class Conversation:
    """A conversation of the number. Inferred: the documentation names `from`, `userId`, `username`, the order by
    `lastMessageAt` and the types, not the whole item; `id` and `lastMessageAt` are required, fields the server adds
    later are kept.

    """

    id: str
    last_message_at: datetime.datetime
    """ The last activity: the list's order, and what its startDate/endDate filter. """
    type_: ConversationType | str | None = None
    from_: str | None = None
    """ The contact's E.164 phone (with `+`) when known; null for a contact known by a WhatsApp username only. """
    user_id: str | None = None
    """ The contact's durable BSUID (stable id). """
    username: str | None = None
    """ The contact's public handle, when visible. """
    unread_count: int | None = None
    """ Its unread inbound messages. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _explicit_nulls: frozenset[str] = _attrs_field(init=False, factory=frozenset, repr=False, eq=False)
    """ The keys of the optional nullable fields that from_dict() read as null, so that to_dict() writes them back as
    null. Any other optional field that is None is left out of to_dict(). """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        last_message_at = self.last_message_at.isoformat()

        _type_: ConversationType | str | Unset = UNSET if self.type_ is None else self.type_
        type_: str | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        elif isinstance(_type_, str):
            type_ = _type_
        else:
            type_ = _type_

        _from_: None | str | Unset = UNSET if self.from_ is None and "from" not in self._explicit_nulls else self.from_
        from_: None | str | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = _from_

        _user_id: None | str | Unset = (
            UNSET if self.user_id is None and "userId" not in self._explicit_nulls else self.user_id
        )
        user_id: None | str | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = _user_id

        _username: None | str | Unset = (
            UNSET if self.username is None and "username" not in self._explicit_nulls else self.username
        )
        username: None | str | Unset
        if isinstance(_username, Unset):
            username = UNSET
        else:
            username = _username

        unread_count: int | Unset = UNSET if self.unread_count is None else self.unread_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "lastMessageAt": last_message_at,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if from_ is not UNSET:
            field_dict["from"] = from_
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if username is not UNSET:
            field_dict["username"] = username
        if unread_count is not UNSET:
            field_dict["unreadCount"] = unread_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        id = src_dict["id"]

        last_message_at = datetime.datetime.fromisoformat(src_dict["lastMessageAt"])

        type_ = get_("type")

        from_ = get_("from")

        user_id = get_("userId")

        username = get_("username")

        unread_count = get_("unreadCount")

        conversation = cls(
            id,
            last_message_at,
            type_,
            from_,
            user_id,
            username,
            unread_count,
        )
        explicit_nulls: list[str] = []
        if from_ is None and "from" in src_dict:
            explicit_nulls.append("from")
        if user_id is None and "userId" in src_dict:
            explicit_nulls.append("userId")
        if username is None and "username" in src_dict:
            explicit_nulls.append("username")
        if explicit_nulls:
            conversation._explicit_nulls = frozenset(explicit_nulls)

        if not _KNOWN_KEYS.issuperset(src_dict):
            conversation.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return conversation

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
