import pytest

from rag.reader.bounds import covered_numbers


@pytest.mark.parametrize(
    ("question", "sentence", "covered"),
    [
        ("a 48 kHz file", "input with a sample rate of 44.1 kHz or higher", {"48"}),
        ("a 22 kHz file", "input with a sample rate of 44.1 kHz or higher", set()),
        ("with 16 threads", "for 8 threads or more it scales linearly", {"16"}),
        ("on a 2 GB machine", "it runs on up to 4 GB of memory", {"2"}),
        ("on a 8 GB machine", "it runs on up to 4 GB of memory", set()),
        ("with 3 cores", "it needs at least 2 cores", {"3"}),
        ("a 48 kHz file", "input of 44.1 kHz is resampled", set()),  # no bound
        ("a 48 kHz file", "files of 40 MB or more", set()),  # another unit
        ("which bitrate", "44.1 kHz or higher", set()),  # no number asked
    ],
)
def test_a_bound_covers_the_numbers_on_its_side_in_the_same_unit(question, sentence, covered):
    assert covered_numbers(question, sentence) == covered
