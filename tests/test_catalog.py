"""Tests for the object catalog (assets/)."""
from __future__ import annotations

import textwrap

import pytest

from assets import Catalog, Category, Surface, load_catalog
from assets.catalog import CatalogError, _words


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


PHRASES = {
    "couch": "sofa", "settee": "sofa", "loveseat": "sofa", "a two-seater sofa": "sofa",
    "fridge": "refrigerator", "fridge-freezer": "refrigerator",
    "bedside table": "nightstand", "night stand": "nightstand", "bedside cabinet": "nightstand",
    "a pair of nightstands": "nightstand",
    "queen size bed": "bed", "a queen-size wooden bed": "bed", "king bed": "bed", "single bed": "bed",
    "chairs": "chair", "a chair": "chair",
    "a small round coffee table": "coffee_table", "glass coffee table": "coffee_table",
    "bookcase": "bookshelf", "book case": "bookshelf", "bookshelves": "bookshelf",
    "tv": "tv", "television": "tv", "telly": "tv", "TVs": "tv", "wall mounted tv": "wall_tv",
    "hospital bed": "hospital_bed", "IV pole": "iv_stand", "crash cart": "medical_cart",
    "exam table": "examination_table", "wheelchairs": "wheelchair", "folding screen": "privacy_screen",
    "barber chair": "salon_chair", "shampoo bowl": "hair_wash_basin", "styling station": "styling_station",
    "pool table": "pool_table", "billiard table": "pool_table", "arcade cabinet": "arcade_machine",
    "table football": "foosball_table", "dart board": "dartboard", "gaming chair": "gaming_chair",
    "running machine": "treadmill", "spin bike": "exercise_bike", "bench press": "weight_bench",
    "weight rack": "dumbbell_rack", "exercise mat": "yoga_mat",
    "desk chair": "office_chair", "meeting table": "conference_table", "file cabinet": "filing_cabinet",
    "white board": "whiteboard", "laser printer": "printer", "cubicle": "cubicle_partition",
    "front desk": "reception_desk", "blackboard": "chalkboard", "student desk": "school_desk",
    "barstool": "bar_stool", "bar": "bar_counter", "banquette": "booth",
    "upright piano": "piano", "acoustic guitar": "guitar", "drums": "drum_kit",
    "cot": "crib", "baby changing table": "changing_table", "work bench": "workbench", "tool chest": "tool_cabinet",
    "fire place": "fireplace", "armchair": "armchair", "wingback chair": "armchair",
    "computer": "laptop", "notebook computer": "laptop", "mug": "cup", "coffee cup": "cup",
    "washbasin": "bathroom_sink", "basin": "bathroom_sink", "kitchen sink": "sink", "sink": "sink",
    "oven": "stove", "cooker": "stove", "washer": "washing_machine", "tumble dryer": "dryer",
    "loo": "toilet", "bath tub": "bathtub", "shower stall": "shower", "towel rail": "towel_rack",
    "wardrobes": "wardrobe", "closet": "wardrobe", "chest of drawers": "chest_of_drawers",
    "chests of drawers": "chest_of_drawers", "dressing table": "vanity_table",
    "lamp": "table_lamp", "standing lamp": "floor_lamp", "ceiling lamp": "ceiling_light",
    "pendant lamp": "pendant_light", "sconce": "wall_lamp", "chandelier": "chandelier",
    "picture": "painting", "wall art": "painting", "carpet": "rug", "area rug": "rug", "welcome mat": "doormat",
    "potted plant": "plant", "houseplants": "plant", "succulent": "small_plant", "a small plant": "small_plant",
    "cacti": "small_plant", "shelves": "shelving_unit", "wall shelves": "wall_shelf", "benches": "bench",
    "boxes": "storage_box", "glasses": "glass", "books": "book", "vases": "vase", "flower vase": "vase",
    "coat stand": "coat_rack", "shoe cabinet": "shoe_rack", "doorway": "door", "windows": "window",
    "the big white wardrobe": "wardrobe", "Wooden Dining Chairs": "dining_chair", "L-shaped sofa": "sectional_sofa",
    "teacher's desk": "desk", "small high chair": "high_chair", "light blue armchair": "armchair",
    "coffee_table": "coffee_table", "  Modern  Oak  Sideboard ": "sideboard", "w.c.": "toilet",
    "tool box": "toolbox", "microwave oven": "microwave", "TV stand": "tv_stand", "entertainment center": "tv_stand",
}


def test_loads_and_is_wide(cat):
    assert len(cat) >= 150
    assert cat.names() == sorted(cat.names())
    assert all(isinstance(c, Category) for c in cat.categories.values())
    assert load_catalog() is cat  # the default catalog is cached


def test_every_placement_kind_present(cat):
    kinds = {c.placement for c in cat.categories.values()}
    assert kinds == {"floor", "wall", "ceiling", "surface"}


@pytest.mark.parametrize("name", [
    "bed", "nightstand", "sofa", "coffee_table", "tv", "tv_stand", "wall_tv", "desk", "office_chair",
    "dining_table", "dining_chair", "wardrobe", "bookshelf", "table_lamp", "floor_lamp", "ceiling_light",
    "painting", "rug", "plant", "refrigerator", "stove", "sink", "bathroom_sink", "toilet", "bathtub", "shower",
    "washing_machine", "laptop", "book", "cup", "vase", "armchair", "door", "window", "hospital_bed", "iv_stand",
    "medical_cart", "examination_table", "wheelchair", "privacy_screen", "salon_chair", "hair_wash_basin",
    "styling_station", "mirror", "pool_table", "arcade_machine", "foosball_table", "dartboard", "gaming_chair",
    "treadmill", "exercise_bike", "weight_bench", "dumbbell_rack", "yoga_mat", "conference_table",
    "filing_cabinet", "whiteboard", "printer", "cubicle_partition", "reception_desk", "bar_stool", "bar_counter",
    "booth", "piano", "guitar", "drum_kit", "crib", "changing_table", "workbench", "tool_cabinet", "fireplace",
])
def test_required_categories(cat, name):
    assert cat.get(name) is not None


def test_placements_and_flags(cat):
    g = cat.get
    for name in ["painting", "mirror", "wall_shelf", "wall_cabinet", "clock", "whiteboard", "coat_hook",
                 "towel_rack", "wall_tv", "door", "window"]:
        assert g(name).placement == "wall", name
    for name in ["ceiling_light", "ceiling_fan", "chandelier", "pendant_light"]:
        assert g(name).placement == "ceiling", name
    for name in ["cup", "laptop", "table_lamp", "tv", "book", "vase"]:
        assert g(name).placement == "surface", name
    assert g("door").family == "door" and g("window").family == "window"
    for name in ["rug", "yoga_mat", "doormat"]:
        assert g(name).ground, name
    for name in ["wardrobe", "bookshelf", "refrigerator"]:
        assert g(name).tall, name
    for c in cat.categories.values():
        assert not c.tall or (c.placement == "floor" and c.size[2] >= 1.0), c.name
        if c.placement == "floor" and c.size[2] > 1.2 and not c.ground:
            assert c.tall, c.name


def test_sizes_realistic(cat):
    for c in cat.categories.values():
        assert all(lo <= s <= hi for lo, s, hi in zip(c.min, c.size, c.max)), c.name
        assert max(c.size) <= 5.0, c.name
    bed, cup, desk = cat.get("bed"), cat.get("cup"), cat.get("desk")
    assert 1.3 <= bed.size[0] <= 1.8 and 1.9 <= bed.size[1] <= 2.2
    assert cup.size[2] < 0.2 and 0.7 <= desk.size[2] <= 0.78


def test_surfaces(cat):
    shelf = cat.get("bookshelf")
    assert shelf.shelf_levels() == sorted(shelf.shelf_levels()) and len(shelf.shelf_levels()) >= 4
    assert shelf.top_height() == pytest.approx(shelf.size[2])
    for name in ["desk", "nightstand", "dining_table", "coffee_table", "tv_stand", "dresser", "kitchen_counter"]:
        assert cat.get(name).top_height() == pytest.approx(cat.get(name).size[2]), name
    assert cat.get("wall_shelf").top_height() is not None
    assert cat.get("cup").top_height() is None and cat.get("cup").shelf_levels() == []
    assert isinstance(cat.get("wardrobe").surface("shelf"), Surface)
    assert cat.get("bed").surface("nope") is None


def test_synonyms_unique(cat):
    owner: dict[str, str] = {}
    for c in cat.categories.values():
        for syn in c.synonyms:
            key = "_".join(_words(syn))
            assert key not in cat.categories or key == c.name, (syn, c.name)
            assert owner.setdefault(key, c.name) == c.name, (syn, owner[key], c.name)


def test_names_and_synonyms_resolve_to_themselves(cat):
    for c in cat.categories.values():
        assert c.name.islower() and " " not in c.name
        for phrase in [c.name, c.name.replace("_", " "), *c.synonyms]:
            assert cat.resolve(phrase) is c, phrase


@pytest.mark.parametrize("phrase,expected", sorted(PHRASES.items()))
def test_resolve_everyday_phrases(cat, phrase, expected):
    found = cat.resolve(phrase)
    assert found is not None and found.name == expected


def test_resolve_phrase_list_is_long():
    assert len(PHRASES) >= 60


def test_unknown_and_suggest(cat):
    for word in ["nightstnd", "xyzzy", "", "the", "quantum flux capacitor"]:
        assert cat.resolve(word) is None, word
    assert "nightstand" in cat.suggest("nightstnd")
    assert cat.suggest("refridgerator")[0] == "refrigerator"
    assert "bookshelf" in cat.suggest("bookshelfs")
    tips = cat.suggest("chiar", n=3)
    assert len(tips) == len(set(tips)) <= 3 and "chair" in tips
    assert cat.suggest("xqzv") == []


GOOD = """
thing:
  size: [1.0, 0.5, 0.8]
  min: [0.5, 0.3, 0.5]
  max: [2.0, 0.8, 1.0]
  placement: floor
  surfaces:
    - {name: top, height: 0.8}
    - {name: shelf, levels: [0.1, 0.4]}
  synonyms: [widget]
  family: table
"""


def _write(tmp_path, text):
    path = tmp_path / "catalog.yaml"
    path.write_text(textwrap.dedent(text))
    return path


def test_custom_file_loads(tmp_path):
    custom = load_catalog(_write(tmp_path, GOOD))
    assert custom.names() == ["thing"] and custom.resolve("widgets").name == "thing"
    assert custom.get("thing").shelf_levels() == [0.1, 0.4]


@pytest.mark.parametrize("change,message", [
    (("size: [1.0, 0.5, 0.8]", "size: [3.0, 0.5, 0.8]"), "outside its range"),
    (("height: 0.8}", "height: 1.5}"), "outside the object's height"),
    (("levels: [0.1, 0.4]", "levels: [0.4, 0.1]"), "ascending"),
    (("family: table", "family: table\n  colour: red"), "colour"),
    (("placement: floor", "placement: roof"), "placement"),
    (("synonyms: [widget]", "synonyms: [widget]\n  ground: true\n  tall: true"), "both ground and tall"),
])
def test_invalid_file_raises_clear_error(tmp_path, change, message):
    path = _write(tmp_path, GOOD.replace(*change))
    with pytest.raises(CatalogError) as err:
        load_catalog(path)
    assert "thing" in str(err.value) and message in str(err.value)


def test_duplicate_synonym_names_both_categories(tmp_path):
    other = GOOD.replace("thing:", "gadget:").replace("[widget]", "[Widget, gizmo]")
    with pytest.raises(CatalogError) as err:
        load_catalog(_write(tmp_path, GOOD + other))
    assert "thing" in str(err.value) and "gadget" in str(err.value) and "widget" in str(err.value).lower()


def test_synonym_equal_to_other_name_rejected(tmp_path):
    other = GOOD.replace("thing:", "gadget:").replace("[widget]", "[thing]")
    with pytest.raises(CatalogError, match="gadget"):
        load_catalog(_write(tmp_path, GOOD + other))


@pytest.mark.parametrize("text", ["thing: [1, 2\n", "- just\n- a list\n", "", "thing: 3\n"])
def test_malformed_yaml_raises(tmp_path, text):
    with pytest.raises(CatalogError):
        load_catalog(_write(tmp_path, text))


def test_missing_file_raises(tmp_path):
    with pytest.raises(CatalogError, match="cannot read"):
        load_catalog(tmp_path / "nope.yaml")
