"""The Analytics area: the dashboard computed from a number's sent messages (`dashboard`), and its handler
(`responses`, by operationId)."""
