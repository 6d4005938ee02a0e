"""LazySequence: indices, negative indices, range errors and slices handled once for every lazy sequence."""

from __future__ import annotations

import pytest

from art36.lazyseq import LazySequence


class Squares(LazySequence[int]):
    def __init__(self, n: int) -> None:
        self.n, self.made = n, []

    def __len__(self) -> int:
        return self.n

    def _item(self, index: int) -> int:
        self.made.append(index)
        return index * index


def test_items_are_made_when_read_and_read_like_a_list() -> None:
    squares, plain = Squares(6), [i * i for i in range(6)]
    assert squares.made == []
    assert squares[2] == plain[2] and squares[-1] == plain[-1] and squares[-6] == plain[-6]
    assert list(squares[1:5:2]) == plain[1:5:2] and list(squares[::-1]) == plain[::-1] and list(squares[9:]) == []
    assert list(squares) == plain and 16 in squares and squares.index(9) == 3
    assert all(0 <= i < 6 for i in squares.made)


@pytest.mark.parametrize("index", [6, -7, 100])
def test_an_index_out_of_range_is_an_index_error_never_a_made_item(index: int) -> None:
    squares = Squares(6)
    with pytest.raises(IndexError):
        squares[index]
    assert squares.made == []
