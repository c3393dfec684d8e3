"""The Conversations area: no state of its own (a conversation is made of its messages, the Messages area's), and
its handler (`responses`, by operationId)."""
