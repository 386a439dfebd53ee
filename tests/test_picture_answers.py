"""Answers from a picture's chunk: the line of text read in it that the question asks about,
and colours named together."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

from test_reader import evidence, read

from rag.reader.pictures import (
    VISUAL_WORDS,
    answer_from_picture,
    asks_name,
    describes_picture,
    matching_read_line,
    split_read_text,
)
from rag.reader.question import analyse
from rag.reader.spans import dimensions, without_other_labels
from rag.text import content_terms

SETTINGS = (
    "Figure 3: The General Settings tab.\nScreenshot.\nMostly white and gray.\n"
    "Text in the image:\nBackground Color\nDefault Edge Color\nColor Theme All Pastel\n"
    "Cancel Apply OK"
)
NODES = (
    "Figure 13: The Node List widget.\nScreenshot in black and white.\nText in the image:\n"
    "Name customer category\nas6762 1394 NSP\nas3257 2920 NSP\nas2603 35 Educational"
)


def test_a_read_line_with_what_the_description_lacks_leads_the_answer():
    # Without it the colour question is answered with the picture's colours.
    items = evidence(SETTINGS, modality="image")
    answer = read(
        "In the screenshot of the General Settings tab, which colour theme is set?", items
    )
    assert answer.startswith("Color Theme All Pastel [1]")


def test_a_number_the_question_names_picks_its_row():
    items = evidence(NODES, modality="image")
    answer = read(
        "In the screenshot of the Node List, which node has the customer value 2920?", items
    )
    assert answer.startswith("as3257 2920 NSP [1]")


def test_the_line_under_a_quoted_line_answers_what_is_under_it():
    items = evidence(
        "Screenshot in black and white.\nText in the image:\nHello! X\n127.0.0.1:8080\nHello!\n"
        "Hi from Rust",
        modality="image",
    )
    answer = read(
        'What line of text appears under the big "Hello!" heading in the screenshot?', items
    )
    assert answer.startswith("Hi from Rust [1]")


def test_a_line_the_question_excludes_gives_way_to_the_other():
    items = evidence(
        "Photograph in colour: a sign.\nText in the image:\nSports Centre\nConference Centre\n"
        "Car Parks",
        modality="image",
    )
    answer = read(
        "A photo shows a sign. Apart from the Sports Centre, which centre is signed?", items
    )
    assert answer.startswith("Conference Centre [1]")


def test_no_read_line_leaves_the_description_answer():
    items = evidence("Photograph in colour: a bird.\nMostly blue and green.", modality="image")
    assert read("What colour is the bird in my photo?", items).startswith("Mostly blue and green.")


def test_colours_split_between_main_and_accent_are_named_together_first():
    items = evidence(
        "Drawing: possibly a lighthouse.\nMostly white, with some red.", modality="image"
    )
    answer = read("In the clip-art drawing of a lighthouse, what colours are its stripes?", items)
    assert answer.startswith("White and red — Mostly white, with some red.")


def pictures(*texts: str):
    """Evidence of one picture per text, each its own image."""
    items = evidence(*texts, modality="image")
    return [
        replace(item, chunk=replace(item.chunk, image=f"p{i}.png")) for i, item in enumerate(items)
    ]


def test_the_picture_that_holds_the_questions_words_answers_over_a_higher_ranked_one():
    items = pictures(
        "Figure 9: The Attribute tab.\nScreenshot.\nText in the image:\nAttribute Name Value",
        "Screenshot.\nText in the image:\nSUMMARY Count Sum\nAnova: Two-Factor With Replication",
    )
    answer = read("What is the heading of the ANOVA table in the spreadsheet screenshot?", items)
    assert answer.startswith("Anova: Two-Factor With Replication [2]")


def test_the_picture_of_the_kind_asked_about_answers_over_a_higher_ranked_one():
    items = pictures(
        "Photograph in colour: possibly a dragonfly (a slender flying insect).",
        "Photograph in colour: possibly a toucan (a tropical perching bird).",
    )
    # Each picture shares one word with the question; the bird is what it asks about.
    answer = read("What kind of bird is flying in one of my photos?", items)
    assert answer.startswith("Photograph in colour: possibly a toucan")


def test_the_side_a_question_names_picks_that_plot_of_a_figure():
    # Rcpp's bootstrap figure: the caption and the left plot share more words with the question.
    left = (
        "Fig. 2. Results of the bootstrapping procedure for sample mean and variance.\n"
        'Left plot titled "Mean Bootstrap", of "Density" against "Samples": the horizontal (x) '
        'axis is labelled "Samples", with ticks from 20.0 at the left to 21.5 at the right.'
    )
    right = (
        'Right plot titled "SD Bootstrap", of "Density" against "Samples": the horizontal (x) '
        'axis is labelled "Samples", with ticks from 9.5 at the left to 10.5 at the right.'
    )
    for items in (pictures(left, right), evidence(left, right, modality="image")):
        question = (
            "What is the title of the right-hand histogram in the figure of bootstrap results?"
        )
        assert read(question, items).startswith('SD Bootstrap — Right plot titled "SD Bootstrap"')
        question = "What is the title of the histogram on the left in the bootstrap figure?"
        assert read(question, items).startswith(
            'Mean Bootstrap — Left plot titled "Mean Bootstrap"'
        )
    # "Right" that names no side leaves the picture that shares the most words first.
    question = "Is the right title of the bootstrap results figure given?"
    assert not read(question, pictures(left, right)).startswith("Right plot")


def test_a_plot_the_question_names_by_its_whole_title_answers_over_the_first_plot():
    panels = (
        "Figure 1: Diagnostics of the fitted tree.\n"
        'Left plot titled "Errors vs Predicted", of "Errors" against "Predicted": the '
        'horizontal (x) axis is labelled "Predicted", with ticks from 0 at the left to 30 at '
        "the right.\n"
        'Right plot titled "Error QQ", of "Error Quantiles" against "Normal Quantiles": the '
        'horizontal (x) axis is labelled "Normal Quantiles", with ticks from -3 at the left to '
        "3 at the right."
    )
    drawn = (
        'Plot titled "Cumulative Share", of "Share" against "abs(Errors)": the horizontal (x) '
        'axis is labelled "abs(Errors)", with ticks from 0 at the left to 15 at the right.\n'
        "Chart in black and white."
    )
    items = evidence(panels) + pictures(drawn)
    answer = read("What is the x axis label of the Error QQ panel in Figure 1?", items)
    assert answer.startswith('Normal Quantiles — Right plot titled "Error QQ"'), answer
    question = "In the diagnostic plots of the fitted tree, what is on the x axis of the cumulative share panel?"
    assert read(question, items).startswith("abs(Errors) — "), read(question, items)
    # A word that two titles share names neither: the first plot answers, as before.
    answer = read("What is the x axis label of the errors panel in Figure 1?", items)
    assert answer.startswith("Predicted — "), answer


def test_a_caption_tells_a_side_in_parentheses():
    figure = (
        "Figure 1: Target density. (Left) contour plot. (Right) Scatter plot.\n"
        'Right plot of "y" against "x": the horizontal (x) axis is labelled "x", with ticks '
        "from -4 at the left to 4 at the right."
    )
    question = "What kind of plot does the right-hand panel of Figure 1 show?"
    assert read(question, pictures(figure)).startswith("(Right) Scatter plot.")
    question = "What kind of plot does the left-hand panel of Figure 1 show?"
    assert read(question, pictures(figure)).startswith("(Left) contour plot.")


def test_the_figure_a_question_numbers_comes_before_a_side_told_in_another():
    first = (
        "Figure 1: Target density. (Left) contour plot. (Right) Scatter plot.\n"
        'Right plot of "y" against "x": the horizontal (x) axis is labelled "x".'
    )
    third = "Figure 3: Estimates with cross validation selectors\nChart in black and white."
    question = "In Figure 3, what do the right-hand contour plot's estimates use?"
    assert read(question, pictures(first, third)).startswith("Figure 3: Estimates")


def test_a_plots_title_or_axis_label_asked_for_leads_its_sentence():
    plot = (
        "Figure 3: Seizure data with the fitted values.\n"
        'Plot titled "Seizure counts", of "Seizures/Hours" against "Day": the horizontal (x) axis '
        'is labelled "Day", with ticks from 0 at the left to 140 at the right. The plot\'s vertical '
        '(y) axis is labelled "Seizures/Hours", with ticks from 0 at the bottom to 8 at the top.'
    )
    items = evidence(plot, modality="image")
    for question, lead in [
        ("What is the title of the seizure plot in Figure 3?", "Seizure counts — "),
        ("What is the y-axis label of the seizure data plot in Figure 3?", "Seizures/Hours — "),
        ("What is the horizontal axis labelled in the seizure plot?", "Day — "),
    ]:
        assert read(question, items).startswith(lead), question
    # A tick label, a legend's title or a title the question states is not what is quoted.
    for question in [
        "What's the last tick label on the Day axis of the seizure plot?",
        "What is the title of the legend in the seizure plot?",
        "What colour is the title of the seizure plot?",
        'Which axis of the plot titled "Seizure counts" shows the day?',
    ]:
        answer = read(question, items)
        assert not answer.startswith(("Seizure counts — ", "Day — ", "Seizures/Hours — ")), answer


def test_a_number_asked_of_a_screenshot_is_read_on_a_line_that_holds_one():
    # LibreOffice's Basic Fonts dialog (its title bar names it): the header row shares "font
    # size" with the question.
    items = evidence(
        "Screenshot of a program window.\nText in the image:\nOptions - Basic Fonts (CTL)\n"
        "Language Settings Font Size\n"
        "Default Annapurna SIL 12\nHeading Annapurna SIL 14\nList Annapurna SIL 12",
        modality="image",
    )
    answer = read(
        "In the screenshot of the Basic Fonts options, what font size is set for Heading?", items
    )
    assert answer.startswith("Heading Annapurna SIL 14"), answer


def test_a_word_the_question_names_picks_its_picture_and_the_line_under_its_column():
    # Gentium's sample sheet is read a row of two columns at a time; a LibreOffice dialog
    # shares "caption" and "print" with the question, the sample sheet its one name.
    items = pictures(
        "Screenshot of a program window.\nText in the image:\nLanguage Settings Font Size\n"
        "Print Caption Annapurna SIL 12",
        "Diagram in black and white.\nText in the image:\nDynamic Steadiness\n"
        "Calligraphic energy Typographic strength\nLegible Economy",
    )
    answer = read(
        "In the typeface sample picture, what caption is printed under the word Steadiness?", items
    )
    assert answer.startswith("Calligraphic energy Typographic strength [2]"), answer


def test_a_name_is_read_in_a_picture_never_seen_in_it():
    rabbit = evidence(
        "Photograph in colour: possibly a hare (a hare is a rabbit-like mammal).\nMostly green.",
        modality="image",
    )
    assert (
        read("What is the name of the rabbit in my photo of it sitting on the lawn?", rabbit) == ""
    )
    assert read("What is the rabbit in my photo called?", rabbit) == ""
    # What kind of animal it is, the look may answer; a name read in the picture answers too.
    assert read("Which mammal is in my green photo?", rabbit).startswith("Photograph")
    window = evidence(
        "Screenshot of a program window.\nText in the image:\nKNetWalk\nGame Move Settings Help",
        modality="image",
    )
    answer = read("What is the name of the game in the title bar of my screenshot?", window)
    assert answer.startswith("KNetWalk"), answer


def test_british_and_american_spellings_of_a_look_meet():
    assert content_terms("grey colour centre organise") == content_terms(
        "gray color center organize"
    )
    items = pictures(
        "Photograph in colour: a bird; a flamingo (a tall wading bird with a long neck).",
        "Photograph in colour: a bird; a crane. The subject is gray against a white background.",
    )
    # The describer writes "gray"; the question "grey".
    answer = read("What kind of grey bird is standing in one of my photos?", items)
    assert answer.startswith("Photograph in colour: a bird; a crane"), answer


def test_a_line_labelled_with_what_is_asked_gives_its_value_first():
    items = evidence(
        "Screenshot.\nText in the image:\nKCharSelect\nCharacter: U+004C\n"
        "Name: LATIN CAPITAL LETTER L\nUnicode category: Letter, Uppercase",
        modality="image",
    )
    # "Unicode" and "character" each name another line; the label names what is asked.
    question = (
        "In my screenshot of KCharSelect, what is the Unicode name of the selected character?"
    )
    assert read(question, items).startswith(
        "LATIN CAPITAL LETTER L — Name: LATIN CAPITAL LETTER L [1]"
    )


def test_a_read_line_that_prints_a_number_under_the_question_s_word_gives_it_first():
    items = evidence(
        "Scanned text page.\nText in the image:\ncar::ncvTest computes tests for non-constant "
        "variance in linear models\nNon-constant Variance Score Test\n"
        "Chisquare = 1.521, Df = 1, p = 0.22\nSome users write their own functions",
        modality="image",
    )
    question = "On my scanned page, what p-value does the non-constant variance test print?"
    assert read(question, items).startswith("0.22 — Chisquare = 1.521, Df = 1, p = 0.22 [1]")


def test_a_chunk_that_continues_the_text_read_is_all_text():
    description, lines = split_read_text("the release dates.\nFeature freezes come first.")
    assert description == ""
    assert lines == ["the release dates.", "Feature freezes come first."]
    description, lines = split_read_text("Page of text in black and white.")
    assert description == "Page of text in black and white."
    assert lines == []
    _, lines = split_read_text("Figure 2: Plot\nChart.\nText drawn in the figure:\nCount\nValue")
    assert lines == ["Count", "Value"]


def test_a_question_that_names_only_the_description_matches_no_line():
    chunks = [(0, "Screenshot of a settings tab.\nText in the image:\nCancel Apply OK")]
    assert (
        matching_read_line("Which settings tab is in the screenshot?", {"set", "tab"}, chunks)
        is None
    )


def test_the_highest_or_lowest_line_of_a_chart_answers_which_line_is_on_top_or_bottom():
    items = evidence(
        "Figure 6: CRC-32 performance\nLine chart of 3 lines. Highest line: Sarwate. "
        "Lowest line: Multiword/4. Highest line at the right end: Slicing.\nDiagram.",
        modality="image",
    )
    top = read("In the CRC-32 performance chart, which line runs along the top?", items)
    assert top.startswith("Highest line: Sarwate.")
    low = read("In the CRC-32 performance chart, which method has the lowest line?", items)
    assert low.startswith("Lowest line: Multiword/4.")
    right = read("In the CRC-32 performance chart, which line is highest at the right end?", items)
    assert right.startswith("Highest line at the right end: Slicing.")


def test_a_chart_below_the_table_it_plots_answers_which_line_is_highest():
    table = evidence(
        "Table 6: CRC-32 performance — Input size: Black — 64: 5.44 — 1M: 5.53",
        "Table 6: CRC-32 performance — Input size: Slicing — 64: 2.15 — 1M: 2.10",
    )
    chart = evidence(
        "Table 6: CRC-32 performance\nLine chart of 2 lines. Highest line: Black. "
        "Lowest line: Slicing.\nDiagram.",
        modality="image",
    )
    chart = [replace(item, rank=2) for item in chart]
    answer = read("In the CRC-32 performance chart, which line runs along the top?", table + chart)
    assert answer.startswith("Highest line: Black.")
    assert answer.endswith("[3]")  # the chart, not the table, is cited
    # Without a question about a line, the table answers as before.
    assert read("What is the CRC-32 performance of Black at 64?", table + chart).startswith("5.44")


def test_a_read_line_that_only_repeats_the_question_does_not_lead():
    items = evidence(
        "Figure 6: CRC-32 performance\nLine chart of 2 lines. Highest line: Sarwate. "
        "Lowest line: Slicing.\nDiagram.\nText drawn in the figure:\n7\n6\nSarwate\nSlicing",
        modality="image",
    )
    answer = read("In the CRC-32 chart, which line runs along the top, near 7 cycles?", items)
    assert answer.startswith("Highest line: Sarwate.")
    chunks = [(0, "Chart.\nText drawn in the figure:\n7\n6")]
    assert matching_read_line("Which value is near 7 cycles?", {"7", "cycl"}, chunks) is None


def test_text_read_beyond_the_first_chunk_or_only_drawn_answers_any_question():
    items = evidence(
        "Page of text in black and white.\nText in the image:\nRelease plans",
        "The feature freezes for these releases will usually be 2-3 months before the dates.",
        "Figure 2: Build graph\nDiagram.\nText drawn in the figure:\nlinker stage runs ld.gold",
        modality="image",
    )
    # No word of these questions speaks of a picture: only the text read in one is read.
    assert "2-3 months" in read(
        "How long before the release dates do feature freezes happen?", items
    )
    assert "ld.gold" in read("Which linker does the linker stage run?", items)


def test_the_line_chosen_does_not_depend_on_the_hash_seed():
    # Two lines hold the same words the question asks with; their weights must add up the
    # same whatever order a set gives them in, or the tie is broken by the process's hash
    # seed and one corpus gives two answers.
    page = (
        "Page of text in black and white.\nText in the image:\n"
        "some details are left out of the book itself.\n"
        "In teaching our courses, we have found it useful for the students to attempt a number of\n"
        "small implementation projects, which often build on one another, in order to get them\n"
        "working with real-world images and the challenges that these present. The students are\n"
        "asked to choose an individual topic for each of their small-group, final projects.\n"
        "these projects even turn into conference papers!) The exercises at the end of each chapter\n"
        "contain numerous suggestions for smaller mid-term projects, as well as more open-ended\n"
        "problems whose solutions are still active research topics. Wherever possible, I encourage"
    )
    question = (
        "According to my scanned text page about teaching courses, the exercises at the end of "
        "each chapter contain suggestions for what kind of projects?"
    )
    script = (
        "import sys\n"
        "from rag.reader.pictures import VISUAL_WORDS, matching_read_line\n"
        "from rag.text import content_terms\n"
        "q, page = sys.argv[1], sys.argv[2]\n"
        "print(matching_read_line(q, set(content_terms(q)) - VISUAL_WORDS, [(0, page)]))\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script, question, page],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(12)
    }
    assert len(seen) == 1, seen


def test_the_words_that_say_which_picture_do_not_pick_its_line():
    chunks = [
        (
            0,
            "Screenshot.\nText in the image:\n1 Department Sales Profit Advanced Filter\n"
            "2 Paris $950,000 $40,100\n3 Tokyo $1,080,235 $43,209.40\n"
            "9 Department Sales Profit",  # the filter's output range, under the same header
        )
    ]
    question = "In my screenshot of an Advanced Filter over a sales table, what are Tokyo's sales?"
    topic = set(content_terms(question)) - VISUAL_WORDS
    assert matching_read_line(question, topic, chunks) == (0, "3 Tokyo $1,080,235 $43,209.40")
    # Without words of its own beyond the picture's, the question's words all count.
    plain = "Which filter is shown in my screenshot of an Advanced Filter?"
    topic = set(content_terms(plain)) - VISUAL_WORDS
    assert matching_read_line(plain, topic, chunks)[1].startswith("1 Department Sales")


def test_a_picture_without_the_number_the_question_pins_does_not_answer():
    items = evidence(
        "Chart.\nText in the image:\nHistogram of 10,000 normally distributed random numbers",
        modality="image",
    )
    question = "In the plot of 20,000 random normal points, what title does the chart have?"
    assert read(question, items) == ""
    question = "In the plot of 10,000 random normal points, what title does the chart have?"
    assert "Histogram of 10,000 normally" in read(question, items)


def test_the_place_a_question_names_picks_the_first_or_last_line_read():
    dialog = [
        (
            0,
            "Screenshot.\nText in the image:\nNew Document\nTemplate: Using Templates\n"
            "Article\nPresentation\nCreate Empty Document OK Cancel",
        )
    ]

    def line(question: str) -> str | None:
        topic = set(content_terms(question)) - VISUAL_WORDS
        found = matching_read_line(question, topic, dialog)
        return found[1] if found else None

    # The text is read top to bottom: the bottom row of buttons is the last line.
    assert line("In my screenshot, what does the button at the bottom left say?") == (
        "Create Empty Document OK Cancel"
    )
    assert line("What does the title bar of my screenshot say?") == "New Document"
    # A question that places nothing matches no line on words it does not hold.
    assert line("In my screenshot, what does the button say?") is None


def test_the_row_after_a_line_the_question_writes_out_answers_what_comes_after_it():
    # Without the place word read, the answer was the named row itself.
    items = evidence(
        "Screenshot.\nText in the image:\nScores\nFull House [25]\nSmall Straight [30]\n"
        "Large Straight [40]\nChance [total]",
        modality="image",
    )
    after = read(
        "In the scoreboard screenshot, which row comes right after Small Straight [30]?", items
    )
    assert after.startswith("Large Straight [40] [1]")
    before = read(
        "In the scoreboard screenshot, which row is just above Small Straight [30]?", items
    )
    assert before.startswith("Full House [25] [1]")


def test_a_line_that_is_only_part_of_a_word_the_question_writes_is_not_a_place():
    read_lines = [(0, "Screenshot.\nText in the image:\nSmall\nStraight\nLarge")]
    question = "In the screenshot, which row comes after Smallest Straight?"
    assert matching_read_line(question, set(content_terms(question)), read_lines) != (0, "Straight")
    question = "In the screenshot, what is printed under the word Small?"
    assert matching_read_line(question, set(content_terms(question)), read_lines) == (0, "Straight")


def test_a_named_quantity_is_not_any_number_read_in_a_picture():
    # A compression dialog read in one run: its numbers are a level and a file count, and
    # none is labelled with the size the question asks for.
    items = evidence(
        "Screenshot of a program window.\nText in the image: Create New Archive Folder: "
        "/home/test Compression Level: 5 Files: 12 Password Protection",
        modality="image",
    )
    asked = "In my archive screenshot, how many gigabytes does the home folder take?"
    assert read(asked, items) == ""
    # "What number is written" names no quantity: the number read there may be it.
    items = evidence(
        "Chart.\nText in the image: 4.5 0.03 4.0 3.5 Sepal.Width 3.0", modality="image"
    )
    answer = read("What number is written above the bracket in my plot of sepal width?", items)
    assert "0.03" in answer, answer


def test_a_kind_of_chart_named_in_the_question_makes_it_a_question_about_a_picture():
    items = evidence(
        "Diagram in black and white.\nText in the image:\nDendrogram in ggplot2\nNew Hampshire\n"
        "West\nNorth\n50 100 150",
        modality="image",
    )
    question = "What is the title of the dendrogram of US states?"
    assert describes_picture(question)
    assert read(question, items).startswith("Dendrogram in ggplot2 [1]")


def test_which_file_is_open_is_read_on_the_line_that_names_a_file():
    # The menu bar shares "file" with the question; the line under it names the file.
    chunks = [
        (
            0,
            "Screenshot of a program window.\nText in the image:\nPhoto Editor 2.3\n"
            "File Edit View Tools Help\nTonemap D700h00200.nef\nContrast 0,10",
        )
    ]
    question = "Which raw file is open in the Photo Editor screenshot?"
    topic = set(content_terms(question)) - VISUAL_WORDS
    assert matching_read_line(question, topic, chunks) == (0, "Tonemap D700h00200.nef")


def test_a_scanned_page_answers_with_what_it_says_not_with_its_look():
    items = evidence(
        "Page of text in black and white.\nText in the image:\nIntroduction to the package\n"
        "The package provides classes for dense and sparse matrices.\n"
        "It gives access to the TAUCS and UMFPACK libraries for sparse matrices.",
        modality="image",
    )
    answer = read("Which sparse-matrix libraries does my scanned page say the package uses?", items)
    assert "Page of text" not in answer, answer
    assert "TAUCS and UMFPACK" in answer, answer


def test_a_picture_that_does_not_show_the_name_the_question_gives_it_does_not_answer():
    # The dice game's preferences are read in this screenshot; the question names Hitori.
    dice = evidence(
        "Screenshot of a program window.\nText in the image:\nPreferences\nNumber of players: 3\n"
        "1: Rupert\n2: Wilber",
        modality="image",
        doc="dice",
    )
    assert read("How many players are set in the Hitori screenshot?", dice) == ""
    answer = read("How many players are set in the dice game screenshot?", dice)
    assert answer.startswith("3 — Number of players: 3"), answer
    # The document a figure stands in may give the name its picture does not show: the
    # vignette's first page names Rcpp, its figure's plots do not.
    figure = evidence(
        'Right plot titled "SD Bootstrap", of "Density" against "Samples".',
        "Rcpp: seamless R and C++ integration.",
        doc="rcpp-intro",
    )
    figure[0] = replace(figure[0], chunk=replace(figure[0].chunk, modality="image"))
    question = "What is the title of the right-hand histogram in the Rcpp vignette's figure?"
    assert read(question, figure).startswith("SD Bootstrap — Right plot"), read(question, figure)
    alone = replace(figure[0], chunk=replace(figure[0].chunk, doc_id="x", file="x.pdf"))
    assert read(question, [alone]) == ""


def test_an_axis_end_or_label_is_read_from_a_plot_told_in_text():
    # A plot drawn outside any figure is told in a text chunk; "count-regression" asks no count.
    plot = (
        "Figure 1: Frequency distribution for number of physician office visits.\n"
        'Plot of "Frequency" against "Number of visits": the horizontal (x) axis is labelled '
        '"Number of visits", with ticks from 0 at the left to 90 at the right. The plot\'s '
        'vertical (y) axis is labelled "Frequency", with ticks from 0 at the bottom to 700 at '
        "the top."
    )
    items = evidence(plot, doc="pscl-count-regression")
    question = "What is the highest value marked on the Frequency axis of Figure 1 in the vignette?"
    assert read(question, items).startswith("700 — The plot's vertical (y) axis"), read(
        question, items
    )
    question = (
        "What is the lowest number on the x axis of Figure 1 of the count-regression vignette?"
    )
    assert read(question, items).startswith("0 — Plot of"), read(question, items)
    question = "In Figure 1 of the count-regression vignette, what is on the vertical axis?"
    assert read(question, items).startswith("Frequency — The plot's vertical"), read(
        question, items
    )
    question = "What is shown on the vertical axis of Figure 1 of the count-regression vignette?"
    assert read(question, items).startswith("Frequency — The plot's vertical"), read(
        question, items
    )
    # Another figure's plot does not answer for Figure 2.
    assert not read(
        "What is the highest value on the Frequency axis of Figure 2?", items
    ).startswith("700")


def test_a_qualified_quantity_is_not_read_under_another_label():
    # Before, "the high score" was answered with the game's score now ("Score: 0") and
    # with "Points: 10" beside a "Show High Scores" button.
    swell = evidence(
        "Screenshot of a program window.\nText in the image: Swell Foop\nScore: 0",
        modality="image",
    )
    assert read("What high score does my Swell Foop screenshot show?", swell) == ""
    kdiamond = evidence(
        "Screenshot of a program window.\nText in the image: KDiamond Game Move Settings Help "
        "New Show High Scores Pause Hint Very Easy Points: 10 Time left: 1:16",
        modality="image",
    )
    assert read("What is the high score shown in the KDiamond screenshot?", kdiamond) == ""
    # The qualified label, in one word or two, gives it; "Default: 10" labels what its
    # sentence tells of.
    scored = evidence(
        "Screenshot of a program window.\nText in the image: Blinken\nHigh score: 740 Score: 0",
        modality="image",
    )
    assert read("What high score does my Blinken screenshot show?", scored).startswith("740")
    assert without_other_labels("the minimum number of runs", "runs (default: 10)") == (
        "runs (default: 10)"
    )
    assert "10" not in without_other_labels("the high score", "Points: 10 Time left: 1:16")


def test_a_photo_s_colours_do_not_tell_the_colour_of_a_small_part_of_a_thing_in_it():
    # Before, "what colour is the driver's cap" was answered with the whole photo's colours.
    car = evidence(
        "Photograph in colour: a car, a vehicle; possibly a convertible. Mostly red and gray. "
        "The subject is red.",
        modality="image",
    )
    assert read("In my photo of the red vintage car, what colour is the driver's cap?", car) == ""
    assert read("What colour is the helmet of the person driving the car in my photo?", car) == ""
    assert "red" in read("What colour is the car in my photo?", car).lower()
    # A close-up fills the frame with the part, whose colour the photo's then tells.
    bee = evidence(
        "Photograph in colour: an insect, an animal; a bee. Mostly purple, gray and green.",
        modality="image",
    )
    question = "In my close-up of a bee on a flower, what colour are the flower's petals?"
    assert "purple" in read(question, bee).lower(), read(question, bee)


def test_an_axis_sentence_is_about_the_plot_titled_before_it_even_in_the_chunk_before():
    # Before, the first y-axis sentence of the second chunk, which goes on about plot (d),
    # answered for plot (c), titled further down.
    figure = [
        *evidence(
            "Figure 1: Four time series showing point forecasts.",
            'Right plot titled "(d) Overseas visitors to Australia", of "Thousands of people" '
            'against "Year": the horizontal (x) axis is labelled "Year", with ticks from 1985 '
            "at the left to 2005 at the right",
            '. The plot\'s vertical (y) axis is labelled "Thousands of people", with ticks from '
            '200 at the bottom to 800 at the top. Left plot titled "(c) UK passenger motor '
            'vehicle production", of "Thousands of cars" against "Year": the horizontal (x) '
            'axis is labelled "Year", with ticks from 1980 at the left to 2005 at the right. '
            'The plot\'s vertical (y) axis is labelled "Thousands of cars", with ticks from 200 '
            "at the bottom to 500 at the top.",
            modality="image",
        )
    ]
    question = (
        "In Figure 1 of the forecast paper, what is the y-axis label of the UK passenger motor "
        "vehicle production panel?"
    )
    assert read(question, figure).startswith("Thousands of cars — "), read(question, figure)


def test_a_book_s_title_or_a_house_s_address_is_never_told_by_a_picture_s_look():
    painting = evidence(
        "Photograph in colour: possibly a dust jacket (a removable paper cover wrapped around a "
        "hardback book, usually printed with the title). Mostly red and gray.",
        modality="image",
    )
    question = "What is the title of the book the girl is reading in the painting?"
    assert read(question, painting) == ""
    house = evidence(
        "Photograph in colour: possibly a traffic or street sign. Mostly green and brown.",
        modality="image",
    )
    assert read("What is the street address of the house in my photo?", house) == ""
    skyline = evidence(
        "Photograph in colour: possibly a lakeshore (the boundary between a body of water and "
        "the land). Mostly orange and purple.",
        modality="image",
    )
    assert read("Which city is the skyline in my sunset photo over calm water?", skyline) == ""
    signed = evidence("Text in the image: WELCOME TO OSLO. Photograph in colour.", modality="image")
    assert "OSLO" in read("Which city does the sign in my photo welcome me to?", signed)


def test_a_resolution_asked_of_a_picture_is_read_in_dots_per_inch():
    # Before, "at what resolution" asked for a thing, and no number led.
    viewer = evidence(
        "Screenshot of a program window.\nText in the image: Viewer\nFile Edit Filters\n"
        "Size 375x258 pixel, 1 bit/color, 3 colors, 75 dpi x 75 dpi, 283.4KB",
        modality="image",
    )
    question = "In my scanner viewer screenshot, at what resolution was the image scanned?"
    assert analyse(question).measure == "resolution"
    assert read(question, viewer).startswith("75 dpi — "), read(question, viewer)


def test_a_size_asked_of_a_picture_is_its_width_by_its_height():
    # Before, "what size will the picture be" was answered with the width alone ("782"), and
    # "what canvas size" with no lead at all.
    rotate = evidence(
        "Chart.\nText in the image: Rotate Image - KolourPaint\nAfter rotate: 782 x 699",
        modality="image",
    )
    question = (
        "In the Rotate Image dialog screenshot, what size will the picture be after rotating?"
    )
    assert read(question, rotate).startswith("782 x 699 — "), read(question, rotate)
    status = evidence(
        "Screenshot of a program window.\nText in the image: Untitled - KolourPaint\n"
        "Pen: Click to draw... 286,187 400 × 300 32bpp 100%",
        modality="image",
    )
    question = "What canvas size does the status bar of the KolourPaint screenshot show?"
    assert read(question, status).startswith("400 × 300 — "), read(question, status)
    # A size that no width by height gives is read as any number is.
    assert dimensions("a 300 dpi scan of 2 pages") == []
    assert dimensions("s7302178.jpg - 2592x1944 - 17%") == ["2592x1944"]


def test_the_side_asked_of_a_numbered_figure_is_read_in_its_chunk_however_far_down():
    # Before, only the first three pictures were chosen from, and the right-hand plot's
    # chunk, ranked sixth, lost to the left-hand one's.
    caption = "Figure 1: Histogram and CDF plots of an empirical distribution.\n"
    items = evidence(
        caption + 'Left plot titled "Empirical density", of "Density" against "Data".',
        "Line chart of 3 lines. Highest line: lognormal.",
        "Line chart of 3 lines. Highest line: Weibull.",
        "Line chart of 2 lines. Highest line: gamma.",
        "Line chart of 2 lines. Highest line: Burr.",
        caption + 'Right plot titled "Cumulative distribution", of "CDF" against "Data".',
        modality="image",
    )
    # Each chunk tells a picture of its own.
    items = [
        replace(e, chunk=replace(e.chunk, image=f"blobs/{i}.png")) for i, e in enumerate(items)
    ]
    question = (
        "Figure 1 of the paper shows two plots side by side. What is the right-hand one titled?"
    )
    answer = answer_from_picture(question, items, 0, 2)
    assert answer.startswith("Cumulative distribution — Right plot"), answer


def test_a_name_of_several_words_is_read_in_a_picture_in_any_order():
    # Before, "the KSquares New Game dialog" was no picture whose title bar reads
    # "New Game —KSquares", and nothing answered.
    dialog = evidence(
        "Screenshot of a program window.\nText in the image:\nNew Game —KSquares\nPlayers\n"
        "Number of players: 2\nGame Board\nWidth: 10 <>\nHeight: 7",
        modality="image",
    )
    answer = read("What board width is set in the KSquares New Game dialog?", dialog)
    assert answer.startswith("10 — "), answer


def test_who_took_a_picture_or_an_identifier_on_it_is_no_part_of_its_look():
    # Before, "which telescope took my photo" and "the plane's registration" were answered
    # with the description ("possibly a spiral", "an aircraft").
    assert asks_name("Which telescope took my photo of the spiral galaxy?")
    assert asks_name("What is the registration of the small white plane in my photo?")
    assert not asks_name("Which animal is shown in my photo?")
    photo = evidence(
        "Photograph in colour: an aircraft, a vehicle; a balloon.\nMostly blue and white.",
        modality="image",
    )
    assert read("What is the registration of the white plane in my airport photo?", photo) == ""


def test_a_picture_that_names_the_program_asked_about_is_read_before_another_plot():
    # Retrieval ranks a manual's plot above the screenshot: only the screenshot says Wireshark.
    pictures = [
        replace(
            item,
            chunk=replace(item.chunk, image=f"blobs/{n}.png", doc_id=f"d{n}", file=f"d{n}.png"),
        )
        for n, item in enumerate(
            evidence(
                'Plot titled "Bar Graph", of "Output" against "Measurement": the plot\'s '
                'vertical (y) axis is labelled "Output", with ticks from 0 to 10.',
                'Plot titled "Example 3", of "F" against "t": the vertical (y) axis is '
                'labelled "F".',
                "Figure 1: Target density. Left plot of y against x.",
                "Screenshot of a program window.\nText in the image:\nWireshark I/O Graphs\n"
                "400\nPackets/1 sec 200\n0 50 100 150 200\nTime (s)",
                modality="image",
            )
        )
    ]
    answer = read("What is the y-axis label of the Wireshark I/O graph?", pictures)
    assert "Packets/1 sec" in answer and "Output" not in answer, answer
    # Of pictures that name nothing the question names, the first is still the one read.
    answer = read("What is the y-axis label of the bar graph?", pictures)
    assert answer.startswith("Output"), answer


def test_a_dialog_field_labelled_with_the_word_asked_for_gives_its_value():
    # Before, "Enter tool paths below." answered: the field's line shares fewer of the
    # question's words than the dialog's heading.
    dialog = evidence(
        "Screenshot of a program window.\nText in the image:\nPreferences\n"
        "General Tool paths\nInterface Enter tool paths below.\n"
        'Editor Terminal: xterm -e"/bin/sh %c"\nFiles\nBrowser: firefox\nTools\n'
        "Templates Grep: grep x\nHelp Apply Cancel OK",
        modality="image",
    )
    answer = read("Which web browser is set in the tool paths of the preferences?", dialog)
    assert answer.startswith("firefox — "), answer
    # A value the question states is no answer, nor a field of another kind.
    assert not read("Which web browser is set to firefox in the tool paths?", dialog).startswith(
        "firefox — "
    )


def test_a_field_the_question_names_gives_its_value_over_a_wordier_line():
    # "Kile supports three kinds of conversion to png images" shares three of the question's
    # words; the field it names, Mathgroup, holds the setting asked for.
    preview = evidence(
        "Screenshot.\nText in the image:\nConfigure - Kile\nQuick Preview\n"
        "Kile supports three kinds of conversion to png images:\n"
        "dvi --> ps --> png (uses dvips/convert)\nConversion to image:\n"
        "Selection: pdf --> png\nEnvironment: pdf --> png\nMathgroup: dvi --> png",
        modality="image",
    )
    question = "On Kile's Preview page, which conversion to image is chosen for Mathgroup?"
    answer = read(question, preview)
    assert answer.startswith("dvi --> png — Mathgroup: dvi --> png"), answer
    # A field labelled with the word asked for still goes first: "Character: U+004C" is named
    # by the question too, but its "Name:" is what is asked.
    charselect = evidence(
        "Screenshot of a program window.\nText in the image:\nKCharSelect\n"
        "Character: U+004C\nName: LATIN CAPITAL LETTER L",
        modality="image",
    )
    question = "In the KCharSelect window, what is the Unicode name of the selected character?"
    assert read(question, charselect).startswith("LATIN CAPITAL LETTER L — "), question


def test_a_dialog_field_is_read_under_the_label_that_holds_most_of_the_asked_words():
    calculator = evidence(
        "Screenshot of a program window.\nText in the image:\nVia Size\n"
        "Copper resistivity: 1.72e-08 Ω-m Resistance: 0.0327197\n"
        "Via length: 1.6 mm Thermal resistance: 83.2937 -C/W",
        modality="image",
    )
    answer = read("What thermal resistance does the Via Size tab calculate?", calculator)
    assert answer.startswith("83.2937 -C/W — "), answer
    # A label qualified otherwise ("Current score") gives no "high score".
    game = evidence(
        "Screenshot of a program window.\nText in the image:\nKAtomic Game Move Settings\n"
        "Level: 1 Current score: 12 Highscore:-",
        modality="image",
    )
    assert not read("What is the high score in my KAtomic screenshot?", game).startswith("12")


def test_a_description_that_tells_only_the_pictures_kind_answers_only_a_question_on_it():
    # The line read that shares the question's words only repeats them ("Regulator"), and
    # the description's opening says what kind of picture was found: nothing of which
    # regulator is selected.
    calculator = evidence(
        "Screenshot of a program window.\nMostly white, with some blue.\nText in the image:\n"
        "PCB Calculator\nRegulator",
        modality="image",
    )
    assert read("In the PCB Calculator, which regulator is selected in the list?", calculator) == ""
    for question in (
        "What kind of picture is my PCB Calculator regulator image?",
        "Is the PCB Calculator regulator picture a screenshot?",
    ):
        assert read(question, calculator).startswith("Screenshot of a program window."), question
