from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_media_type import MessageMediaType, check_message_media_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendMessageRequest")

_KNOWN_KEYS = frozenset(
    (
        "destinationNumber",
        "groupId",
        "newsletterId",
        "text",
        "templateId",
        "variables",
        "media",
        "mediaType",
        "list",
        "carousel",
        "flow",
        "buttons",
        "header",
        "footer",
        "labels",
        "deliverAt",
        "deliverUntil",
        "marketingOptions",
        "markRead",
    )
)
""" The JSON keys SendMessageRequest declares: from_dict() keeps any other key in additional_properties. """


@_attrs_define
class SendMessageRequest:
    """The body of Send message. Exactly one destination: `destinationNumber`, `groupId` or `newsletterId` (a group or a
    newsletter is refused to a Meta number, 400 NOT_SUPPORTED_FOR_META). What is sent: a template (`templateId`, its
    `variables`), free-form `text`, direct `media` (with `mediaType`), or one interactive message, `list`, `carousel` or
    `flow`, which exclude each other and `templateId`, `buttons`, `header` and direct `media` (the official Python SDK).
    Sending media needs a paid subscription (402 SUBSCRIPTION_REQUIRED_FOR_MEDIA). These rules are the server's: none is
    written as a schema constraint here.

    """

    destination_number: str | None = None
    """ The user's phone number, E.164 (the playground also takes a user's BSUID). """
    group_id: str | None = None
    """ A group (`…@g.us`). Not on a Meta number. """
    newsletter_id: str | None = None
    """ A newsletter (channel, `…@newsletter`). Not on a Meta number. """
    text: str | None = None
    """ A free-form message; the body of an interactive `list`. On a Meta number it reaches only a user who wrote in
    the last 24 hours: otherwise the message fails with META_OUTSIDE_24H_WINDOW. """
    template_id: str | None = None
    """ The template to send, by id or name. On a Meta number only an APPROVED template is sendable. """
    variables: SendMessageRequestVariables | None = None
    """ The template's variables, by name. Every variable of the template must be given (400
    MISSING_TEMPLATE_VARIABLES). The official Python SDK always sends it, `{}` when there are none. """
    media: str | None = None
    """ Media sent directly: a URL or a data URI. """
    media_type: MessageMediaType | None = None
    """ What a directly sent `media` is. The documentation lists image, video, document and audio; the official
    Python SDK adds voice and sticker (the SDK wins, so all six are accepted). The official SDK sends `image` when
    `media` is given without it. """
    list_: InteractiveList | None = None
    """ A single-select interactive list: `text` is its body, `buttonText` opens the sections. """
    carousel: Carousel | None = None
    """ An ad-hoc media carousel. """
    flow: Flow | None = None
    """ A WhatsApp Flow chosen at send time. It needs the user's 24-hour window open: with it closed the message
    fails with FLOW_WINDOW_CLOSED (Meta would drop it silently). A template with a FLOW button ignores the window.
    There is no `flowToken` on purpose: Pilot Status mints it, and the send's answer returns it. """
    buttons: list[Button] | None = None
    """ The buttons of a free-form message: up to 3 (the send guide). """
    header: MessageHeader | None = None
    """ The header of a free-form message: a text, or the URL of an image, a video or a document. The official
    Python SDK types it `{type, content}` (one of its tests sends `text` instead of `content`: the type wins). """
    footer: str | None = None
    """ The footer of a free-form message. """
    labels: list[str] | None = None
    """ Labels kept with the message (the official SDK leaves an empty list out). """
    deliver_at: datetime.datetime | None = None
    """ Schedules the message: it stays QUEUED until then, and may be cancelled meanwhile. Stricter than upstream
    (our assumption): an RFC 3339 date-time with a zone, where upstream says ISO 8601. """
    deliver_until: datetime.datetime | None = None
    """ The latest instant to deliver it: a message not delivered by then fails (EXPIRED_AFTER_ATTEMPTS, or
    DELIVERED_NOT_CONFIRMED when sent without a delivery receipt). Stricter than upstream (our assumption): an RFC
    3339 date-time with a zone. """
    marketing_options: MarketingOptions | None = None
    """ Options of a marketing send. """
    mark_read: bool | None = None
    """ Meta numbers: false sends no typing indicator and no read receipt for the user's last message (Meta ties the
    two); left out, the number's `markReadOnSend` setting applies (true by default). No effect on other numbers. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        destination_number: str | Unset = UNSET if self.destination_number is None else self.destination_number

        group_id: str | Unset = UNSET if self.group_id is None else self.group_id

        newsletter_id: str | Unset = UNSET if self.newsletter_id is None else self.newsletter_id

        text: str | Unset = UNSET if self.text is None else self.text

        template_id: str | Unset = UNSET if self.template_id is None else self.template_id

        _variables: SendMessageRequestVariables | Unset = UNSET if self.variables is None else self.variables
        variables: dict[str, Any] | Unset = UNSET
        if not isinstance(_variables, Unset):
            variables = _variables.to_dict()

        media: str | Unset = UNSET if self.media is None else self.media

        _media_type: MessageMediaType | Unset = UNSET if self.media_type is None else self.media_type
        media_type: str | Unset = UNSET
        if not isinstance(_media_type, Unset):
            media_type = _media_type

        _list_: InteractiveList | Unset = UNSET if self.list_ is None else self.list_
        list_: dict[str, Any] | Unset = UNSET
        if not isinstance(_list_, Unset):
            list_ = _list_.to_dict()

        _carousel: Carousel | Unset = UNSET if self.carousel is None else self.carousel
        carousel: dict[str, Any] | Unset = UNSET
        if not isinstance(_carousel, Unset):
            carousel = _carousel.to_dict()

        _flow: Flow | Unset = UNSET if self.flow is None else self.flow
        flow: dict[str, Any] | Unset = UNSET
        if not isinstance(_flow, Unset):
            flow = _flow.to_dict()

        _buttons: list[Button] | Unset = UNSET if self.buttons is None else self.buttons
        buttons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_buttons, Unset):
            buttons = []
            for buttons_item_data in _buttons:
                buttons_item = buttons_item_data.to_dict()
                buttons.append(buttons_item)

        _header: MessageHeader | Unset = UNSET if self.header is None else self.header
        header: dict[str, Any] | Unset = UNSET
        if not isinstance(_header, Unset):
            header = _header.to_dict()

        footer: str | Unset = UNSET if self.footer is None else self.footer

        _labels: list[str] | Unset = UNSET if self.labels is None else self.labels
        labels: list[str] | Unset = UNSET
        if not isinstance(_labels, Unset):
            labels = _labels

        _deliver_at: datetime.datetime | Unset = UNSET if self.deliver_at is None else self.deliver_at
        deliver_at: str | Unset = UNSET
        if not isinstance(_deliver_at, Unset):
            deliver_at = _deliver_at.isoformat()

        _deliver_until: datetime.datetime | Unset = UNSET if self.deliver_until is None else self.deliver_until
        deliver_until: str | Unset = UNSET
        if not isinstance(_deliver_until, Unset):
            deliver_until = _deliver_until.isoformat()

        _marketing_options: MarketingOptions | Unset = (
            UNSET if self.marketing_options is None else self.marketing_options
        )
        marketing_options: dict[str, Any] | Unset = UNSET
        if not isinstance(_marketing_options, Unset):
            marketing_options = _marketing_options.to_dict()

        mark_read: bool | Unset = UNSET if self.mark_read is None else self.mark_read

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if destination_number is not UNSET:
            field_dict["destinationNumber"] = destination_number
        if group_id is not UNSET:
            field_dict["groupId"] = group_id
        if newsletter_id is not UNSET:
            field_dict["newsletterId"] = newsletter_id
        if text is not UNSET:
            field_dict["text"] = text
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if variables is not UNSET:
            field_dict["variables"] = variables
        if media is not UNSET:
            field_dict["media"] = media
        if media_type is not UNSET:
            field_dict["mediaType"] = media_type
        if list_ is not UNSET:
            field_dict["list"] = list_
        if carousel is not UNSET:
            field_dict["carousel"] = carousel
        if flow is not UNSET:
            field_dict["flow"] = flow
        if buttons is not UNSET:
            field_dict["buttons"] = buttons
        if header is not UNSET:
            field_dict["header"] = header
        if footer is not UNSET:
            field_dict["footer"] = footer
        if labels is not UNSET:
            field_dict["labels"] = labels
        if deliver_at is not UNSET:
            field_dict["deliverAt"] = deliver_at
        if deliver_until is not UNSET:
            field_dict["deliverUntil"] = deliver_until
        if marketing_options is not UNSET:
            field_dict["marketingOptions"] = marketing_options
        if mark_read is not UNSET:
            field_dict["markRead"] = mark_read

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        get_ = src_dict.get
        last_text_: object = None  # the date-time text parsed last, and its value (see templates/from_dict.jinja)
        last_instant_: Any = None
        destination_number = get_("destinationNumber")

        group_id = get_("groupId")

        newsletter_id = get_("newsletterId")

        text = get_("text")

        template_id = get_("templateId")

        variables = get_("variables", UNSET)
        variables = None if isinstance(variables, Unset) else SendMessageRequestVariables.from_dict(variables)

        media = get_("media")

        media_type = get_("mediaType", UNSET)
        media_type = None if isinstance(media_type, Unset) else check_message_media_type(media_type)

        list_ = get_("list", UNSET)
        list_ = None if isinstance(list_, Unset) else InteractiveList.from_dict(list_)

        carousel = get_("carousel", UNSET)
        carousel = None if isinstance(carousel, Unset) else Carousel.from_dict(carousel)

        flow = get_("flow", UNSET)
        flow = None if isinstance(flow, Unset) else Flow.from_dict(flow)

        buttons = get_("buttons", UNSET)
        buttons = (
            None
            if isinstance(buttons, Unset)
            else [Button.from_dict(buttons_item_data) for buttons_item_data in buttons]
        )

        header = get_("header", UNSET)
        header = None if isinstance(header, Unset) else MessageHeader.from_dict(header)

        footer = get_("footer")

        labels = cast(list[str], get_("labels", UNSET))

        deliver_at: Any = get_("deliverAt", UNSET)
        if isinstance(deliver_at, Unset):
            deliver_at = None
        else:
            last_text_ = deliver_at
            deliver_at = last_instant_ = datetime.datetime.fromisoformat(deliver_at)

        deliver_until: Any = get_("deliverUntil", UNSET)
        if isinstance(deliver_until, Unset):
            deliver_until = None
        else:
            last_text_ = deliver_until
            deliver_until = last_instant_ = datetime.datetime.fromisoformat(deliver_until)

        marketing_options = get_("marketingOptions", UNSET)
        marketing_options = (
            None if isinstance(marketing_options, Unset) else MarketingOptions.from_dict(marketing_options)
        )

        mark_read = get_("markRead")

        send_message_request = cls(
            destination_number,
            group_id,
            newsletter_id,
            text,
            template_id,
            variables,
            media,
            media_type,
            list_,
            carousel,
            flow,
            buttons,
            header,
            footer,
            None if isinstance(labels, Unset) else labels,
            deliver_at,
            deliver_until,
            marketing_options,
            mark_read,
        )

        if not _KNOWN_KEYS.issuperset(src_dict):
            send_message_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return send_message_request

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


from ..models.button import Button
from ..models.carousel import Carousel
from ..models.flow import Flow
from ..models.interactive_list import InteractiveList
from ..models.marketing_options import MarketingOptions
from ..models.message_header import MessageHeader
from ..models.send_message_request_variables import SendMessageRequestVariables
