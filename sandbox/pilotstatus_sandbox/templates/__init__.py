"""The Templates area: each number's message templates and Meta's review of them (`models`), and the handlers of its
operations (`responses`, one per operation of the area, by operationId). Every kind of number serves them."""
