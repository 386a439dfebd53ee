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
