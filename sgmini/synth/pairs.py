"""Edit pairs (scene + instruction -> edit statements) and repair pairs (broken script +
diagnostics -> fixed script), made from a clean plan and verified by the compiler."""

from __future__ import annotations

import copy
import random
import re

from .furnish import Furnisher
from .layout import CORNERS, SIDES, IdMaker, Plan, catalog
from .prompts import PromptWriter, article, corner_phrase, relation_text, side_phrase, surface_text
from .recipes import room_categories

NOT_TABLES = ("chair", "stool", "seat", "sofa", "bed", "bench", "ottoman", "rug", "mat", "recliner", "chaise",
              "bag", "couch")
REF = re.compile(r"\b(?:of|with|around|behind)\s+([A-Za-z_][A-Za-z0-9_]*)")


def referenced(plan: Plan) -> set[str]:
    """Ids that another statement's placement names."""
    out: set[str] = set()
    for r in plan.rooms:
        for o in r.objects:
            out.update(REF.findall(o.clauses))
    return out


def _floor_singles(plan: Plan):
    for r in plan.rooms:
        for o in r.objects:
            if o.n == 1 and not catalog().get(o.cat).ground:
                yield r, o


def make_edit(plan: Plan, rng: random.Random, compile_ok) -> tuple[str, str, Plan] | None:
    """(instruction, edit statements, edited plan) for one random edit, checked by ``compile_ok``."""
    base_script = plan.script()
    for _ in range(4):
        p = copy.deepcopy(plan)
        ids = IdMaker()
        ids.reserve(p.ids())
        kind = rng.choice(["remove", "remove", "move", "move", "rotate", "replace", "replace", "add", "add", "add",
                           "on", "on", "wall", "ceiling"])
        got = _edit(kind, p, rng, ids)
        if got is None:
            continue
        instruction, edit = got
        if compile_ok(base_script + edit):
            return instruction, edit, p
    return None


def _edit(kind: str, p: Plan, rng: random.Random, ids: IdMaker):
    singles = list(_floor_singles(p))
    refs = referenced(p)
    w = PromptWriter(p, rng)
    if kind == "remove":
        cands = [(r, o) for r, o in singles if o.id not in refs]
        cands += [(r, o) for r in p.rooms for o in r.objects if o.n > 1 and o.id not in refs]
        items = [(r, it) for r in p.rooms for o in r.objects for it in o.on_top]
        if not cands and not items:
            return None
        if items and (not cands or rng.random() < 0.25):
            r, it = rng.choice(items)
            name = w.name(it.id)
            instr = rng.choice([f"Remove the {name}.", f"Take the {name} away.", f"Get rid of the {name}.",
                                f"Delete the {name}.", f"No {name}, please."])
            for o in r.objects:
                if it in o.on_top:
                    o.on_top.remove(it)
            return instr, f"remove {it.id}\n"
        r, o = rng.choice(cands)
        name = w.name(o.id)
        if o.n > 1:
            nm = w.namer.noun(o.cat)
            instr = rng.choice([f"Remove the {nm}s.", f"Take out all the {nm}s.", f"Get rid of the {nm}s."])
        else:
            instr = rng.choice([f"Remove the {name}.", f"Get rid of the {name}.", f"Take the {name} out.",
                                f"Delete the {name}.", f"I don't want the {name} any more.",
                                f"Remove the {name} from the room."])
        r.objects.remove(o)
        return instr, f"remove {o.id}\n"
    if kind == "move":
        if not singles:
            return None
        r, o = rng.choice(singles)
        name = w.name(o.id)
        if rng.random() < 0.7:
            side = rng.choice([s for s in SIDES if s != o.wall])
            s = side_phrase(side, rng)
            instr = rng.choice([f"Move the {name} to the {s}.", f"Put the {name} against the {s} instead.",
                                f"Push the {name} against the {s}.", f"Move the {name} over to the {s}.",
                                f"Place the {name} along the {s}."])
            o.clauses = f"against {side} wall"
            o.wall = side
            return instr, f"move {o.id} against {side} wall\n"
        c = rng.choice(CORNERS)
        cp = corner_phrase(c, rng)
        instr = rng.choice([f"Move the {name} into the {cp}.", f"Put the {name} in the {cp}.",
                            f"Shift the {name} to the {cp}."])
        o.clauses = f"in {c} corner"
        return instr, f"move {o.id} in {c} corner\n"
    if kind == "rotate":
        if not singles:
            return None
        r, o = rng.choice(singles)
        d = rng.choice([s for s in SIDES if s != o.facing])
        name = w.name(o.id)
        instr = rng.choice([f"Turn the {name} to face {d}.", f"Rotate the {name} so it faces {d}.",
                            f"Make the {name} face {d}.", f"Turn the {name} around to face {d}."])
        o.facing = d
        return instr, f"rotate {o.id} facing {d}\n"
    if kind == "replace":
        if not singles:
            return None
        r, o = rng.choice(singles)
        fam = catalog().get(o.cat).family
        pool = [c.name for c in catalog().categories.values() if c.placement == "floor" and c.name != o.cat and
                (c.family == fam or r.type in c.rooms) and not c.ground]
        if not pool:
            return None
        new = rng.choice(pool)
        old_name = w.name(o.id)
        new_name = w.namer.noun(new)
        instr = rng.choice([f"Replace the {old_name} with {article(new_name)} {new_name}.",
                            f"Swap the {old_name} for {article(new_name)} {new_name}.",
                            f"Change the {old_name} into {article(new_name)} {new_name}.",
                            f"Use {article(new_name)} {new_name} instead of the {old_name}."])
        o.cat = new
        p.facts = [("obj", x[1], new, x[3]) if x[0] == "obj" and x[1] == o.id else x for x in p.facts]
        return instr, f"replace {o.id} with {new}\n"
    room = rng.choice(p.rooms)
    if room.poly is not None:
        return None
    f = Furnisher(p, room, ids, rng)
    before = len(p.facts)
    if kind == "add":
        pool = [c for c in room_categories(room.type, "floor") if not catalog().get(c).ground and c != "car"]
        if not pool:
            return None
        cat = rng.choice(pool)
        singles_here = [o for o in room.objects if o.n == 1]
        mode = rng.random()
        obj = None
        if mode < 0.4:
            obj = f.against(cat)
        elif mode < 0.6:
            obj = f.corner(cat)
        elif singles_here:
            anchor = rng.choice(singles_here)
            obj = f.beside(anchor, cat, rng.choice(["left", "right"]), gap=rng.choice([0, 1]))
        if obj is None:
            return None
        new_facts = p.facts[before:]
        w = PromptWriter(p, rng)
        rels = [x for x in new_facts if x[0] in ("against", "corner", "left_of", "right_of")]
        rel = relation_text(rels[0], w.name, rng) if rels and rng.random() < 0.9 else ""
        if rels and rels[0][0] in ("left_of", "right_of") and rng.random() < 0.3:
            rel = rng.choice([f"next to the {w.name(rels[0][2])}", f"beside the {w.name(rels[0][2])}"])
        verb = rng.choice(["Add", "Put", "Place", "Add", "I'd like", "Also add"])
        instr = f"{verb} {w.np(obj.id)} {rel}".strip() + "."
        return instr, f"in {room.id} {{\nobject {obj.id} {obj.cat} {obj.clauses}\n}}\n"
    if kind == "on":
        parents = [o for o in room.objects if o.n == 1 and not o.on_top and catalog().get(o.cat).top_height()
                   and catalog().get(o.cat).top_height() < 1.3 and not any(w in o.cat for w in NOT_TABLES)]
        pool = room_categories(room.type, "surface") or ["vase", "book", "small_plant", "table_lamp"]
        if not parents:
            return None
        parent = rng.choice(parents)
        items = f.on_top(parent, [rng.choice(pool)])
        if not items:
            return None
        it = items[0]
        w = PromptWriter(p, rng)
        verb = rng.choice(["Put", "Place", "Add", "Set", "Put"])
        instr = f"{verb} {w.np(it.id)} {surface_text(('on', it.id, parent.id), w.name, rng)}."
        return instr, f"on {parent.id} {{\nobject {it.id} {it.cat} {it.clauses}\n}}\n"
    if kind == "wall":
        pool = [c for c in room_categories(room.type, "wall") if c not in ("door", "window", "curtain", "urinal",
                                                                           "range_hood")] or ["painting", "clock"]
        cat = rng.choice(pool)
        against = [o for o in room.objects if o.n == 1 and o.wall]
        anchor = rng.choice(against) if against and rng.random() < 0.5 else None
        it = f.wall_item(cat, above=anchor)
        if it is None:
            return None
        side = [x for x in p.facts[before:] if x[0] == "on_wall"][0][2]
        w = PromptWriter(p, rng)
        rel = surface_text(("above", it.id, anchor.id), w.name, rng) if anchor is not None else \
            surface_text(("on_wall", it.id, side), w.name, rng)
        verb = rng.choice(["Hang", "Mount", "Put", "Add"])
        instr = f"{verb} {w.np(it.id)} {rel}."
        return instr, f"in {room.id} {{\non {side} wall {{\nobject {it.id} {it.cat} {it.clauses}\n}}\n}}\n"
    if kind == "ceiling":
        tables = [o for o in room.objects if o.n == 1 and o.cat in ("dining_table", "kitchen_island", "table",
                                                                    "pool_table", "conference_table", "bed")]
        over = rng.choice(tables) if tables and rng.random() < 0.5 else None
        cat = rng.choice(["ceiling_light", "pendant_light", "chandelier", "ceiling_fan"])
        it = f.ceiling_item(cat, over=over)
        if it is None:
            return None
        w = PromptWriter(p, rng)
        rel = surface_text(("over", it.id, over.id), w.name, rng) if over is not None else \
            surface_text(("ceiling", it.id), w.name, rng)
        instr = f"{rng.choice(['Hang', 'Add', 'Put', 'Install'])} {w.np(it.id)} {rel}."
        return instr, f"in {room.id} {{\non ceiling {{\nobject {it.id} {it.cat} {it.clauses}\n}}\n}}\n"
    return None


# ---- repair pairs ---------------------------------------------------------------------------------------

TYPOS = {"object": ["objet", "obejct", "ojbect"], "against": ["agains", "aginst", "againts"],
         "north": ["nort", "noth"], "south": ["sout", "souh"], "east": ["eas", "est"], "west": ["wset", "wst"],
         "room": ["rom", "roon"], "corner": ["coner", "cornr"], "facing": ["facin", "facng"]}


def make_repair(script: str, rng: random.Random, diagnose) -> tuple[str, str] | None:
    """(broken script, its diagnostics) whose fix is ``script``; ``diagnose(text)`` -> diagnostic lines."""
    lines = script.splitlines()
    kind = rng.choice(["typo", "typo", "category", "cells", "collide", "collide", "reference"])
    idx = [i for i, l in enumerate(lines) if l.startswith(("object ", "group "))]
    if not idx:
        return None
    i = rng.choice(idx)
    line = lines[i]
    words = line.split(" ")
    if kind == "typo":
        cands = [j for j, wd in enumerate(words) if wd in TYPOS]
        if not cands:
            return None
        j = rng.choice(cands)
        words[j] = rng.choice(TYPOS[words[j]])
    elif kind == "category":
        cat = words[3] if words[0] == "group" else words[2]
        j = 3 if words[0] == "group" else 2
        if len(cat) < 4:
            return None
        k = rng.randrange(1, len(cat) - 1)
        words[j] = cat[:k] + cat[k + 1:] if rng.random() < 0.5 else cat[:k] + cat[k] + cat[k:]
    elif kind == "cells":
        m = re.search(r"\bat (\d+),(\d+)", line)
        if not m:
            return None
        x, y = int(m.group(1)), int(m.group(2))
        line2 = line.replace(m.group(0), f"at {x / 10:g}.5,{y / 10:g}" if x % 10 == 0 else f"at {x / 10:g},{y / 10:g}")
        if "." not in line2:
            return None
        lines[i] = line2
        words = line2.split(" ")
    elif kind == "collide":
        others = [lines[k].split(" ")[1] for k in idx if k != i and lines[k].startswith("object ")]
        if not others:
            return None
        target = rng.choice(others)
        head = words[:3] if words[0] == "object" else words[:4]
        lines[i] = " ".join(head) + f" {rng.choice(['left of', 'right of', 'in front of'])} {target}"
        broken = "\n".join(lines) + "\n"
        diags = diagnose(broken)
        if not diags or "collision" not in diags:
            return None
        return broken, diags
    elif kind == "reference":
        m = re.search(r"\b(of|with|around) ([A-Za-z_][A-Za-z0-9_]*)", line)
        if not m:
            return None
        ref = m.group(2)
        lines[i] = line.replace(m.group(0), f"{m.group(1)} {ref}{rng.choice(['s', 'x', '_a'])}")
        words = lines[i].split(" ")
    lines[i] = " ".join(words)
    broken = "\n".join(lines) + "\n"
    if broken == script:
        return None
    diags = diagnose(broken)
    if not diags:
        return None
    return broken, diags
