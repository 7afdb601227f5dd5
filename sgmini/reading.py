"""Reading a prompt or an edit instruction: what it asks for, in the catalog's words.

``prompt_requirements`` gives the categories and room types a prompt names with their counts
("four café tables, two chairs at each" -> 4 cafe_table, 8 chair); ``prompt_walls`` the walls and
corners it puts things against; ``edit_requirements``, ``removals`` and ``edit_scope`` what an edit
instruction adds, takes out and may change. Decoding and the passes after it steer by these.
"""

from __future__ import annotations

import re

from assets import plain_text

CHANGES = ("move", "rotate", "remove", "replace")
"""Edit statements that change something the scene already has."""
MOVE_WORDS = re.compile(r"\b(move|push|pull|shift|slide|turn|rotate|face|faces|facing|put|place|set|center|"
                        r"centre|swap|relocate|bring)\b")
REPLACE_WORDS = re.compile(r"\b(replace|swap|change|instead|exchange)\b")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "single": 1, "another": 1, "two": 2, "pair": 2, "both": 2, "couple": 2,
                "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
NOT_OBJECTS = {"door", "window", "room", "wall", "floor", "ceiling"}
ADD_WORDS = re.compile(r"\b(add|put|place|hang|mount|set up|lay|fold|stand|install|bring|include|instead|"
                       r"replace|swap)\b")
REMOVE_WORDS = re.compile(r"\b(remove|take out|take away|take down|get rid of|delete|clear)\b")
MORE_WORDS = re.compile(r"\b(more|another|extra|second|third|fourth|fifth|sixth)\b")
SIDE_RX = re.compile(r"\b(north|south|east|west)(?:ern)?(?:[- ]facing)? (?:wall|side)\b")
CORNER_RX = re.compile(r"\b(north|south)[- ]?(east|west) corner\b")
EACH_WITH = re.compile(r"\beach (with|has|holding|having|gets)\b")
EACH_AFTER = re.compile(r"((at|around|for|per|by|beside|on|in) )?each\b(?! (with|has|holding|having|gets)\b)")
SKIP_FIRST = {"the", "some", "my", "of", "with", "and", "in", "on", "at", "its", "their", "each", "every", "other"}
ARRAYS = {"rows", "columns", "lines", "sets", "groups", "pairs", "stacks", "clusters"}


def edit_scope(instruction: str, catalog) -> tuple[set[str], set[str]]:
    """(categories and families the instruction names, the change statements it allows on them)."""
    cats, _ = prompt_requirements(instruction, catalog)
    named = set(cats) | {catalog.categories[c].family for c in cats if c in catalog.categories}
    text = plain_text(instruction)
    verbs = set()
    if MOVE_WORDS.search(text):
        verbs |= {"move", "rotate"}
    if REMOVE_WORDS.search(text) or REPLACE_WORDS.search(text):
        verbs |= {"remove", "replace"}
    return named, verbs


def scoped_edit(edit: str, declared: dict[str, str], scope: tuple[set[str], set[str]]) -> str:
    """The edit without top-level ``move``/``rotate``/``remove``/``replace`` lines the instruction does
    not ask for: of an object it does not name, or a change no verb of it means ("add two chairs at
    the table" never moves the table; "put a book on the table" removes nothing)."""
    from assets import load_catalog

    catalog = load_catalog()
    named, verbs = scope
    out = []
    for line in edit.splitlines():
        words = line.split()
        if len(words) > 1 and words[0] in CHANGES:
            cat = catalog.categories.get(declared.get(words[1], ""))
            if words[0] not in verbs or (cat is not None and not ({cat.name, cat.family} & named)):
                continue
        out.append(line)
    return "\n".join(out) + ("\n" if out else "")


def _room_phrases() -> list[tuple[list[str], str]]:
    from .synth.prompts import ROOM_WORDS

    out = []
    for rtype, words in ROOM_WORDS.items():
        for w in words + [rtype.replace("_", " ")]:
            out.append((re.findall(r"[a-z]+", w.lower().replace("'", "")), rtype))
    out.sort(key=lambda x: -len(x[0]))
    return out


def mentions(text: str, catalog) -> tuple[list[str], list[tuple[int, int, str]], dict[str, int]]:
    """(the text's words, (first word, length, category) of each thing it names in order, room type ->
    count): longest catalog phrases first. Doors and windows are openings, not things."""
    words = re.findall(r"[a-z0-9]+", plain_text(text).replace("'", "").replace("-", " "))
    used = [False] * len(words)
    found: list[tuple[int, int, str]] = []
    rooms: dict[str, int] = {}

    def categories(sizes) -> None:
        for n in sizes:
            for i in range(len(words) - n + 1):
                if any(used[i:i + n]) or words[i] in NUMBER_WORDS or words[i] in SKIP_FIRST or words[i].isdigit():
                    continue
                if words[i + n - 1] in NOT_OBJECTS:
                    continue
                cat = catalog.resolve(" ".join(words[i:i + n]))
                if cat is None or cat.name in NOT_OBJECTS:
                    continue
                for k in range(i, i + n):
                    used[k] = True
                found.append((i, n, cat.name))

    categories((3, 2))
    for phrase, rtype in _room_phrases():
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if any(used[i:i + n]):
                continue
            last = words[i + n - 1]
            plural = last == phrase[-1] + "s"
            if words[i:i + n - 1] == phrase[:-1] and (last == phrase[-1] or plural):
                for k in range(i, i + n):
                    used[k] = True
                rooms[rtype] = max(rooms.get(rtype, 0), _count_before(words, i) if plural else 1)
    categories((1,))
    return words, sorted(found), rooms


def prompt_requirements(text: str, catalog) -> tuple[dict[str, int], dict[str, int]]:
    """(category -> count, room type -> count) a prompt asks for, with the number word in front of
    each ("two nightstands" -> 2, "four tables, two chairs at each" -> 8 chairs)."""
    words, found, rooms = mentions(text, catalog)
    cats: dict[str, int] = {}
    previous = 1  # the last count over one: "four tables, two chairs at each" -> 8 chairs
    for i, n, name in found:
        count = _count_before(words, i)
        if count == 1 and _plural(words[i + n - 1], name, catalog) and not _numbered(words, i):
            count = 2  # "nightstands" with no number: at least two
        before = " ".join(words[max(0, i - 4):i])
        after = " ".join(words[i + n:i + n + 3])
        if previous > 1 and (EACH_AFTER.match(after) or EACH_WITH.search(before)):
            count *= previous
        cats[name] = max(cats.get(name, 0), count)
        previous = count if count > 1 else previous
    return cats, rooms


def removals(instruction: str, before, after, catalog) -> list[str]:
    """Ids the instruction asks to remove that the edited scene still has, when the edit removed none
    of them: the first thing named after a removing verb, as many as it says ("remove one of the
    armchairs" -> 1, "remove the chairs" -> all)."""
    text = plain_text(instruction)
    verb = REMOVE_WORDS.search(text)
    if verb is None or before is None or after is None:
        return []
    cats, _ = prompt_requirements(text[verb.end():], catalog)
    target = next(iter(cats), None)
    if target is None:
        return []

    def ids(scene) -> list[str]:
        return [o.id for o in scene.objects if o.group is None
                and target in (o.category, catalog.categories[o.category].family)]

    left = ids(after)
    if not left or len(left) < len(ids(before)):
        return []
    words = re.findall(r"[a-z0-9]+", text[verb.end():])
    numbered = any(_number(w) for w in words[:4])
    return left if cats[target] > 1 and not numbered else left[-cats[target]:]


def edit_requirements(instruction: str, have: dict[str, int], catalog) -> dict[str, int]:
    """Category -> how many an edit must add: what the instruction names that the scene lacks, and
    the first thing named when it asks for more of it ("add two more chairs" -> chair: 2)."""
    text = plain_text(instruction)
    if REMOVE_WORDS.search(text) and not ADD_WORDS.search(text):
        return {}
    cats, _ = prompt_requirements(instruction, catalog)
    family = {name: catalog.categories[name].family for name in have if name in catalog.categories}

    def count(cat: str) -> int:  # a generic word ("chair") counts its kinds
        return sum(n for c, n in have.items() if c == cat or family.get(c) == cat)

    need = {cat: n for cat, n in cats.items() if count(cat) == 0}
    first = next(iter(cats), None)
    if first is not None and MORE_WORDS.search(text) and not REMOVE_WORDS.search(text):
        need[first] = cats[first]
    return need


def prompt_walls(text: str, catalog) -> tuple[dict[str, str], dict[str, str]]:
    """(category -> wall side, category -> corner) the prompt places things against: within one clause
    ("a desk against the east wall"), the wall goes to the first thing the clause names."""
    sides: dict[str, str] = {}
    corners: dict[str, str] = {}
    for clause in re.split(r"[,;.:]| and | with | plus ", plain_text(text)):
        m = CORNER_RX.search(clause)
        s = SIDE_RX.search(clause)
        if not m and not s:
            continue
        cats, _ = prompt_requirements(clause, catalog)
        if not cats:
            continue
        first = min(cats, key=lambda c: _first_index(clause, c, catalog))
        if m:
            corners.setdefault(first, m.group(1) + m.group(2))
        elif s:
            sides.setdefault(first, s.group(1))
    return sides, corners


def _first_index(clause: str, cat: str, catalog) -> int:
    words = re.findall(r"[a-z0-9]+", clause)
    for i in range(len(words)):
        for n in (3, 2, 1):
            c = catalog.resolve(" ".join(words[i:i + n]))
            if c is not None and c.name == cat:
                return i
    return 10 ** 6


def _plural(word: str, name: str, catalog) -> bool:
    if not word.endswith("s") or word.endswith("ss"):
        return False
    single = catalog.resolve(word[:-1]) or (catalog.resolve(word[:-2]) if word.endswith("es") else None)
    return single is not None and single.name == name


def _numbered(words: list[str], i: int) -> bool:
    return any(w.isdigit() or w in NUMBER_WORDS for w in words[max(0, i - 3):i])


def _number(word: str) -> int | None:
    if word.isdigit():
        return max(1, min(40, int(word)))
    return NUMBER_WORDS.get(word)


def _count_before(words: list[str], i: int) -> int:
    """The number in front of the phrase at ``i``; "two rows of three desks" -> 6."""
    for back in (1, 2, 3):
        if i - back < 0:
            break
        n = _number(words[i - back])
        if n is not None:
            j = i - back
            if j >= 3 and words[j - 1] == "of" and words[j - 2] in ARRAYS:
                n *= _number(words[j - 3]) or 1
            return max(1, min(40, n))
    return 1
