"""Read-only sequences whose items are made when read, from compact storage (flat memory for big batches)."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """A sequence that stores its items compactly and makes each one when it is read.

    A subclass gives ``__len__`` and ``_item(index)`` for ``0 <= index < len(self)``; negative indices, range
    checks and slices are handled here.
    """

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def _item(self, index: int) -> T:
        """The item at ``index`` (already checked: ``0 <= index < len(self)``)."""

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        return self._item(range(len(self))[index])
