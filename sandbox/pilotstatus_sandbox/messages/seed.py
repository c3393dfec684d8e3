"""The seeded messages of a number (`pilotstatus sandbox --messages N`, `SandboxConfig.messages`): N messages, sent
and received, drawn from the sandbox's seed, the same on every machine and every run.

They span the 30 days up to the seeded calls' newest instant (`SandboxConfig.newest_ms`; a manual clock starts a day
later), in exchanges: a user writes and the number answers, or the number writes first (with a
template on a Meta number, whose 24-hour window is closed then), a few messages seconds to minutes apart; exchanges
are hours apart, and a few messages share their millisecond with the one before (a page's order then rests on the
id). The conversations are about 1.5 √N users (a few of them chatty), and on a web number three groups too. A
received message is READ once the number writes to its conversation after it, so only the messages after a
conversation's last send are unread: the rule the live sandbox follows (`inbox.read_conversation`). About one
received message in ten carries media (a photo, a PDF, a voice note): on a Meta number with a media id, which
`GET /v1/media/{mediaId}` downloads. Sent messages are mostly READ, some DELIVERED (read receipts off), some SENT,
a few FAILED with a code of the Log Error Codes.

The messages are made oldest first and kept in one go (`Messages.add_all`), their ids of the store's forms (a `msg_`
ULID of the instant, a `wamid.` or a web provider's hex id) drawn here: 10,000 take about 0.2 s of CPU a number
(measured).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import math
import random
from typing import TYPE_CHECKING, Any

from .models import Message, MessageMedia, Messages, provider_kind

if TYPE_CHECKING:
    from pilotstatus_sandbox._config import SandboxConfig

__all__ = ["SPAN_MS", "media_kind", "seed_messages"]

SPAN_MS = 30 * 86_400_000
"""The seeded messages span the 30 days up to `SandboxConfig.newest_ms`."""

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_PAIRS = [high + low for high in _CROCKFORD for low in _CROCKFORD]
"""Every two digits of a ULID, by the 10 bits they encode: a ULID is 13 look-ups (a digit at a time took 8 µs)."""
_UUID4 = ((1 << 128) - 1) ^ (0xF000 << 64) ^ (0xC000 << 48)
"""The bits of a version 4 UUID that are random: all but its version and variant."""
_AREA_CODES = (11, 12, 13, 19, 21, 27, 31, 41, 47, 48, 51, 61, 62, 71, 81, 85, 91, 92)
_NAMES = ("Ana", "Bruno", "Carla", "Diego", "Elisa", "Felipe", "Gabriela", "Hugo", "Isabela", "João", "Larissa")
_SURNAMES = ("Almeida", "Barbosa", "Costa", "Dias", "Ferreira", "Gomes", "Lima", "Moura", "Nunes", "Souza")
_GROUPS = (
    ("120363041700000001@g.us", "Equipe de vendas"),
    ("120363041700000002@g.us", "Suporte nível 2"),
    ("120363041700000003@g.us", None),
)
_ASKED = (
    "Oi, tudo bem?",
    "Qual o prazo de entrega para São Paulo?",
    "Meu pedido ainda não chegou",
    "Vocês abrem no sábado?",
    "Pode me mandar o boleto de novo?",
    "Obrigado pelo retorno!",
    "Quero trocar o tamanho da camiseta",
    "O cupom não funcionou 😕",
)
_ANSWERED = (
    "Olá! Como podemos ajudar?",
    "O prazo é de 3 a 5 dias úteis.",
    "Vou verificar o seu pedido e já retorno.",
    "Abrimos no sábado das 9h às 13h.",
    "Segue o boleto atualizado.",
    "Por nada, estamos à disposição!",
    "A troca pode ser feita em qualquer loja.",
)
_TEMPLATES = (("order_update", "Seu pedido {{1}} saiu para entrega."), ("welcome", "Bem-vindo à nossa loja!"))
_MEDIA = (
    ("image/jpeg", None, "image", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", b"\xff\xd9"),
    ("application/pdf", "pedido.pdf", "document", b"%PDF-1.4\n", b"\n%%EOF\n"),
    ("audio/ogg", None, "audio", b"OggS\x00\x02", b""),
)
_FAILURES = (
    ("WHATSAPP_NOT_EXIST", "The destination is not registered on WhatsApp"),
    ("DELIVERY_TIMEOUT", "The number's instance did not answer in time"),
)
_META_WINDOW_FAILURE = (
    "META_OUTSIDE_24H_WINDOW",
    "The 24-hour window is closed: the user has not written in 24 hours; send an approved template",
)
_MEDIA_PROVIDERS = {"META": "META", "EVO_GO": "EVO_GO", "EVOLUTION_V2": "EVO"}
"""A received message's `media.provider` on each kind of number (whole-api §1.7's values)."""


def media_kind(mime_type: str) -> str:
    """The `messageType` of a message whose media has this MIME type: `image`, `video`, `audio`, `sticker` (a WebP
    image, as WhatsApp sends stickers) or `document`."""
    kind = mime_type.split("/", 1)[0].lower()
    if mime_type.lower() == "image/webp":
        return "sticker"
    return kind if kind in ("image", "video", "audio") else "document"


def media_provider(provider: str) -> str:
    """A received message's `media.provider` on a number of kind `provider`."""
    return _MEDIA_PROVIDERS.get(provider, provider)


def seed_messages(messages: Messages, config: SandboxConfig) -> None:
    """Add `config.messages` seeded messages to `messages` (see the module's docstring), oldest first."""
    _Seeder(messages, config).run()


class _Seeder:
    def __init__(self, messages: Messages, config: SandboxConfig) -> None:
        self.messages = messages
        self.number = messages.number
        self.count = config.messages
        self.newest_ms = config.newest_ms
        self.meta = self.number.provider == "META"
        self.kind = provider_kind(self.number.provider)
        self.random = random.Random(f"pilotstatus-sandbox messages {config.seed} {self.number.number_id}")
        users = max(1, min(self.count, round(1.5 * math.sqrt(self.count))))
        self.users = [self._phone() for _ in range(users)]
        self.names = {phone: self._name() for phone in self.users}
        # A few users write much more than the rest: the k-th a weight of 1/k.
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(users)))
        self.unread: dict[str, list[Message]] = {}  # by conversation: the received messages not yet read
        self.conversations: dict[str, str] = {}  # peer or group -> conversation id (the store's)
        self.made: list[Message] = []
        self.pricing: dict[tuple[str, bool], dict[str, Any]] = {}

    def run(self) -> None:
        if self.count == 0:
            return
        rng = self.random
        # Each message's exchange (its first message, its group if any, whether the user wrote first) and the gap
        # before it, in arbitrary units: scaled below so that the messages fill the span.
        plan: list[tuple[bool, str | None, bool]] = []
        gaps: list[float] = []
        while len(plan) < self.count:
            group_id = rng.choice(_GROUPS)[0] if self.number.provider == "EVO_GO" and rng.random() < 0.15 else None
            user_first = rng.random() < 0.8
            for position in range(rng.randint(1, 8)):
                if position == 0:
                    gaps.append(rng.uniform(1_800, 43_200))  # hours between exchanges
                elif rng.random() < 0.03:
                    gaps.append(0.0)  # the same millisecond as the message before
                else:
                    gaps.append(rng.uniform(5, 600))  # seconds to minutes within one
                plan.append((position == 0, group_id, user_first))
        del plan[self.count :], gaps[self.count :]
        scale = SPAN_MS / sum(gaps)
        at = float(self.newest_ms - SPAN_MS)
        user = self.users[0]
        for (first, group_id, user_first), gap in zip(plan, gaps, strict=True):
            at += gap * scale
            created = min(round(at), self.newest_ms)
            if first:
                user = rng.choices(self.users, cum_weights=self.cumulative)[0]
            if user_first if first else rng.random() < 0.5:
                self._received(created, self._group_member() if group_id is not None else user, group_id)
            else:
                self._sent(created, user, group_id, template=self.meta and first)
        self.messages.add_all(self.made)

    # -- one message ---------------------------------------------------------------------------------------------

    def _received(self, created: int, sender: str, group_id: str | None) -> None:
        rng = self.random
        key = group_id or sender
        media = None
        message_type = "text"
        text: str | None = rng.choice(_ASKED)
        if rng.random() < 0.1:
            mime_type, file_name, message_type, head, tail = rng.choice(_MEDIA)
            text = "Segue a foto" if message_type == "image" and rng.random() < 0.5 else None
            media = MessageMedia(
                provider=media_provider(self.number.provider),
                id=str(rng.randrange(10**15, 10**16)) if self.meta else None,
                mime_type=mime_type,
                file_name=file_name,
                media_type=message_type,
                content=head + hashlib.shake_256(f"{key}{created}".encode()).digest(rng.randint(200, 600)) + tail,
            )
        message = Message(
            id=self._id(created),
            direction="INBOUND",
            conversation_id=self._conversation(key),
            conversation_type="GROUP" if group_id else "DIRECT",
            provider_kind=self.kind,
            created_ms=created,
            provider_ms=created,
            status="DELIVERED",
            peer_phone=sender,
            participant_name=self.names.get(sender) or self._name(),
            group_id=group_id,
            group_name=_group_name(group_id),
            message_type=message_type,
            text=text,
            media=media,
            delivered_ms=created,
            external_id=self._external_id(),
        )
        if media is not None and not self.meta:
            media.url = f"https://sandbox.pilotstatus.invalid/media/{message.id}"
        self.made.append(message)
        self.unread.setdefault(message.conversation_id, []).append(message)

    def _sent(self, created: int, user: str, group_id: str | None, *, template: bool) -> None:
        rng = self.random
        conversation_id = self._conversation(group_id or user)
        origin = rng.choices(("API", "CHAT", "APP"), (7, 2, 1))[0]
        name, body = rng.choice(_TEMPLATES) if template else (None, rng.choice(_ANSWERED))
        message = Message(
            id=self._id(created),
            direction="OUTBOUND",
            conversation_id=conversation_id,
            conversation_type="GROUP" if group_id else "DIRECT",
            provider_kind=self.kind,
            created_ms=created,
            provider_ms=created,
            status="QUEUED",
            peer_phone=None if group_id else user,
            group_id=group_id,
            group_name=_group_name(group_id),
            message_type="template" if template else "text",
            text=body.replace("{{1}}", f"#{rng.randrange(10_000, 99_999)}") if template else body,
            origin=origin,
            correlation_id=None if origin == "APP" else self._uuid(),
            template=name,
            variables={"1": "#" + str(rng.randrange(10_000, 99_999))} if name == "order_update" else {},
        )
        roll = rng.random()
        if roll < 0.05:
            code, reason = (
                _META_WINDOW_FAILURE if self.meta and not template and rng.random() < 0.5 else (rng.choice(_FAILURES))
            )
            message.status, message.failed_ms = "FAILED", created + rng.randint(150, 2_000)
            message.error_code, message.error_message = code, reason
        else:
            message.sent_ms = message.provider_ms = created + rng.randint(150, 2_000)
            message.external_id = self._external_id()
            message.status = "SENT"
            if self.meta:
                message.meta_pricing = self._pricing(user, template=template)
            if roll >= 0.08:
                message.delivered_ms = message.sent_ms + rng.randint(300, 5_000)
                message.status = "DELIVERED"
                if roll >= 0.2:
                    message.read_ms = min(message.delivered_ms + rng.randint(1_000, 3_600_000), self.newest_ms)
                    message.read_ms = max(message.read_ms, message.delivered_ms)
                    message.status = "READ"
        self.made.append(message)
        for received in self.unread.pop(conversation_id, []):  # the number wrote: what came before is read
            received.status, received.read_ms = "READ", created

    # -- ids -----------------------------------------------------------------------------------------------------

    def _id(self, created: int) -> str:
        """`msg_` and a ULID of `created` (`Messages.new_id`'s form)."""
        value = (created % (1 << 48)) << 80 | self.random.getrandbits(80)
        return "msg_" + "".join([_PAIRS[(value >> shift) & 1023] for shift in range(120, -1, -10)])

    def _uuid(self) -> str:
        """A version 4 UUID from the seeded draws (`uuid.UUID(int=..., version=4)` is slower)."""
        text = f"{self.random.getrandbits(128) & _UUID4 | 0x4000 << 64 | 0x8000 << 48:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def _external_id(self) -> str:
        """A provider id of `Messages.new_external_id`'s form."""
        if self.meta:
            return "wamid." + base64.b64encode(self.random.randbytes(30)).decode()
        return "3EB0" + self.random.randbytes(10).hex().upper()

    def _pricing(self, user: str, *, template: bool) -> dict[str, Any]:
        """What Meta reported of a message sent to `user`: one dict for each user and category, shared by the
        messages it describes (nothing changes a seeded message's pricing)."""
        known = self.pricing.get((user, template))
        if known is None:
            category = "marketing" if template else "service"
            known = self.pricing[user, template] = {
                "conversationId": self._conversation("meta-window:" + user),
                "originType": category,
                "category": category,
                "type": "regular" if template else "free_customer_service",
            }
        return known

    def _conversation(self, key: str) -> str:
        known = self.conversations.get(key)
        if known is None:
            known = self.conversations[key] = self.messages.conversation_id(key)
        return known

    # -- people ------------------------------------------------------------------------------------------------

    def _phone(self) -> str:
        rng = self.random
        return f"55{rng.choice(_AREA_CODES)}9{rng.randrange(10**8):08d}"

    def _name(self) -> str:
        return f"{self.random.choice(_NAMES)} {self.random.choice(_SURNAMES)}"

    def _group_member(self) -> str:
        return self.random.choice(self.users)


def _group_name(group_id: str | None) -> str | None:
    return next((name for known, name in _GROUPS if known == group_id), None)
