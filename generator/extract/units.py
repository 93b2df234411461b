"""Units as the report writes them → (English unit for a draft's title, part of a proposal id).

One table for both, so a unit added for one is not forgotten by the other. Money keeps its
万元/亿元 (the report's own unit); other units are counted in ones (50万亩 → 500000 亩).
"""

from __future__ import annotations

UNITS: dict[str, tuple[str, str]] = {
    "亩": ("mu", "mu"),
    "公顷": ("ha", "ha"),
    "公里": ("km", "km"),
    "千米": ("km", "km"),
    "平方公里": ("km²", "km2"),
    "平方米": ("m²", "m2"),
    "米": ("m", "m"),
    "家": ("enterprises", "firms"),
    "人次": ("person-times", "visits"),
    "人": ("people", "people"),
    "名": ("people", "people"),
    "户": ("households", "households"),
    "套": ("homes", "homes"),
    "座": ("facilities", "sites"),
    "个": ("items", "items"),
    "所": ("schools", "schools"),
    "元": ("yuan", "yuan"),
    "万元": ("10,000 yuan", "10k-yuan"),
    "亿元": ("100 million yuan", "100m-yuan"),
    "%": ("%", "pct"),
    "％": ("%", "pct"),
    "个百分点": ("percentage points", "points"),
    "百分点": ("percentage points", "points"),
    "项": ("items", "items"),
    "条": ("lines", "lines"),
    "件": ("items", "items"),
    "处": ("sites", "sites"),
    "台": ("units", "units"),
    "辆": ("vehicles", "vehicles"),
    "吨": ("tonnes", "tonnes"),
    "公斤": ("kg", "kg"),
    "千克": ("kg", "kg"),
    "千瓦": ("kW", "kw"),
    "千瓦时": ("kWh", "kwh"),
    "兆瓦": ("MW", "mw"),
    "倍": ("times", "times"),
    "美元": ("US dollars", "usd"),
    "万美元": ("10,000 US dollars", "10k-usd"),
    "亿美元": ("100 million US dollars", "100m-usd"),
    "立方米": ("m³", "m3"),
    "微克/立方米": ("µg/m³", "ug-m3"),
    "头": ("head", "head"),
    "次": ("times", "times"),
    "场": ("events", "events"),
    "张": ("items", "items"),
    "间": ("rooms", "rooms"),
    "栋": ("buildings", "buildings"),
    "棵": ("trees", "trees"),
    "株": ("plants", "plants"),
    "眼": ("wells", "wells"),
    "床": ("beds", "beds"),
}
_UNIT_EN = {unit: en for unit, (en, _) in UNITS.items()}
_UNIT_SLUG = {unit: slug for unit, (_, slug) in UNITS.items()}
