"""The hand-written methods of the resources, where there is behaviour the generator cannot give.

`<module>.py` holds `<Class>Mixin` and `Async<Class>Mixin`, which the generated class of the resource
(`resources/_generated/<module>.py`) extends; the spec's `x-pilotstatus` marks each such method `handwritten`, so
that the generator leaves it out.
"""
