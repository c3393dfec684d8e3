"""The Messages area: its state (`models`, each number's messages, sent and received) and its handlers
(`responses`, one per operation of the area, by operationId)."""
