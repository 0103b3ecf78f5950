"""Things linked pair by pair fall into groups: union-find over their indices. One helper for the
articles of one story (discover/stories.py), the values of one fact (discover/align.py) and the
articles with one text (copies.py)."""

from __future__ import annotations


class Joined:
    """Indices 0..size-1, joined pair by pair; `root` names each one's group."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.root(i)] = self.root(j)
