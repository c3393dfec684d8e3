"""The Media area: no state of its own (a media is a received message's, the Messages area's), and its handler
(`responses`, by operationId)."""
