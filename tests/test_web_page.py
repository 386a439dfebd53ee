"""The chat page in a real headless browser (Debian's chromium and chromedriver) against the app
served by waitress on 127.0.0.1, with the fake models.

The browser, its fixtures and the ``Page`` helper are in ``browser.py``.
"""

from __future__ import annotations

import re

import pytest
from browser import serving
from conftest import picture, save_image, write_manual

from server import create_app
from server.conversations import Conversations

QUESTION = "What is used to descale the espresso machine?"


@pytest.fixture
def indexed(service, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert service.ingest(write_manual(corpus)).ingested == 2
    return service


@pytest.fixture
def app(settings, indexed):
    return create_app(settings, rag=indexed)


def test_answer_streams_with_citations_and_follow_ups(page, app):
    with serving(app) as url:
        page.url = url
        page.open()
        assert sorted(page.documents()) == ["faq.txt", "manual.pdf"]
        # Record what the page sends, to see the follow-up carry the conversation.
        page.js(
            "window.sent = []; const original = window.fetch;"
            "window.fetch = function (input, init) {"
            "  if (String(input).includes('api/chat')) window.sent.push(JSON.parse(init.body));"
            "  return original.apply(this, arguments); };"
        )

        page.ask(QUESTION)
        first = page.answers(1)[0]
        assert "citric acid" in first.text
        assert "error" not in first.get_attribute("class")
        assert "Grounding" in first.find_element("css selector", ".grounding").text
        chip = first.find_element("css selector", ".answer-text button.chip[data-n='1']")
        assert chip.text == "1"

        chip.click()
        page.wait(lambda d: page.find("#source-panel").is_displayed(), "the source did not open")
        assert page.find("#source-file").text == "manual.pdf"
        assert page.find("#source-page").text == "2"
        assert "citric acid" in page.find("#source-snippet").text
        page.wait(lambda d: page.preview_loaded(), "the page preview did not load")
        assert_passage_highlighted(page)
        # The retrieval score means nothing to a reader: the page shows none.
        panel = page.find("#source-panel").text
        assert "Score" not in panel and not re.search(r"\d\.\d{3}", panel), panel
        assert page.driver.switch_to.active_element == page.find("#close-source")
        page.find("#close-source").click()
        assert not page.find("#source-panel").is_displayed()

        page.ask("How often should the espresso machine be descaled?")
        second = page.answers(2)[1]
        assert "8 weeks" in second.text
        questions = [m.text for m in page.find_all(".message.user .question-text")]
        assert questions == [QUESTION, "How often should the espresso machine be descaled?"]
        sent = page.js("return window.sent")
        assert "conversation_id" not in sent[0]
        conversation_id = sent[1]["conversation_id"]
        assert len(app.extensions["conversations"].history(conversation_id)) == 4

        # A conversation the server no longer knows (expired): the page starts a new one.
        app.extensions["conversations"] = Conversations(max_conversations=10, keep_turns=6)
        page.expected_errors.append("404")
        page.ask("How long does the warranty last?")
        third = page.answers(3)[2]
        assert "3 years" in third.text
        assert "new one was started" in page.find(".message.notice").text
        sent = page.js("return window.sent")
        assert sent[2]["conversation_id"] == conversation_id
        assert "conversation_id" not in sent[3]

        page.find("#new-conversation").click()
        assert page.find_all(".message") == []
        assert page.find("#welcome").is_displayed()


def assert_passage_highlighted(page) -> None:
    """Boxes lie over the preview where the cited line is (the top of manual.pdf's page 2)."""
    css = "#source-highlights .highlight"
    page.wait(lambda d: page.find_all(css), "no highlight over the preview")
    image = page.find("#source-image").rect
    assert "passage highlighted" in page.find("#source-caption").text
    for mark in page.find_all(css):
        box = mark.rect
        assert box["width"] > 20 and 3 < box["height"] < 40, box
        assert image["x"] <= box["x"] and box["x"] + box["width"] <= image["x"] + image["width"]
        top = (box["y"] - image["y"]) / image["height"]
        assert 0.02 < top < 0.12, (box, image)  # the first line, 52 pt below the page's top
    # Drawn from the stylesheet's classes: the page's CSP allows no inline style markup.
    assert page.js(
        "const m = document.querySelector('#source-highlights .highlight');"
        "return getComputedStyle(m).position === 'absolute'"
        " && getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)';"
    )


DROPPED = (
    "The lighthouse keeper feeds the seagulls every Tuesday at noon. "
    '<img src="missing.png" onerror="window.pwned = true"> is how the logbook marks it.'
)


def test_upload_by_drag_and_drop_and_file_picker(page, app, tmp_path):
    with serving(app) as url:
        page.url = url
        page.open()
        page.js(
            "const [name, text] = arguments;"
            "const transfer = new DataTransfer();"
            "transfer.items.add(new File([text], name, {type: 'text/plain'}));"
            "const zone = document.getElementById('drop-zone');"
            "for (const type of ['dragenter', 'dragover', 'drop']) {"
            "  zone.dispatchEvent(new DragEvent(type,"
            "    {bubbles: true, cancelable: true, dataTransfer: transfer})); }",
            "lighthouse.txt",
            DROPPED,
        )
        page.wait(lambda d: "ingested" in page.find("#upload-results").text, "no upload result")
        assert "lighthouse.txt: ingested" in page.find("#upload-results").text
        assert page.js("return document.getElementById('upload-progress').value") == 100
        page.wait(lambda d: "lighthouse.txt" in page.documents(), "not in the document list")

        page.ask("When does the lighthouse keeper feed the seagulls?")
        answer = page.answers(1)[0]
        assert "Tuesday" in answer.text
        answer.find_element("css selector", ".answer-text button.chip").click()
        page.wait(lambda d: page.find("#source-file").text == "lighthouse.txt", "no source")
        # Document text is shown as text: its markup is neither rendered nor run.
        assert '<img src="missing.png"' in page.find("#source-snippet").text
        assert (
            page.js("return document.querySelectorAll('#messages img, #source-snippet *').length")
            == 0
        )
        assert page.js("return window.pwned") is None

        notes = tmp_path / "zeppelins.md"
        notes.write_text("# Hangar\n\nThe hangar holds forty-two zeppelins in winter.\n")
        page.find("#file-input").send_keys(str(notes))
        page.wait(
            lambda d: "zeppelins.md: ingested" in page.find("#upload-results").text, "no result"
        )
        page.wait(lambda d: "zeppelins.md" in page.documents(), "not in the document list")
        assert sorted(page.documents()) == [
            "faq.txt",
            "lighthouse.txt",
            "manual.pdf",
            "zeppelins.md",
        ]

        # A file the server refuses: its reason is shown.
        bad = tmp_path / "tool.exe"
        bad.write_bytes(b"MZ\x00\x00binary")
        page.expected_errors.append("415")
        page.find("#file-input").send_keys(str(bad))
        page.wait(lambda d: "tool.exe: failed" in page.find("#upload-results").text, "no failure")
        assert "unsupported file type" in page.find("#upload-label").text


def test_a_slide_source_is_named_by_its_label_and_opens_no_page_preview(
    page, settings, service, tmp_path
):
    from office_files import write_pptx

    assert service.ingest([write_pptx(tmp_path / "deck.pptx")]).ingested == 1
    with serving(create_app(settings, rag=service)) as url:
        page.url = url
        page.open()
        page.ask("What does the probe report compare?")
        answer = page.answers(1)[0]
        assert "outer planets" in answer.text
        labels = [e.text for e in answer.find_elements("css selector", ".source-label")]
        assert labels and labels[0] == "deck.pptx, slide 1"
        answer.find_element("css selector", ".answer-text button.chip[data-n='1']").click()
        page.wait(lambda d: page.find("#source-panel").is_displayed(), "the source did not open")
        assert page.find("#source-page").text == "slide 1"
        # Only PDFs have rendered pages: no preview is fetched (it would be a 404 error).
        assert not page.find("#source-figure").is_displayed()


def test_asks_for_the_api_key(page, make_settings, indexed):
    app = create_app(make_settings(api_keys=["secret-key"]), rag=indexed)
    with serving(app) as url:
        page.url = url
        page.open(ready=False)
        page.wait(lambda d: page.find("#key-dialog").is_displayed(), "no API key prompt")
        page.expected_errors.append("401")
        page.find("#key-input").send_keys("wrong-key\n")
        page.wait(
            lambda d: "not valid" in page.find("#key-error").text, "a wrong key was not refused"
        )
        assert page.find("#key-dialog").is_displayed()
        page.find("#key-input").send_keys("secret-key\n")
        page.wait(lambda d: "manual.pdf" in page.documents(), "no documents with the key")
        assert not page.find("#key-dialog").is_displayed()
        assert page.js("return localStorage.getItem('rag.apiKey')") == "secret-key"

        page.ask(QUESTION)
        answer = page.answers(1)[0]
        assert "citric acid" in answer.text
        answer.find_element("css selector", ".answer-text button.chip").click()
        page.wait(lambda d: page.preview_loaded(), "the preview did not load with the key")

        page.open()  # the key is remembered
        assert not page.find("#key-dialog").is_displayed()


def test_question_with_an_image_on_a_narrow_screen(page, app, tmp_path):
    image = save_image(picture(), tmp_path / "photo.png")
    with serving(app) as url:
        page.url = url
        page.driver.set_window_size(390, 844)
        try:
            page.open()
            page.find("#image-input").send_keys(str(image))
            page.wait(lambda d: page.find("#attachment").is_displayed(), "no attachment shown")
            assert page.find("#attachment-name").text == "photo.png"

            page.ask("What does the label in this picture say?")
            answer = page.answers(1)[0]
            assert "error" not in answer.get_attribute("class")
            assert answer.find_element("css selector", ".answer-text").text.strip()
            user_image = page.find(".message.user img")
            assert user_image.get_attribute("src").startswith("data:image/png;base64,")
            assert not page.find("#attachment").is_displayed()

            # One column: nothing sticks out sideways; the documents open on demand.
            assert page.js("return document.documentElement.scrollWidth <= window.innerWidth")
            assert not page.find("#library").is_displayed()
            page.find("#toggle-library").click()
            assert page.find("#library").is_displayed()
        finally:
            page.driver.set_window_size(1280, 900)
