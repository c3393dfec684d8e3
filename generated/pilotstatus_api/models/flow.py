from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.flow_action import FlowAction, check_flow_action
from ..models.flow_mode import FlowMode, check_flow_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Flow")

_KNOWN_KEYS = frozenset(
    (
        "flowId",
        "cta",
        "action",
        "screen",
        "data",
        "mode",
    )
)
""" The JSON keys Flow declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class Flow:
    """A WhatsApp Flow chosen at send time. It needs the user's 24-hour window open: with it closed the message fails with
    FLOW_WINDOW_CLOSED (Meta would drop it silently). A template with a FLOW button ignores the window. There is no
    `flowToken` on purpose: Pilot Status mints it, and the send's answer returns it.

    """

    flow_id: str | None = None
    cta: str | None = None
    """ The text of the button that opens the Flow. """
    action: FlowAction | None = None
    screen: str | None = None
    """ The first screen, for `navigate`. """
    data: FlowData | None = None
    """ The first screen's data (an open object). """
    mode: FlowMode | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flow_id: str | Unset = UNSET if self.flow_id is None else self.flow_id

        cta: str | Unset = UNSET if self.cta is None else self.cta

        _action: FlowAction | Unset = UNSET if self.action is None else self.action
        action: str | Unset = UNSET
        if not isinstance(_action, Unset):
            action = _action

        screen: str | Unset = UNSET if self.screen is None else self.screen

        _data: FlowData | Unset = UNSET if self.data is None else self.data
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(_data, Unset):
            data = _data.to_dict()

        _mode: FlowMode | Unset = UNSET if self.mode is None else self.mode
        mode: str | Unset = UNSET
        if not isinstance(_mode, Unset):
            mode = _mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if flow_id is not UNSET:
            field_dict["flowId"] = flow_id
        if cta is not UNSET:
            field_dict["cta"] = cta
        if action is not UNSET:
            field_dict["action"] = action
        if screen is not UNSET:
            field_dict["screen"] = screen
        if data is not UNSET:
            field_dict["data"] = data
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        flow_id = get_("flowId")

        cta = get_("cta")

        action = get_("action", UNSET)
        action = None if isinstance(action, Unset) else check_flow_action(action)

        screen = get_("screen")

        data = get_("data", UNSET)
        data = None if isinstance(data, Unset) else FlowData.from_dict(data)

        mode = get_("mode", UNSET)
        mode = None if isinstance(mode, Unset) else check_flow_mode(mode)

        flow = cls(
            flow_id,
            cta,
            action,
            screen,
            data,
            mode,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            flow.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return flow

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


from ..models.flow_data import FlowData
