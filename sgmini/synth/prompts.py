"""The prompt writer: several natural-language requests for one scene plan.

Every object of the plan is mentioned (with its count), so a prompt never asks for less than the
script holds; each mention carries a random subset of the relations that hold (walls, corners,
neighbours, windows, doors, what stands on what), worded from paraphrase lexicons and the
catalog's synonyms. Styles and materials are sprinkled in as adjectives the model learns to
read past. A few prompts are vague on purpose ("a cosy bedroom").
"""

from __future__ import annotations

import random
import re

from .layout import Plan, catalog

# ---- words ----------------------------------------------------------------------------------------------

ROOM_WORDS = {
    "living_room": ["living room", "living room", "lounge", "sitting room", "family room", "living area"],
    "lounge": ["lounge", "living room"],
    "bedroom": ["bedroom", "bedroom", "bedroom", "master bedroom", "sleeping room"],
    "guest_room": ["guest room", "guest bedroom", "spare room"], "hotel_room": ["hotel room", "hotel bedroom"],
    "kids_room": ["kids' room", "kids room", "children's room", "child's bedroom", "kid's room"],
    "nursery": ["nursery", "baby room", "baby's room"], "kitchen": ["kitchen", "kitchen", "kitchenette"],
    "dining_room": ["dining room", "dining room", "dining area"],
    "bathroom": ["bathroom", "bathroom", "bath", "washroom", "shower room"],
    "office": ["office", "home office", "office", "workspace", "work room"], "study": ["study", "study room"],
    "conference_room": ["conference room", "meeting room", "boardroom"], "classroom": ["classroom", "class room"],
    "cafe": ["café", "cafe", "coffee shop"], "restaurant": ["restaurant", "bistro", "diner"], "bar": ["bar", "pub"],
    "game_room": ["game room", "games room", "rec room", "game room"], "gym": ["gym", "fitness room", "gym"],
    "home_gym": ["home gym", "workout room", "exercise room"],
    "hospital_room": ["hospital room", "patient room", "hospital ward room"],
    "clinic": ["clinic room", "clinic", "treatment room"], "exam_room": ["exam room", "examination room",
                                                                       "consulting room"],
    "dental_office": ["dental office", "dentist's office", "dental surgery"],
    "salon": ["salon", "hair salon", "beauty salon"], "barbershop": ["barbershop", "barber shop"],
    "spa": ["spa room", "spa", "treatment room"], "music_room": ["music room", "practice room"],
    "laundry_room": ["laundry room", "laundry", "utility room"], "garage": ["garage"],
    "workshop": ["workshop", "work shop"], "craft_room": ["craft room", "hobby room", "art room"],
    "waiting_room": ["waiting room", "waiting area"], "reception": ["reception", "reception area", "front office"],
    "lobby": ["lobby", "entrance lobby", "foyer"], "library": ["library", "reading room"],
    "home_theater": ["home theater", "home cinema", "media room"], "studio": ["studio", "studio apartment",
                                                                            "studio flat"],
    "patio": ["patio", "terrace"], "sunroom": ["sunroom", "conservatory", "sun room"],
    "hallway": ["hallway", "hall", "corridor"], "entryway": ["entryway", "entrance hall", "entry"],
    "playroom": ["playroom", "play room"], "storage_room": ["storage room", "storeroom", "store room"],
    "locker_room": ["locker room", "changing room"], "pharmacy": ["pharmacy", "chemist's"],
    "shop": ["shop", "store", "boutique"], "balcony": ["balcony"], "closet": ["walk-in closet", "closet",
                                                                         "dressing room"],
}

NAME_OVERRIDES = {
    "tv": ["TV", "television", "TV set", "flat-screen TV"], "tv_stand": ["TV stand", "TV unit", "media console",
                                                                          "TV cabinet"],
    "wall_tv": ["wall-mounted TV", "TV on the wall", "wall TV"], "bed": ["bed", "double bed", "queen bed", "bed",
                                                                        "king-size bed"],
    "nightstand": ["nightstand", "bedside table", "night table", "nightstand"],
    "refrigerator": ["fridge", "refrigerator", "fridge"], "sofa": ["sofa", "couch", "sofa", "settee"],
    "kitchen_counter": ["counter", "kitchen counter", "worktop"], "office_chair": ["office chair", "desk chair",
                                                                                 "swivel chair"],
    "ceiling_light": ["ceiling light", "light", "ceiling lamp"], "table_lamp": ["table lamp", "lamp", "bedside lamp"],
    "floor_lamp": ["floor lamp", "standing lamp", "floor lamp"], "bathroom_sink": ["sink", "washbasin", "basin"],
    "sink": ["sink", "kitchen sink"], "computer_monitor": ["monitor", "computer monitor", "screen"],
    "washing_machine": ["washing machine", "washer"], "dryer": ["dryer", "tumble dryer"],
    "bookshelf": ["bookshelf", "bookcase", "shelf unit"], "coffee_table": ["coffee table", "low table"],
    "dining_table": ["dining table", "table"], "dining_chair": ["chair", "dining chair"],
    "cafe_table": ["café table", "small table", "bistro table"], "cafe_chair": ["chair", "café chair"],
    "school_desk": ["student desk", "school desk", "pupil desk"], "desk": ["desk", "desk", "writing desk", "work desk"],
    "rug": ["rug", "carpet", "area rug"], "plant": ["plant", "potted plant", "houseplant"],
    "small_plant": ["small plant", "little plant", "succulent"], "painting": ["painting", "picture", "framed print",
                                                                             "piece of art"],
    "styling_station": ["styling station", "hair station"], "waiting_chair": ["waiting chair", "chair"],
    "hospital_bed": ["hospital bed", "patient bed"], "iv_stand": ["IV stand", "drip stand"],
    "bar_stool": ["bar stool", "stool", "high stool"], "kitchen_island": ["kitchen island", "island"],
    "chest_of_drawers": ["chest of drawers", "tall dresser"], "toilet": ["toilet", "WC", "loo"],
}

ADJ = {
    "wood": ["wooden", "oak", "walnut", "pine", "birch"], "color": ["white", "black", "grey", "blue", "green",
                                                                  "beige", "red", "brown", "cream", "navy"],
    "style": ["modern", "vintage", "rustic", "minimalist", "Scandinavian", "industrial", "classic", "cosy",
              "mid-century", "sleek"],
    "size": ["small", "large", "big", "compact", "low", "wide"], "soft": ["leather", "velvet", "linen", "fabric"],
}
SOFT = {"sofa", "armchair", "sectional_sofa", "recliner", "ottoman", "bean_bag", "chaise_lounge", "bed", "bench"}

NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
           10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 16: "sixteen", 20: "twenty"}
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
ABBR = {"north": "N", "south": "S", "east": "E", "west": "W"}


def human(cat: str) -> str:
    return cat.replace("_", " ")


def plural(phrase: str) -> str:
    words = phrase.split(" ")
    if " of " in phrase:  # chest of drawers -> chests of drawers
        i = words.index("of") - 1
    else:
        i = len(words) - 1
    w = words[i]
    irregular = {"shelf": "shelves", "mouse": "mice", "person": "people", "loo": "loos", "WC": "WCs",
                 "TV": "TVs", "bookshelf": "bookshelves", "knife": "knives"}
    if w in irregular:
        w = irregular[w]
    elif re.search(r"(s|x|z|ch|sh)$", w):
        w += "es"
    elif re.search(r"[^aeiou]y$", w):
        w = w[:-1] + "ies"
    else:
        w += "s"
    words[i] = w
    return " ".join(words)


def article(phrase: str) -> str:
    first = phrase.split(" ")[0]
    if first in ("IV", "NE", "NW"):
        return "an"
    if first.lower().startswith(("hour", "honest")):
        return "an"
    if first[:1].lower() in "aeiou" and not first.lower().startswith(("uni", "use", "eu", "one")):
        return "an"
    return "a"


def count_words(n: int, rng: random.Random) -> str:
    if n == 2 and rng.random() < 0.15:
        return "a pair of"
    if n in NUMBERS and rng.random() < 0.8:
        return NUMBERS[n]
    return str(n)


class Namer:
    """Consistent wording for the objects of one prompt: one noun per category, chosen once."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.nouns: dict[str, str] = {}

    def noun(self, cat: str) -> str:
        if cat not in self.nouns:
            self.nouns[cat] = self._pick(cat)
        return self.nouns[cat]

    def _pick(self, cat: str) -> str:
        rng = self.rng
        if cat in NAME_OVERRIDES and rng.random() < 0.85:
            return rng.choice(NAME_OVERRIDES[cat])
        if rng.random() < 0.75:
            return human(cat)
        options = [human(cat)]
        c = catalog().get(cat)
        for syn in c.synonyms:
            s = syn.strip()
            if s.endswith("s") and not cat.endswith("s") and not s.endswith(("ss", "us")):
                continue  # plural forms
            if len(s.split()) <= 3 and len(s) <= 24:
                options.append(s)
        return rng.choice(options)


# ---- phrases --------------------------------------------------------------------------------------------


def side_phrase(side: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.08:
        return f"{ABBR[side]} wall"
    if r < 0.16:
        return f"{side}ern wall"
    return f"{side} wall"


def corner_phrase(corner: str, rng: random.Random) -> str:
    a, b = corner[:5], corner[5:]
    r = rng.random()
    if r < 0.5:
        return f"{corner} corner"
    if r < 0.8:
        return f"{a}-{b} corner"
    if r < 0.9:
        return f"{a} {b} corner"
    return f"{ABBR[a]}{ABBR[b]} corner"


def relation_text(fact: tuple, name, rng: random.Random) -> str | None:
    """A phrase that follows the object's noun phrase, for one fact about it."""
    kind = fact[0]
    if kind == "against":
        s = side_phrase(fact[2], rng)
        return rng.choice([f"against the {s}", f"against the {s}", f"along the {s}", f"on the {s}",
                           f"by the {s}", f"with its back to the {s}", f"pushed against the {s}",
                           f"up against the {s}", f"placed against the {s}"])
    if kind == "corner":
        c = corner_phrase(fact[2], rng)
        return rng.choice([f"in the {c}", f"in the {c}", f"tucked into the {c}", f"in the {c} of the room"])
    if kind == "middle":
        return rng.choice(["in the middle", "in the centre", "in the center of the room", "in the middle of the room",
                           "centred in the room", "in the centre of the room"])
    if kind == "under_window":
        return rng.choice(["under the window", "below the window", "beneath the window", "right under the window",
                           "under the window"])
    if kind == "near_window":
        return rng.choice(["near the window", "by the window", "next to the window", "close to the window",
                           "beside the window"])
    if kind == "facing_dir":
        d = fact[2]
        return rng.choice([f"facing {d}", f"facing {d}", f"that faces {d}", f"turned to face {d}",
                           f"facing the {d}", f"pointing {d}"])
    if kind == "facing_obj":
        y = name(fact[2])
        return rng.choice([f"facing the {y}", f"facing the {y}", f"that faces the {y}", f"turned towards the {y}",
                           f"opposite the {y}"])
    if kind == "facing_door":
        return rng.choice(["facing the door", "that faces the door", "facing the entrance", "turned to the door",
                           "looking at the door"])
    if kind == "facing_window":
        return rng.choice(["facing the window", "looking out of the window", "turned to the window",
                           "that faces the window"])
    if kind in ("left_of", "right_of"):
        side = kind[:-3]
        y = name(fact[2])
        r = rng.random()
        if r < 0.15:
            return rng.choice([f"next to the {y}", f"beside the {y}", f"by the {y}"])
        return rng.choice([f"to the {side} of the {y}", f"on the {y}'s {side}", f"{side} of the {y}",
                           f"on the {side} side of the {y}", f"at the {y}'s {side}", f"to the {y}'s {side}"])
    if kind == "in_front":
        y = name(fact[2])
        opts = [f"in front of the {y}", f"in front of the {y}", f"facing the {y}"]
        if fact[3] == "bed":
            opts += [f"at the foot of the {y}", f"at the end of the {y}"]
        if fact[3] in ("desk", "standing_desk", "vanity_table", "kids_table", "styling_station", "piano",
                       "kitchen_island", "bar_counter", "workbench", "school_desk"):
            opts += [f"at the {y}", f"in front of the {y}"]
        return rng.choice(opts)
    if kind == "behind":
        return f"behind the {name(fact[2])}"
    return None


def surface_text(fact: tuple, name, rng: random.Random, pronoun: bool = False) -> str:
    kind = fact[0]
    if kind == "on":
        y = "it" if pronoun else f"the {name(fact[2])}"
        return rng.choice([f"on {y}", f"on {y}", f"on top of {y}", f"sitting on {y}", f"standing on {y}",
                           f"resting on {y}"])
    if kind == "on_shelf":
        lvl = fact[3]
        y = "its" if pronoun else f"the {name(fact[2])}'s"
        o = ORDINALS.get(lvl, str(lvl))
        alt = "bottom" if lvl == 1 else o
        return rng.choice([f"on {y} {o} shelf", f"on {y} {alt} shelf", f"on shelf {lvl} of " +
                           ("it" if pronoun else f"the {name(fact[2])}")])
    if kind == "on_wall":
        s = side_phrase(fact[2], rng)
        return rng.choice([f"on the {s}", f"hanging on the {s}", f"mounted on the {s}", f"on the {s}",
                           f"hung on the {s}"])
    if kind == "above":
        y = "it" if pronoun else f"the {name(fact[2])}"
        return rng.choice([f"above {y}", f"above {y}", f"hanging above {y}", f"over {y}", f"on the wall above {y}",
                           f"mounted above {y}"])
    if kind == "ceiling":
        return rng.choice(["on the ceiling", "hanging from the ceiling", "on the ceiling", "overhead",
                           "in the ceiling"])
    if kind == "over":
        y = "it" if pronoun else f"the {name(fact[2])}"
        return rng.choice([f"over {y}", f"hanging over {y}", f"above {y}", f"right over {y}"])
    return ""


# ---- the writer -----------------------------------------------------------------------------------------


class PromptWriter:
    def __init__(self, plan: Plan, rng: random.Random):
        self.plan, self.rng = plan, rng
        self.namer = Namer(rng)
        self.cat_of: dict[str, str] = {}
        self.count_of: dict[str, int] = {}
        for f in plan.facts:
            if f[0] == "obj":
                self.cat_of[f[1]] = f[2]
                self.count_of[f[1]] = f[3]
        self.room_of: dict[str, str] = {}
        for r in plan.rooms:
            for i in r.ids():
                self.room_of[i] = r.id
        self.rel: dict[str, list[tuple]] = {}
        for f in plan.facts:
            if f[0] in ("against", "corner", "middle", "under_window", "near_window", "facing_dir", "facing_obj",
                        "facing_door", "facing_window", "left_of", "right_of", "in_front", "behind"):
                ff = f
                if f[0] == "in_front":
                    ff = (f[0], f[1], f[2], self.cat_of.get(f[2], ""))
                self.rel.setdefault(f[1], []).append(ff)

    def name(self, oid: str) -> str:
        return self.namer.noun(self.cat_of.get(oid, "thing"))

    def np(self, oid: str, adjective: bool = True) -> str:
        """Noun phrase with determiner and count: 'a grey sofa', 'four dining chairs'."""
        cat = self.cat_of[oid]
        n = self.count_of.get(oid, 1)
        noun = self.namer.noun(cat)
        adj = ""
        if adjective and self.rng.random() < 0.22:
            kind = self.rng.choice(["wood", "color", "style", "size"] + (["soft"] if cat in SOFT else []))
            adj = self.rng.choice(ADJ[kind]) + " "
        if n > 1:
            return f"{count_words(n, self.rng)} {adj}{plural(noun)}"
        phrase = adj + noun
        det = self.rng.choices([article(phrase), "one"], weights=[0.9, 0.1])[0]
        return f"{det} {phrase}"

    # ---- per-object phrase ----------------------------------------------------------------------------
    def object_phrase(self, oid: str, done: set[str], children: dict[str, list[tuple]]) -> str:
        rng = self.rng
        base = self.np(oid)
        rels = list(self.rel.get(oid, []))
        rng.shuffle(rels)
        kinds = {r[0] for r in rels}
        # a group around a table, a row or grid
        extra = []
        for f in self.plan.facts:
            if f[0] == "around" and f[1] == oid:
                t = self.name(f[2])
                extra.append(rng.choice([f"around the {t}", f"around the {t}", f"at the {t}", f"round the {t}"]))
            elif f[0] == "row" and f[1] == oid:
                if rng.random() < 0.6:
                    extra.append(rng.choice(["in a row", "side by side", "lined up in a row", "in a line"]))
            elif f[0] == "grid" and f[1] == oid:
                cols, rows = f[2], f[3]
                extra.append(rng.choice([f"in {count_words(rows, rng)} rows of {count_words(cols, rng)}",
                                         f"arranged in {rows} rows of {cols}", f"in a {cols} by {rows} grid"]))
        k = rng.choices([0, 1, 2, 3], weights=[0.12, 0.5, 0.3, 0.08])[0]
        if "under_window" in kinds:
            rels = [r for r in rels if r[0] == "under_window"] + [r for r in rels if r[0] not in ("under_window",
                                                                                              "against",
                                                                                              "near_window")]
        chosen = rels[:k]
        phrases = extra + [t for t in (relation_text(r, self.name, rng) for r in chosen) if t]
        text = base
        if phrases:
            text += " " + " and ".join(phrases) if len(phrases) <= 2 else " " + ", ".join(phrases[:-1]) + \
                " and " + phrases[-1]
        done.add(oid)
        # things on it, folded in: "a desk with a laptop and a lamp on it"
        kids = [c for c in children.get(oid, []) if c[1] not in done]
        if kids and rng.random() < 0.6:
            same = [c for c in kids if c[0] == kids[0][0]]
            nps = [self.np(c[1]) for c in same]
            for c in same:
                done.add(c[1])
            lst = nps[0] if len(nps) == 1 else ", ".join(nps[:-1]) + " and " + nps[-1]
            text += rng.choice([f" with {lst} " + surface_text(same[0], self.name, rng, pronoun=True),
                                f" with {lst} " + surface_text(same[0], self.name, rng, pronoun=True),
                                f" holding {lst}" if same[0][0] in ("on", "on_shelf") else
                                f" with {lst} " + surface_text(same[0], self.name, rng, pronoun=True)])
        return text

    def child_phrase(self, fact: tuple) -> str:
        return f"{self.np(fact[1])} {surface_text(fact, self.name, self.rng)}"

    # ---- room description -----------------------------------------------------------------------------
    def room_word(self, rtype: str) -> str:
        return self.rng.choice(ROOM_WORDS.get(rtype, [human(rtype)]))

    def size_text(self, W: int, H: int) -> str:
        a, b = W / 10, H / 10
        return self.rng.choice([f"{a:g} x {b:g} m", f"{a:g} by {b:g} metre", f"{a:g}m x {b:g}m",
                                f"{a:g} by {b:g} m"])

    def openings_text(self, room_id: str, single: bool) -> list[str]:
        rng = self.rng
        out = []
        doors = [f for f in self.plan.facts if f[0] == "door" and f[1] == room_id]
        wins = [f for f in self.plan.facts if f[0] == "window" and f[1] == room_id]
        if doors and (rng.random() < 0.45 or not single):
            for d in doors:
                if d[3] is not None and not single:
                    continue
                s = side_phrase(d[2], rng)
                out.append(rng.choice([f"a door on the {s}", f"the door in the {s}", f"a door in the {s}",
                                       f"an entrance on the {s}", f"the door on the {s}"]))
        if wins and (rng.random() < 0.55 or not single):
            by_side: dict[str, int] = {}
            for w in wins:
                by_side[w[2]] = by_side.get(w[2], 0) + 1
            for side, n in by_side.items():
                s = side_phrase(side, rng)
                if n == 1:
                    out.append(rng.choice([f"a window on the {s}", f"a window in the {s}", f"one window on the {s}",
                                           f"the window on the {s}"]))
                else:
                    out.append(f"{count_words(n, rng)} windows on the {s}")
        return out

    def join(self, parts: list[str]) -> str:
        parts = [p for p in parts if p]
        if not parts:
            return ""
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            return parts[0] + " and " + parts[1]
        sep = self.rng.choice([", ", ", ", "; "])
        last = self.rng.choice([" and ", ", and ", " and "]) if sep == ", " else "; and "
        return sep.join(parts[:-1]) + last + parts[-1]

    def single_room(self) -> str:
        rng = self.rng
        plan = self.plan
        room = plan.rooms[0]
        rword = self.room_word(room.type)
        children: dict[str, list[tuple]] = {}
        child_facts = []
        for f in plan.facts:
            if f[0] in ("on", "on_shelf", "above", "over"):
                children.setdefault(f[2], []).append(f)
                child_facts.append(f)
        wall_only = [f for f in plan.facts if f[0] in ("on_wall", "ceiling")]
        done: set[str] = set()
        # both-sides pairs first
        parts: list[str] = []
        for f in plan.facts:
            if f[0] == "both_sides" and rng.random() < 0.7:
                a, b = f[1]
                y = self.name(f[2])
                nn = plural(self.name(a))
                parts.append(rng.choice([f"{count_words(2, rng)} {nn} on either side of the {y}",
                                         f"a {self.name(a)} on each side of the {y}",
                                         f"{count_words(2, rng)} {nn} flanking the {y}",
                                         f"{self.name(a)}s on both sides of the {y}".replace("ss on", "s on")]))
                done.update([a, b])
        floor_ids = [f[1] for f in plan.facts if f[0] == "obj" and f[1] not in done and
                     not any(c[1] == f[1] for c in child_facts) and
                     not any(w[1] == f[1] for w in wall_only)]
        order = floor_ids
        # merge same-category objects with no relation into one counted mention
        by_cat: dict[str, list[str]] = {}
        for oid in order:
            if not self.rel.get(oid) and self.count_of.get(oid, 1) == 1:
                by_cat.setdefault(self.cat_of[oid], []).append(oid)
        for oid in order:
            if oid in done:
                continue
            cat = self.cat_of[oid]
            if len(by_cat.get(cat, [])) > 1 and oid in by_cat[cat]:
                n = len(by_cat[cat])
                parts.append(f"{count_words(n, rng)} {plural(self.namer.noun(cat))}")
                done.update(by_cat[cat])
                continue
            parts.append(self.object_phrase(oid, done, children))
        for f in child_facts + wall_only:
            if f[1] in done:
                continue
            parts.append(self.child_phrase(f))
            done.add(f[1])
        for f in plan.facts:  # things with no fact-carrying mention yet (items hung on walls, etc.)
            if f[0] == "obj" and f[1] not in done:
                parts.append(self.np(f[1]))
                done.add(f[1])
        extras = self.openings_text(room.id, True)
        style = []
        if room.floor and rng.random() < 0.5:
            style.append(rng.choice([f"{room.floor} floor", f"a {room.floor} floor"]))
        if room.walls and rng.random() < 0.4:
            style.append(rng.choice([f"{room.walls} walls", f"{room.walls}-painted walls"]))
        size = ""
        if rng.random() < 0.3:
            size = self.size_text(room.W, room.H)
        return self.compose(rword, parts, extras, style, size)

    def compose(self, rword: str, parts: list[str], extras: list[str], style: list[str], size: str) -> str:
        rng = self.rng
        mood = rng.choice(["", "", "", "", "cosy ", "bright ", "simple ", "small ", "modern ", "quiet ", "spacious "])
        rdesc = f"{size} {rword}".strip() if size else rword
        if size and rng.random() < 0.5:
            rdesc = f"{rword} of {size}".replace(" m", " m") if rng.random() < 0.5 else f"{size} {rword}"
        rdesc = (mood + rdesc).strip()
        items = parts + extras + style
        form = rng.random()
        if not items:
            return f"{article(rdesc).capitalize()} {rdesc}."
        if form < 0.35:
            text = f"{article(rdesc).capitalize()} {rdesc} with {self.join(items)}."
        elif form < 0.55:
            text = f"{rdesc[0].upper() + rdesc[1:]}: {self.join(items)}."
        elif form < 0.7:
            verb = rng.choice(["Put", "Place", "Add", "I want", "Give me", "There should be"])
            sents = [f"{verb} {items[0]}."]
            for it in items[1:]:
                v = rng.choice(["Put", "Place", "Add", "Include", "Then", "Also", "There is", "And"])
                sents.append(f"{v} {it}.")
            text = f"{rng.choice(['Make', 'Design', 'Create', 'Build', 'Lay out'])} " \
                   f"{article(rdesc)} {rdesc}. " + " ".join(sents)
        elif form < 0.82:
            lead = rng.choice(["I need", "I'd like", "I want", "Please make", "Can you make", "Generate"])
            text = f"{lead} {article(rdesc)} {rdesc} with {self.join(items)}."
        elif form < 0.92:
            text = f"{self.join(items)} in {article(rdesc)} {rdesc}."
            text = text[0].upper() + text[1:]
        else:
            text = f"{rdesc} with {self.join(items)}".lower()
        text = re.sub(r"\s+", " ", text).strip()
        return text

    def vague(self) -> str:
        room = self.plan.rooms[0]
        rword = self.room_word(room.type)
        rng = self.rng
        adj = rng.choice(["cosy", "cozy", "nice", "typical", "furnished", "functional", "comfortable", "small",
                          "modern", "simple", "well-equipped"])
        return rng.choice([f"A {adj} {rword}.", f"a {rword}", f"Furnish a {rword}.", f"Make me a {adj} {rword}.",
                           f"{rword.capitalize()} with the usual furniture.", f"A {rword}, please."])

    def architecture(self) -> str:
        rng = self.rng
        plan = self.plan
        rooms = plan.rooms
        by_type: dict[str, str] = {}
        words: dict[str, str] = {}
        nth: dict[str, int] = {}
        for r in rooms:
            if r.type not in by_type:
                by_type[r.type] = self.room_word(r.type)
            nth[r.type] = nth.get(r.type, 0) + 1
            w = by_type[r.type]
            words[r.id] = w if nth[r.type] == 1 else f"{ORDINALS.get(nth[r.type], 'other')} {w}"
        for r in rooms:  # the first of several: "the first bedroom"
            if nth[r.type] > 1 and words[r.id] == by_type[r.type]:
                words[r.id] = f"first {by_type[r.type]}"
        # several rooms of one type: "two bedrooms"
        counts: dict[str, int] = {}
        for r in rooms:
            counts[r.type] = counts.get(r.type, 0) + 1
        listed = []
        seen_types = set()
        for r in rooms:
            if r.type in seen_types:
                continue
            seen_types.add(r.type)
            n = counts[r.type]
            w = by_type[r.type]
            listed.append(f"{count_words(n, rng)} {plural(w)}" if n > 1 else f"{article(w)} {w}")
        sentences = []
        lshape = [f for f in plan.facts if f[0] == "l_shape"]
        n = len(rooms)
        if lshape:
            w = words[rooms[0].id]
            sentences.append(rng.choice([f"An L-shaped {w}", f"An L shaped {w}", f"A {w} with an L-shaped plan"]))
        elif n == 1:
            r0 = rooms[0]
            size = self.size_text(r0.W, r0.H) + " " if rng.random() < 0.5 else ""
            sentences.append(f"A {size}{words[r0.id]}")
        else:
            kind = rng.choice(["apartment", "flat", "suite", "plan", "layout", "unit"])
            lead = rng.choice([f"A {n}-room {kind}", f"A {kind}", f"A floor plan", "A layout",
                               f"{NUMBERS.get(n, n)} rooms".capitalize()])
            sentences.append(f"{lead}: {self.join(listed)}")
        # doors
        conn = []
        for f in plan.facts:
            if f[0] != "door":
                continue
            room_id, side, other = f[1], f[2], f[3]
            a = words[room_id]
            if other is None:
                s = side_phrase(side, rng)
                if n == 1 or rng.random() < 0.5:
                    conn.append(rng.choice([f"the front door is on the {s} of the {a}",
                                            f"a door on the {s}" if n == 1 else f"the entrance opens into the {a}",
                                            f"the front door leads into the {a}", f"the {a} has the front door",
                                            f"you come in from outside into the {a}"]))
                else:
                    conn.append(rng.choice([f"the entrance opens into the {a}", f"the front door leads into the {a}",
                                            f"the {a} has a door to the outside"]))
                continue
            b = words[other]
            conn.append(rng.choice([f"the {b} opens off the {a}", f"a door joins the {a} and the {b}",
                                    f"the {a} connects to the {b}", f"the {a} leads into the {b}",
                                    f"the {b} is reached through the {a}", f"a door between the {a} and the {b}",
                                    f"the {a} has a door to the {b}"]))
        rng.shuffle(conn)
        if conn:
            sentences.append(self.join(conn))
        wins = [f for f in plan.facts if f[0] == "window"]
        if wins and rng.random() < 0.8:
            by_room: dict[str, dict[str, int]] = {}
            for f in wins:
                by_room.setdefault(f[1], {})
                by_room[f[1]][f[2]] = by_room[f[1]].get(f[2], 0) + 1
            wparts = []
            for rid, sides in by_room.items():
                total = sum(sides.values())
                if rng.random() < 0.5 or n == 1:
                    for side, k in sides.items():
                        wparts.append(f"{count_words(k, rng) if k > 1 else 'a'} window{'s' if k > 1 else ''} on the "
                                      f"{side_phrase(side, rng)}" + (f" of the {words[rid]}" if n > 1 else ""))
                else:
                    wparts.append(f"{count_words(total, rng) if total > 1 else 'a'} window{'s' if total > 1 else ''}"
                                  f" in the {words[rid]}")
            sentences.append(self.join(wparts))
        objs = [f for f in plan.facts if f[0] == "obj"]
        if objs:
            by_room: dict[str, list[str]] = {}
            for f in objs:
                by_room.setdefault(self.room_of.get(f[1], rooms[0].id), []).append(self.np(f[1]))
            for rid, nps in by_room.items():
                sentences.append(rng.choice([f"the {words[rid]} has {self.join(nps)}",
                                             f"put {self.join(nps)} in the {words[rid]}",
                                             f"in the {words[rid]}: {self.join(nps)}"]))
        text = ". ".join(s[0].upper() + s[1:] for s in sentences if s) + "."
        if rng.random() < 0.1:
            text = text.lower()
        return re.sub(r"\s+", " ", text)

    def write(self) -> str:
        if len(self.plan.rooms) > 1 or self.plan.scenario == "architectural":
            return self.architecture()
        if self.plan.scenario in ("multi_object", "hierarchical", "dense") and self.rng.random() < 0.04:
            return self.vague()
        return self.single_room()


def write_prompts(plan: Plan, rng: random.Random, k: int = 3) -> list[str]:
    out: list[str] = []
    for _ in range(k * 2):
        p = PromptWriter(plan, rng).write()
        if p not in out:
            out.append(p)
        if len(out) >= k:
            break
    return out
