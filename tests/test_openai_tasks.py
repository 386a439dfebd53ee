"""Open WebUI's background prompts (title, tags, follow-ups, queries) get the JSON they ask
for, made from the conversation and the documents, never "not in the documents"."""

from __future__ import annotations

import json

import pytest
import test_openai_api as live
from test_openai_api import DESCALE

from server.openai_api.tasks import Turn, background_task, read_turns, tags, title

indexed, serve, base_url, client = live.indexed, live.serve, live.base_url, live.client

# Prompts shaped like Open WebUI's task templates: a "### Task:" header, the JSON object wanted,
# and the conversation rendered as "ROLE: text" lines between <chat_history> tags.
TITLE = """### Task:
Generate a concise, 3-5 word title with an emoji summarizing the chat history.
### Output:
JSON format: { "title": "your concise title here" }
### Examples:
- { "title": "Remote Work Productivity Tips" }
### Chat History:
<chat_history>
{history}
</chat_history>"""
FOLLOW_UPS = """### Task:
Suggest 3-5 relevant follow-up questions or prompts that the user might naturally ask next.
### Output:
JSON format: { "follow_ups": ["Question 1?", "Question 2?", "Question 3?"] }
### Chat History:
<chat_history>
{history}
</chat_history>"""
TAGS = """### Task:
Generate 1-3 broad tags categorizing the main themes of the chat history.
### Output:
JSON format: { "tags": ["tag1", "tag2", "tag3"] }
### Chat History:
<chat_history>
{history}
</chat_history>"""
QUERIES = """### Task:
Analyze the chat history to determine the necessity of generating search queries.
### Output:
Strictly return in JSON format:
{
  "queries": ["query1", "query2"]
}
### Chat History:
<chat_history>
{history}
</chat_history>"""


def conversation(answer: str) -> str:
    return f"USER: {DESCALE}\nASSISTANT: {answer}"


def run_task(client, template: str, history: str, **options) -> dict:
    completion = client.chat.completions.create(
        model="rag",
        messages=[{"role": "user", "content": template.replace("{history}", history)}],
        **options,
    )
    assert completion.model_extra["sources"] == []
    return json.loads(completion.choices[0].message.content)


@pytest.fixture
def answered(client) -> str:
    """The answer to DESCALE as Open WebUI keeps it: the text with its sources footer."""
    return (
        client.chat.completions.create(model="rag", messages=[{"role": "user", "content": DESCALE}])
        .choices[0]
        .message.content
    )


def test_title_is_made_of_the_questions_words(client, answered):
    assert run_task(client, TITLE, conversation(answered)) == {"title": "Descale Espresso Machine"}


def test_follow_ups_come_from_the_evidence_and_can_be_answered(client, answered):
    value = run_task(client, FOLLOW_UPS, conversation(answered))
    follow_ups = value["follow_ups"]
    assert set(value) == {"follow_ups"} and 1 <= len(follow_ups) <= 5
    # The manual's descaling page is what was asked and answered; the warranty is new.
    assert "What is said about warranty?" in follow_ups
    assert all(q.endswith("?") for q in follow_ups)
    assert not any("citric" in q or "espresso" in q for q in follow_ups)
    answer = client.chat.completions.create(
        model="rag", messages=[{"role": "user", "content": "What is said about warranty?"}]
    )
    assert "3 years" in answer.choices[0].message.content


def test_follow_ups_without_evidence_suggest_the_documents(client):
    history = "USER: Which football club won the 1954 final?\nASSISTANT: Not in the documents."
    follow_ups = run_task(client, FOLLOW_UPS, history)["follow_ups"]
    assert follow_ups, "the indexed documents are suggested when nothing else is"
    assert follow_ups == ["What is said about warranty?", "What is said about espresso machine?"]
    for follow_up in follow_ups:  # each is a question the documents answer
        completion = client.chat.completions.create(
            model="rag", messages=[{"role": "user", "content": follow_up}]
        )
        assert completion.model_extra["abstained"] is False


def test_tags_and_queries(client, answered):
    assert run_task(client, TAGS, conversation(answered)) == {
        "tags": ["Descale", "Espresso", "Machine"]
    }
    assert run_task(client, QUERIES, conversation(answered)) == {"queries": [DESCALE]}


def test_a_streamed_task_reply_is_the_same_json(client, answered):
    chunks = list(
        client.chat.completions.create(
            model="rag",
            messages=[
                {"role": "user", "content": TITLE.replace("{history}", conversation(answered))}
            ],
            stream=True,
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert json.loads(text) == {"title": "Descale Espresso Machine"}
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_an_ordinary_question_is_not_a_task():
    assert background_task(DESCALE) is None
    assert background_task("### Task: summarise the manual") is None  # no history, no JSON
    assert background_task('Explain this: { "title": "x" } <chat_history></chat_history>') is None


def test_turns_keep_multiline_messages():
    history = "USER: first line\nsecond line\nASSISTANT: It is [1].\n\n**Sources**\n\n- [1] x\nUSER: next?"
    assert read_turns(history) == [
        Turn("USER", "first line\nsecond line"),
        Turn("ASSISTANT", "It is [1].\n\n**Sources**\n\n- [1] x"),
        Turn("USER", "next?"),
    ]


def test_title_and_tags_fall_back_when_nothing_is_said():
    assert title([]) == "New Chat"
    assert tags([Turn("USER", "What is it?")]) == ["General"]
    assert title([Turn("USER", "How do you draw a freehand line in XFig?")]) == (
        "Draw Freehand Line XFig"
    )
