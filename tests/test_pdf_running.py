"""Running headers and footers are not content: they are dropped from each page's text."""

from ingest.loaders.pdf import strip_running_lines


def test_a_header_repeated_on_many_pages_is_dropped_whatever_its_page_number():
    bodies = ["Widgets spin.", "They stop.", "Oil them.", "Store them dry.", "Ask us.", "Bye."]
    pages = [f"Widget Manual, May 2, 2020 {n}\n{body}" for n, body in enumerate(bodies, start=1)]
    stripped = strip_running_lines(pages)
    assert stripped[3] == "Store them dry."
    assert all("Widget Manual" not in page for page in stripped)


def test_lines_that_repeat_on_few_pages_stay():
    pages = ["Introduction\nWidgets spin.", "Introduction\nWidgets stop.", "Usage\nRun it."]
    assert strip_running_lines(pages) == pages


def test_a_page_is_never_stripped_to_nothing():
    pages = ["Widget Manual 1", "Widget Manual 2", "Widget Manual 3", "Widget Manual 4"]
    assert strip_running_lines(pages) == pages


def test_a_chapter_running_head_loses_its_page_number_and_keeps_its_topic():
    heads = ["Chapter 1: Starting 3", "Chapter 2: Care 5", "Chapter 3: Storage 7", "Index 9"]
    bodies = ["Widgets spin.", "Oil them.", "Store them dry.", "Widgets, 3"]
    pages = [f"{head}\n{body}" for head, body in zip(heads, bodies, strict=True)]
    stripped = strip_running_lines(pages)
    assert stripped[:3] == [
        "Chapter 1: Starting\nWidgets spin.",
        "Chapter 2: Care\nOil them.",
        "Chapter 3: Storage\nStore them dry.",
    ]
    assert stripped[3] == pages[3]  # a last page without the frame keeps its first line
    # A chapter's opening line in the text is no running head when few pages have one.
    few = ["Chapter 1: Starting 3\nWidgets spin.", "Widgets stop.", "Oil them.", "Bye."]
    assert strip_running_lines(few) == few
