"""Contains all the data models used in inputs/outputs"""

from .call import Call
from .call_direction import CallDirection
from .call_list import CallList
from .call_status import CallStatus
from .error import Error
from .error_details import ErrorDetails

__all__ = (
    "Call",
    "CallDirection",
    "CallList",
    "CallStatus",
    "Error",
    "ErrorDetails",
)
