"""Compiler speed: parse + compile + every check, for scenes of ~100 to 2,000+ objects.

Scenes are grids of furnished bedrooms joined by doors (about 20 objects a room).
Run: ``python eval/bench_compiler.py --json``; the last line is
``{"rows": [{"objects": N, "rooms": R, "ms": median wall, "ms_cpu": median CPU, ...}, ...]}``.
CPU time is the steadier figure when other processes share the cores.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from compiler import compile_text

ROOM = """room r{i}_{j} bedroom rect {x},{y} 50x40 {{
  door d{i}_{j}w on west wall offset 10 width 9
  door d{i}_{j}s on south wall offset 10 width 9
  window w{i}_{j} on north wall offset 24 width 12
  object bed{i}_{j} bed against north wall offset 28
  object nsl{i}_{j} nightstand left of bed{i}_{j}
  object nsr{i}_{j} nightstand right of bed{i}_{j}
  object ward{i}_{j} wardrobe against west wall offset 28
  object desk{i}_{j} desk against east wall offset 22
  object chair{i}_{j} office_chair in front of desk{i}_{j} gap 1
  object shelf{i}_{j} bookshelf against south wall offset 40
  object rug{i}_{j} rug at 30,13
  object plant{i}_{j} plant against west wall offset 20
  object dresser{i}_{j} dresser against south wall offset 25
  on desk{i}_{j} {{
    object lamp{i}_{j} table_lamp at 2,3
    object laptop{i}_{j} laptop at 7,3
  }}
  on nsl{i}_{j} {{
    object cup{i}_{j} cup centered
  }}
  on shelf{i}_{j} shelf 2 {{
    group books{i}_{j} 3 book row centered
  }}
  on north wall {{
    object paint{i}_{j} painting at 12,16
  }}
  on ceiling {{
    object light{i}_{j} ceiling_light centered
  }}
}}
"""


def scene_script(rooms: int) -> str:
    """A scene of ``rooms`` furnished rooms laid out on a square-ish grid."""
    cols = max(1, round(rooms ** 0.5))
    parts = ['scene "bench" cell 0.1\n']
    for k in range(rooms):
        i, j = divmod(k, cols)
        parts.append(ROOM.format(i=i, j=j, x=j * 50, y=i * 40))
    return "\n".join(parts)


def measure(rooms: int, repeats: int) -> dict:
    text = scene_script(rooms)
    result = compile_text(text)  # warm-up, and the object count
    assert result.scene is not None
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        compile_text(text)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    objects = len(result.scene.objects)
    ms, ms_cpu = statistics.median(wall), statistics.median(cpu)
    errors = sum(d.severity == "error" for d in result.diagnostics)
    return {"objects": objects, "rooms": rooms, "ms": round(ms, 1), "ms_cpu": round(ms_cpu, 1),
            "ms_per_object": round(ms / objects, 3), "cpu_ms_per_object": round(ms_cpu / objects, 3),
            "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, nargs="+", default=[5, 25, 50, 100])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the JSON line only")
    args = parser.parse_args()
    rows = []
    for rooms in args.rooms:
        row = measure(rooms, args.repeats)
        rows.append(row)
        if not args.json:
            print(f"{row['objects']:>6} objects {row['rooms']:>4} rooms {row['ms']:>9.1f} ms "
                  f"({row['ms_cpu']:.1f} ms CPU) {row['cpu_ms_per_object']:.3f} CPU ms/object "
                  f"({row['errors']} errors)")
    print(json.dumps({"rows": rows}))


if __name__ == "__main__":
    main()
