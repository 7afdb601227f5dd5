"""Electronics: screens face the front (+y); computers, audio, phones, office machines."""

from __future__ import annotations


from ..meshes import register, register_family
from .common import caster
from .core import (BLACK_METAL, CHROME, PLASTIC_BLACK, PLASTIC_GREY, PLASTIC_WHITE, RUBBER, SCREEN, Builder,
                   Material, box, cbox, cylinder, ellipsoid, mat, prism, rod, rounded_rect, transform)
from .appliances import front_disc

DARK = mat("device", "#26272a", 0.3, 0.35)
SILVER = mat("aluminium", "#c9ccd0", 1.0, 0.3)
LED_BLUE = mat("led", "#5fa8e8", roughness=0.3)


def casing(b: Builder, default: Material = DARK) -> Material:
    b.primary("body")
    if b.style.colour:
        name, rgb = b.style.colour
        return Material(f"device_{name}", (*rgb, 1.0), 0.1, 0.4)
    if b.style.metal is not None:
        return b.style.metal
    return default


@register("tv", "wall_tv", "computer_monitor")
def screen(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    frame = casing(b)
    bezel = 0.012 if b.category != "computer_monitor" else 0.01
    panel_t = 0.03 if b.category != "wall_tv" else d * 0.6
    if b.category == "wall_tv":
        b.box("panel", frame, -w / 2, -d / 2 + (d - panel_t), 0, w / 2, d / 2, h)
        b.box("mount", BLACK_METAL, -w * 0.15, -d / 2, h * 0.3, w * 0.15, -d / 2 + (d - panel_t), h * 0.7)
        b.box("screen", SCREEN, -w / 2 + bezel, d / 2, bezel, w / 2 - bezel, d / 2 + 0.0005, h - bezel)
        return
    # a stand: foot plate and neck behind the panel
    panel_z = h * 0.12 if b.category == "tv" else h * 0.25
    y_panel = 0.0 if b.category == "tv" else -d * 0.1
    b.add("stand", frame, prism(rounded_rect(w * (0.35 if b.category == "tv" else 0.4), d * 0.8, 0.02), 0, 0.015))
    b.box("stand", frame, -0.03, y_panel - panel_t / 2 - 0.02, 0.015, 0.03, y_panel - panel_t / 2, panel_z + 0.1)
    b.box("panel", frame, -w / 2, y_panel - panel_t / 2, panel_z, w / 2, y_panel + panel_t / 2, h)
    b.box("screen", SCREEN, -w / 2 + bezel, y_panel + panel_t / 2, panel_z + bezel, w / 2 - bezel,
          y_panel + panel_t / 2 + 0.0008, h - bezel)
    b.add("led", LED_BLUE, cbox(w / 2 - 0.03, y_panel + panel_t / 2, panel_z + 0.003, 0.006, 0.001, 0.004))
    if b.category == "tv":  # legs of the foot plate reach the full depth
        for sx in (-1, 1):
            b.box("stand", frame, sx * w * 0.3 - 0.02, -d / 2, 0, sx * w * 0.3 + 0.02, d / 2, 0.012)


@register("laptop")
def laptop(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    shell_m = casing(b, SILVER)
    base_t = min(0.018, h * 0.1)
    b.add("base", shell_m, prism(rounded_rect(w, d, 0.01), 0, base_t))
    b.box("keyboard", PLASTIC_BLACK, -w * 0.42, -d * 0.3, base_t, w * 0.42, d * 0.15, base_t + 0.0008)
    b.box("trackpad", shell_m.tinted(0.9, "trackpad"), -w * 0.12, d * 0.2, base_t, w * 0.12, d * 0.44, base_t + 0.0005)
    tilt = 18.0
    lid = transform(box(-w / 2, -0.006, 0, w / 2, 0.0, h - base_t), rot_x=tilt, move=(0, -d / 2 + 0.006, base_t))
    b.add("lid", shell_m, lid)
    scr = transform(box(-w / 2 + 0.01, 0.0, 0.012, w / 2 - 0.01, 0.0008, h - base_t - 0.012), rot_x=tilt,
                    move=(0, -d / 2 + 0.006, base_t))
    b.add("screen", SCREEN, scr)


@register("keyboard", "mouse", "remote_control", "phone", "tablet")
def handheld(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    if c == "keyboard":
        body = casing(b, PLASTIC_GREY.tinted(0.5, "keyboard"))
        b.add("body", body, transform(box(-w / 2, -d / 2, 0, w / 2, d / 2, h * 0.6), rot_x=0))
        cols, rows = 14, 5
        for i in range(cols):
            for j in range(rows):
                x0 = -w / 2 + 0.01 + (w - 0.02) * i / cols
                y0 = -d / 2 + 0.01 + (d - 0.02) * j / rows
                b.add("keys", PLASTIC_WHITE.tinted(0.95, "keys") if body.rgba[0] < 0.3 else PLASTIC_BLACK,
                      box(x0 + 0.002, y0 + 0.002, h * 0.6, x0 + (w - 0.02) / cols - 0.002, y0 + (d - 0.02) / rows - 0.002, h))
        return
    if c == "mouse":
        body = casing(b, PLASTIC_BLACK)
        b.add("body", body, ellipsoid(0, 0, 0, w / 2, d / 2, h, 16, 6, cut=0))
        b.box("wheel", PLASTIC_GREY, -0.003, d * 0.15, h * 0.7, 0.003, d * 0.3, h * 0.98)
        return
    if c == "remote_control":
        body = casing(b, PLASTIC_BLACK)
        b.add("body", body, prism(rounded_rect(w, d, w * 0.3), 0, h))
        for j in range(6):
            for i in range(3):
                b.add("buttons", PLASTIC_GREY if j else mat("power", "#c23a35"),
                      cylinder(-w * 0.25 + i * w * 0.25, d * 0.35 - j * d * 0.1, h - 0.0005, h, 0.004, 6))
        return
    body = casing(b, PLASTIC_BLACK)
    b.add("body", body, prism(rounded_rect(w, d, min(w, d) * 0.12, 4), 0, h))
    b.add("screen", SCREEN.tinted(1.5, "screen_glow"), prism(rounded_rect(w - 0.01, d - 0.03, 0.004), h - 0.0003, h))


@register("desktop_computer", "game_console", "router", "stereo", "record_player", "cash_register", "printer",
          "photocopier", "paper_shredder", "projector", "server_rack")
def boxes(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    body = casing(b, DARK if c not in ("printer", "photocopier", "game_console", "projector") else PLASTIC_WHITE)
    if c == "desktop_computer":
        b.add("case", body, box(-w / 2, -d / 2, 0.01, w / 2, d / 2, h))
        b.box("front", PLASTIC_BLACK, -w / 2 + 0.01, d / 2, 0.02, w / 2 - 0.01, d / 2 + 0.0005, h - 0.01)
        b.add("power", LED_BLUE, front_disc(0, d / 2, h - 0.05, 0.008, 0.002))
        for x in (-w / 2 + 0.03, w / 2 - 0.03):
            for y in (-d / 2 + 0.04, d / 2 - 0.04):
                b.add("feet", RUBBER, cbox(x, y, 0, 0.02, 0.02, 0.01))
        return
    if c == "game_console":
        b.add("body", body, prism(rounded_rect(w, d, 0.02), 0, h))
        b.box("stripe", PLASTIC_BLACK, -w / 2, -d * 0.05, h * 0.3, w / 2, d * 0.05, h)
        b.box("slot", PLASTIC_BLACK, -w * 0.3, d / 2 - 0.0005, h * 0.5, w * 0.2, d / 2, h * 0.6)
        return
    if c == "router":
        b.add("body", body, prism(rounded_rect(w, d, 0.02), 0, h * 0.35))
        for i in range(4):
            x = -w * 0.4 + i * w * 0.27
            b.add("antennas", PLASTIC_BLACK, rod((x, -d / 2 + 0.01, h * 0.3), (x, -d / 2 + 0.01, h), 0.005, 6))
        for i in range(5):
            b.add("leds", LED_BLUE, cbox(-w * 0.3 + i * w * 0.12, d / 2 - 0.0005, h * 0.15, 0.006, 0.001, 0.004))
        return
    if c == "stereo":
        b.add("body", body, box(-w / 2, -d / 2, 0, w / 2, d / 2, h))
        b.box("display", mat("lcd", "#3fb0aa", roughness=0.2), -w * 0.2, d / 2, h * 0.5, w * 0.2, d / 2 + 0.0005, h * 0.8)
        for sx in (-1, 1):
            b.add("knobs", CHROME, front_disc(sx * w * 0.38, d / 2, h * 0.5, min(0.025, h * 0.3), 0.015))
        return
    if c == "record_player":
        plinth = b.wood("walnut") if not b.style.colour else body
        b.add("plinth", plinth, box(-w / 2, -d / 2, 0, w / 2, d / 2, h * 0.55))
        r = min(w, d) * 0.42
        b.add("platter", CHROME, cylinder(-w * 0.08, 0, h * 0.55, h * 0.65, r, 32))
        b.add("record", mat("vinyl", "#111111", roughness=0.2), cylinder(-w * 0.08, 0, h * 0.65, h * 0.7, r * 0.97, 32))
        b.add("label", mat("label", "#c23a35"), cylinder(-w * 0.08, 0, h * 0.7, h * 0.705, r * 0.3, 16))
        b.add("tonearm", CHROME, cylinder(w * 0.38, -d * 0.3, h * 0.55, h * 0.9, 0.015, 8),
              rod((w * 0.38, -d * 0.3, h * 0.88), (w * 0.02, d * 0.15, h * 0.75), 0.005, 6))
        b.add("lid", mat("dust_cover", "#bfdbe6", roughness=0.05, alpha=0.25), box(-w / 2, -d / 2, h - 0.004, w / 2, d / 2, h))
        return
    if c == "cash_register":
        b.add("drawer", body, box(-w / 2, -d / 2, 0, w / 2, d / 2, h * 0.35))
        b.add("keypad", body, transform(box(-w * 0.4, -d * 0.1, 0, w * 0.4, d * 0.4, h * 0.15), rot_x=-12, move=(0, 0, h * 0.35)))
        b.box("display", SCREEN, -w * 0.3, -d * 0.4, h * 0.4, w * 0.3, -d * 0.35, h)
        return
    if c == "printer":
        b.add("body", body, prism(rounded_rect(w, d, 0.02), 0, h * 0.85))
        b.box("scanner_lid", PLASTIC_GREY, -w / 2, -d / 2, h * 0.85, w / 2, d / 2, h)
        b.box("tray", PLASTIC_GREY, -w * 0.35, d / 2 - 0.02, h * 0.2, w * 0.35, d / 2, h * 0.24)
        b.box("paper", mat("paper", "#f5f3ec", roughness=0.9), -w * 0.3, d / 2 - 0.08, h * 0.24, w * 0.3, d / 2 - 0.01, h * 0.25)
        b.box("panel", SCREEN, w * 0.15, d / 2 - 0.02, h * 0.6, w * 0.4, d / 2, h * 0.75)
        return
    if c == "photocopier":
        b.add("body", body, box(-w / 2, -d / 2, 0.08, w / 2, d / 2, h * 0.9))
        b.add("lid", PLASTIC_GREY, box(-w / 2, -d / 2, h * 0.9, w / 2, d / 2, h))
        for k in range(3):
            z = 0.1 + k * (h * 0.55) / 3
            b.box("trays", PLASTIC_GREY, -w / 2 + 0.02, d / 2 - 0.0, z, w / 2 - 0.02, d / 2 + 0.0005, z + h * 0.15)
            b.box("handles", PLASTIC_BLACK, -w * 0.15, d / 2 + 0.0005, z + h * 0.1, w * 0.15, d / 2 + 0.001, z + h * 0.12)
        b.box("panel", SCREEN, w * 0.1, d / 2 - 0.15, h * 0.9, w * 0.45, d / 2 - 0.02, h)
        for sx in (-1, 1):
            for sy in (-1, 1):
                caster(b, sx * (w / 2 - 0.06), sy * (d / 2 - 0.06), 0.04)
        return
    if c == "paper_shredder":
        b.add("bin", body, prism(rounded_rect(w, d, 0.02), 0, h * 0.8))
        b.add("head", PLASTIC_BLACK, prism(rounded_rect(w, d, 0.02), h * 0.8, h))
        b.box("slot", mat("slot", "#000000"), -w * 0.35, -0.003, h - 0.0005, w * 0.35, 0.003, h)
        b.box("window", mat("window", "#bfdbe6", roughness=0.05, alpha=0.4), -w * 0.3, d / 2 - 0.0005, h * 0.2, w * 0.3, d / 2,
              h * 0.6)
        return
    if c == "projector":
        # hangs from the ceiling: a mount rod to z = h, the body at the bottom, lens to the front
        bh = min(h * 0.45, 0.14)
        b.add("body", body, prism(rounded_rect(w, d, 0.03), 0, bh))
        b.add("lens", mat("lens", "#1a2430", 0.3, 0.1), front_disc(w * 0.2, d / 2 - 0.005, bh / 2, bh * 0.35, 0.005))
        b.add("mount", BLACK_METAL, cylinder(0, 0, bh, h - 0.01, 0.015, 8), cylinder(0, 0, h - 0.01, h, 0.06, 12))
        return
    # server rack
    b.add("cabinet", body, box(-w / 2, -d / 2, 0.05, w / 2, d / 2, h))
    b.box("door", mat("mesh_door", "#1a1b1d", 0.4, 0.6), -w / 2 + 0.02, d / 2, 0.07, w / 2 - 0.02, d / 2 + 0.0005, h - 0.03)
    n = int((h - 0.15) / 0.09)
    for k in range(n):
        z = 0.1 + k * 0.09
        b.box("servers", PLASTIC_GREY.tinted(0.5, "server"), -w / 2 + 0.05, d / 2 + 0.0005, z, w / 2 - 0.05, d / 2 + 0.001, z + 0.07)
        b.add("leds", LED_BLUE if k % 3 else mat("led_green", "#5fe87a", roughness=0.3),
              cbox(w / 2 - 0.09, d / 2 + 0.001, z + 0.03, 0.01, 0.0005, 0.008))
    for sx in (-1, 1):
        for sy in (-1, 1):
            caster(b, sx * (w / 2 - 0.05), sy * (d / 2 - 0.06), 0.025)


@register("speaker", "floor_speaker", "subwoofer", "soundbar", "amplifier")
def audio(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    c = b.category
    body = casing(b, b.wood("walnut") if b.style.wood else DARK)
    grille = mat("grille", "#1c1c1e", roughness=0.9)
    if c == "soundbar":
        b.add("body", body, prism(rounded_rect(w, d, d * 0.4, 4), 0, h))
        b.box("grille", grille, -w / 2 + 0.02, d / 2 - 0.004, h * 0.15, w / 2 - 0.02, d / 2 - 0.002, h * 0.85)
        return
    if c == "amplifier":
        b.add("cabinet", body, box(-w / 2, -d / 2, 0, w / 2, d / 2, h))
        b.box("grille", grille, -w / 2 + 0.02, d / 2, 0.02, w / 2 - 0.02, d / 2 + 0.0005, h * 0.75)
        b.box("panel", mat("gold_panel", "#c9a646", 0.8, 0.35), -w / 2 + 0.02, d / 2, h * 0.78, w / 2 - 0.02, d / 2 + 0.0005,
              h - 0.02)
        for i in range(5):
            b.add("knobs", PLASTIC_BLACK, front_disc(-w * 0.35 + i * w * 0.17, d / 2 + 0.0005, h * 0.87, 0.012, 0.012))
        b.box("handle", PLASTIC_BLACK, -w * 0.2, -0.02, h - 0.001, w * 0.2, 0.02, h)
        return
    b.add("cabinet", body, box(-w / 2, -d / 2, 0, w / 2, d / 2, h))
    if c == "subwoofer":
        r = min(w, h) * 0.4
        b.add("cone", grille, front_disc(0, d / 2, h / 2, r, 0.002))
        b.add("cap", PLASTIC_GREY, front_disc(0, d / 2 + 0.002, h / 2, r * 0.3, 0.003))
        return
    drivers = [(0.78, 0.12), (0.45, 0.3)] if c == "speaker" else [(0.9, 0.06), (0.72, 0.28), (0.45, 0.28), (0.18, 0.28)]
    for zf, rf in drivers:
        r = min(w * rf * (1.4 if c == "speaker" else 1.6), w * 0.42)
        b.add("drivers", grille, front_disc(0, d / 2, h * zf, r, 0.002))
        b.add("dust_caps", PLASTIC_GREY, front_disc(0, d / 2 + 0.002, h * zf, r * 0.3, 0.002))


@register("telephone", "hair_dryer")
def small_devices(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    if b.category == "telephone":
        body = casing(b, PLASTIC_BLACK)
        b.add("base", body, transform(box(-w / 2, -d / 2, 0, w / 2, d / 2, h * 0.5), rot_x=0))
        b.add("handset", body.tinted(1.2, "handset"), box(-w / 2, -d * 0.35, h * 0.5, w / 2, -d * 0.05, h))
        for i in range(3):
            for j in range(4):
                b.add("keys", PLASTIC_GREY, cbox(-w * 0.15 + i * w * 0.15, d * 0.05 + j * d * 0.1, h * 0.5, w * 0.1, d * 0.07, 0.004))
        return
    body = casing(b, mat("dryer_pink", "#e3a1ad", 0.1, 0.4))
    r = min(d, h) * 0.45
    b.add("body", body, transform(cylinder(0, 0, 0, w * 0.75, r, 16), rot_y=90, move=(-w / 2, 0, h - r)))
    b.add("nozzle", PLASTIC_BLACK, transform(cylinder(0, 0, 0, w * 0.25, r * 0.7, 12, r * 0.55), rot_y=90,
                                             move=(-w / 2 + w * 0.75, 0, h - r)))
    b.add("handle", body, rod((-w * 0.1, 0, h - r), (-w * 0.05, 0, 0.0), r * 0.6, 10))


@register("projector_screen")
def projector_screen(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    b.add("case", PLASTIC_WHITE, transform(cylinder(0, 0, -w / 2, w / 2, d * 0.45, 12), rot_y=90, move=(0, 0, h - d * 0.45)))
    b.box("screen", mat("screen_white", "#f7f7f5", roughness=0.9), -w / 2 + 0.04, -0.002, 0.02, w / 2 - 0.04, 0.002, h - d * 0.9)
    b.box("border", PLASTIC_BLACK, -w / 2 + 0.04, -0.003, h * 0.1, -w / 2 + 0.08, 0.003, h - d * 0.9)
    b.box("border", PLASTIC_BLACK, w / 2 - 0.08, -0.003, h * 0.1, w / 2 - 0.04, 0.003, h - d * 0.9)
    b.box("weight_bar", PLASTIC_BLACK, -w / 2 + 0.04, -0.008, 0.0, w / 2 - 0.04, 0.008, 0.02)


@register_family("electronics")
def electronics_family(b: Builder) -> None:
    w, d, h = b.w, b.d, b.h
    body = casing(b)
    b.add("body", body, prism(rounded_rect(w, d, min(w, d) * 0.1), 0, h))
    b.box("front", SCREEN, -w * 0.35, d / 2 - 0.0005, h * 0.3, w * 0.35, d / 2, h * 0.8)


__all__ = ["screen", "laptop"]
