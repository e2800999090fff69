"""Who recorded a FIT file: ``garmin fr935``, ``wahoo_fitness elemnt bolt``, ``development 1``.

The label is kept stable (lower case, profile names where the profile has them)
because the start time plus the device identifies an activity across imports.
"""

from __future__ import annotations

import math

import numpy as np

from footfall.formats.fit.enums import MANUFACTURER
from footfall.formats.fit.products import GARMIN_FAMILY, GARMIN_PRODUCT
from footfall.formats.fit.profile import DEVICE_INFO, FILE_ID, Message
from footfall.formats.fit.table import Messages, Table

CREATOR = 0  # device_info.device_index of the device that wrote the file


def device_label(messages: Messages) -> str:
    """From file_id, else from the creator's device_info; "" when neither says."""
    file_id = messages.table(FILE_ID.num)
    label = _row_label(file_id, 0, FILE_ID) if len(file_id) else ""
    if label:
        return label
    info = messages.table(DEVICE_INFO.num)
    creators = np.flatnonzero(info.raw(DEVICE_INFO["device_index"].num) == CREATOR)
    return _row_label(info, int(creators[0]), DEVICE_INFO) if len(creators) else ""


def _row_label(table: Table, row: int, message: Message) -> str:
    return describe(
        float(table.raw(message["manufacturer"].num)[row]),
        float(table.raw(message["product"].num)[row]),
        table.strings(message["product_name"].num)[row],
    )


def describe(manufacturer: float, product: float, product_name: str = "") -> str:
    """``garmin fr935``: the manufacturer's and product's profile names, else the
    product name the file gives, else the numbers."""
    words = []
    garmin_family = False
    if math.isfinite(manufacturer):
        words.append(MANUFACTURER.get(int(manufacturer), str(int(manufacturer))))
        garmin_family = int(manufacturer) in GARMIN_FAMILY
    if garmin_family and math.isfinite(product):
        words.append(GARMIN_PRODUCT.get(int(product), product_name or str(int(product))))
    elif product_name:
        words.append(product_name)
    elif math.isfinite(product):
        words.append(str(int(product)))
    return " ".join(words).lower()
