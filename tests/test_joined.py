"""One union-find for every grouping of linked things (factcheck/joined.py): stories, a fact's values,
articles with one text. Round 20's copies.py had written a third copy of it."""

from factcheck.joined import Joined


def test_things_linked_pair_by_pair_fall_into_one_group() -> None:
    joined = Joined(6)
    for i, j in ((0, 2), (4, 2), (3, 5)):
        joined.join(i, j)
    groups: dict[int, list[int]] = {}
    for index in range(6):
        groups.setdefault(joined.root(index), []).append(index)
    assert sorted(groups.values()) == [[0, 2, 4], [1], [3, 5]]


def test_every_grouping_uses_the_one_helper() -> None:
    """No module keeps a union-find of its own (a `parent[...] = parent[parent[...]]` loop)."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "factcheck"
    own = [str(p.relative_to(package)) for p in package.rglob("*.py")
           if p.name != "joined.py" and "parent[parent[" in p.read_text(encoding="utf-8").replace("self.", "")]
    assert own == []
