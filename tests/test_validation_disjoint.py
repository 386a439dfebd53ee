"""The validation set shares no file with the development set or samples/corpus, and its
verify.py fails when one does: a picture the product was tuned on would score as unseen."""

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import dev_file

ROOT = Path(__file__).resolve().parent.parent
VALIDATION = ROOT / "eval" / "validation"


@pytest.fixture
def verify(monkeypatch):
    spec = importlib.util.spec_from_file_location("validation_verify", VALIDATION / "verify.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "problems", [])
    monkeypatch.setattr(module, "notes", [])
    monkeypatch.setattr(module, "problem", module.problems.append)
    return module


def test_the_validation_corpus_shares_no_file_with_the_dev_set_or_the_samples(verify):
    dev_corpus = dev_file("dev_img_01.jpg").parent
    shared = verify.shared_files(
        str(VALIDATION / "corpus"), [str(dev_corpus), str(ROOT / "samples" / "corpus")]
    )
    assert shared == []


def test_a_byte_identical_file_is_a_problem_and_a_re_encoded_one_is_not(verify, tmp_path):
    corpus, dev, samples = (tmp_path / d for d in ("corpus", "dev", "samples"))
    for d in (corpus, dev, samples):
        d.mkdir()
    (dev / "dev_img_01.jpg").write_bytes(b"\xff\xd8\xff picture")
    (samples / "notes.md").write_bytes(b"# notes\n")
    (corpus / "val_img_01.jpg").write_bytes(b"\xff\xd8\xff picture")
    (corpus / "val_notes.md").write_bytes(b"# notes\n")
    (corpus / "val_img_02.jpg").write_bytes(b"\xff\xd8\xff picture, saved again")
    verify.CORPUS = str(corpus)

    verify.check_disjoint(dev_corpora=(str(tmp_path / "absent"), str(dev)), samples=str(samples))

    assert len(verify.problems) == 2
    assert "corpus/val_img_01.jpg: byte-identical to" in verify.problems[0]
    assert verify.problems[0].split(";")[0].endswith("dev_img_01.jpg")
    assert "corpus/val_notes.md: byte-identical to" in verify.problems[1]
    assert verify.notes == []


def test_without_the_dev_set_the_check_says_it_was_skipped(verify, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "val_img_01.jpg").write_bytes(b"\xff\xd8\xff picture")
    verify.CORPUS = str(corpus)

    verify.check_disjoint(dev_corpora=(str(tmp_path / "absent"),), samples=str(tmp_path / "none"))

    assert verify.problems == []
    assert any("development corpus not found" in n for n in verify.notes)


@pytest.mark.parametrize(
    ("qid", "ok"),
    [
        ("val-unans-05", True),
        ("val4-unans-27", True),
        ("val5-unans-33", True),
        ("val6-unans-34", True),
        ("val7-unans-40", True),
        ("val7-unans-100", True),
        ("val8-unans-46", True),
        ("val8-unans-101", True),
        ("val9-unans-52", True),
        ("val9-unans-101", True),
        ("val10-unans-58", True),
        ("val10-unans-100", True),
        ("val11-unans-64", True),
        ("val11-unans-100", True),
        ("val12-unans-70", True),
        ("val12-unans-100", True),
        ("val13-unans-76", True),
        ("val13-unans-100", True),
        ("val14-unans-82", True),
        ("val14-unans-100", True),
        ("val15-unans-88", True),
        ("val15-unans-100", True),
        ("val16-unans-94", True),
        ("val16-unans-100", True),
        ("val17-unans-100", True),
        ("val17-unans-105", True),
        ("val18-unans-106", True),
        ("val18-unans-111", True),
        ("val19-unans-112", True),
        ("val19-unans-117", True),
        ("val20-unans-118", True),
        ("val20-unans-123", True),
        ("val21-unans-124", True),
        ("val21-unans-129", True),
        ("val22-unans-130", True),
        ("val22-unans-135", True),
        ("val23-unans-136", True),
        ("val23-unans-141", True),
        ("val24-unans-142", True),
        ("val24-unans-147", True),
        ("val25-unans-148", True),
        ("val25-unans-153", True),
        ("val26-unans-154", True),
        ("val26-unans-159", True),
        ("val27-unans-160", True),
        ("val27-unans-165", True),
        ("val28-unans-166", True),
        ("val28-unans-171", True),
        ("val29-unans-172", True),
        ("val29-unans-177", True),
        ("val30-unans-178", True),
        ("val30-unans-183", True),
        ("val31-unans-184", True),
        ("val31-unans-189", True),
        ("val32-unans-190", True),
        ("val32-unans-195", True),
        ("val33-unans-196", True),
        ("val33-unans-201", True),
        ("val34-unans-202", True),
        ("val34-unans-207", True),
        ("val35-unans-208", True),
        ("val35-unans-213", True),
        ("val36-unans-214", True),
        ("val36-unans-219", True),
        ("val37-unans-220", True),
        ("val37-unans-225", True),
        ("val38-unans-226", True),
        ("val38-unans-231", True),
        ("val39-unans-232", True),
        ("val39-unans-237", True),
        ("val40-unans-238", True),
        ("val40-unans-243", True),
        ("val41-unans-244", True),
        ("val41-unans-249", True),
        ("val42-unans-250", True),
        ("val42-unans-255", True),
        ("val43-unans-256", True),
        ("val43-unans-261", True),
        ("val44-unans-262", True),
        ("val44-unans-267", True),
        ("val45-unans-268", True),
        ("val45-unans-273", True),
        ("val46-unans-274", True),
        ("val46-unans-279", True),
        ("val47-unans-280", True),
        ("val47-unans-285", True),
        ("val48-unans-286", True),
        ("val48-unans-291", True),
        ("val49-unans-292", True),
        ("val49-unans-297", True),
        ("val50-unans-298", True),
        ("val50-unans-303", True),
        ("val51-unans-304", True),
        ("val51-unans-309", True),
        ("val52-unans-310", True),
        ("val52-unans-315", True),
        ("val53-unans-316", True),
        ("val53-unans-321", True),
        ("val54-unans-322", True),
        ("val54-unans-327", True),
        ("val55-unans-328", True),
        ("val55-unans-333", True),
        ("val56-unans-334", True),
        ("val56-unans-339", True),
        ("val57-unans-340", True),
        ("val57-unans-345", True),
        ("val57-unans-5", False),
        ("val58-unans-346", True),
        ("val58-unans-351", True),
        ("val59-unans-352", True),
        ("val59-unans-357", True),
        ("val60-unans-358", True),
        ("val60-unans-363", True),
        ("val61-unans-364", True),
        ("val61-unans-369", True),
        ("val62-unans-370", True),
        ("val63-unans-63", True),
        ("val63-unans-376", True),
        ("val64-unans-382", True),
        ("val64-unans-387", True),
        ("val66-unans-394", True),
        ("val66-unans-399", True),
        ("val67-unans-400", True),
        ("val67-unans-405", True),
        ("val68-unans-406", True),
        ("val69-unans-412", True),
        ("val69-unans-417", True),
        ("val70-unans-418", True),
        ("val70-unans-423", True),
        ("val71-unans-424", True),
        ("val71-unans-429", True),
        ("val72-unans-430", True),
        ("val72-unans-435", True),
        ("val73-unans-436", True),
        ("val73-unans-441", True),
        ("val74-unans-442", True),
        ("val74-unans-447", True),
        ("val75-unans-448", True),
        ("val75-unans-453", True),
        ("val76-unans-454", True),
        ("val76-unans-459", True),
        ("val77-unans-460", True),
        ("val77-unans-465", True),
        ("val78-unans-466", True),
        ("val78-unans-471", True),
        ("val79-unans-472", True),
        ("val79-unans-477", True),
        ("val80-unans-478", True),
        ("val80-unans-483", True),
        ("val81-unans-81", False),
        ("val81-unans-484", False),
        ("val80-unans-5", False),
        ("val79-unans-5", False),
        ("val78-unans-5", False),
        ("val77-unans-5", False),
        ("val76-unans-5", False),
        ("val75-unans-5", False),
        ("val74-unans-5", False),
        ("val73-unans-5", False),
        ("val72-unans-5", False),
        ("val71-unans-5", False),
        ("val70-unans-5", False),
        ("val69-unans-5", False),
        ("val68-unans-411", True),
        ("val68-unans-5", False),
        ("val67-unans-5", False),
        ("val66-unans-5", False),
        ("val64-unans-5", False),
        ("val63-unans-5", False),
        ("val62-unans-5", False),
        ("val61-unans-5", False),
        ("val60-unans-5", False),
        ("val59-unans-5", False),
        ("val58-unans-5", False),
        ("val56-unans-5", False),
        ("val55-unans-5", False),
        ("val54-unans-5", False),
        ("val53-unans-5", False),
        ("val52-unans-5", False),
        ("val51-unans-5", False),
        ("val50-unans-5", False),
        ("val49-unans-5", False),
        ("val48-unans-5", False),
        ("val47-unans-5", False),
        ("val46-unans-5", False),
        ("val45-unans-5", False),
        ("val44-unans-5", False),
        ("val43-unans-5", False),
        ("val42-unans-5", False),
        ("val41-unans-5", False),
        ("val40-unans-5", False),
        ("val39-unans-5", False),
        ("val38-unans-5", False),
        ("val37-unans-5", False),
        ("val36-unans-5", False),
        ("val35-unans-5", False),
        ("val34-unans-5", False),
        ("val33-unans-5", False),
        ("val32-unans-5", False),
        ("val31-unans-5", False),
        ("val30-unans-5", False),
        ("val29-unans-5", False),
        ("val28-unans-5", False),
        ("val27-unans-5", False),
        ("val26-unans-5", False),
        ("val25-unans-5", False),
        ("val24-unans-5", False),
        ("val23-unans-5", False),
        ("val22-unans-5", False),
        ("val21-unans-5", False),
        ("val20-unans-5", False),
        ("val19-unans-5", False),
        ("val18-unans-5", False),
        ("val17-unans-5", False),
        ("val16-unans-5", False),
        ("val15-unans-5", False),
        ("val14-unans-5", False),
        ("val13-unans-5", False),
        ("val12-unans-5", False),
        ("val11-unans-5", False),
        ("val1-unans-52", False),
        ("val0-unans-52", False),
        ("val10-unans-5", False),
        ("val7-unans-1000", False),
        ("val7-unans-4", False),
        ("val6-img-34", False),
        ("val5-img-33", False),
    ],
)
def test_ids_name_one_of_the_eighteen_batches_and_the_kind(verify, qid, ok):
    question = {"id": qid, "question": "Who?", "answers": [], "sources": [], "kind": "unanswerable"}
    line = json.dumps(question)
    ids, cited, counts = set(), set(), {}

    verify.check_question(1, line, ids, cited, counts, have_tesseract=False)

    assert (verify.problems == []) is ok
    assert counts == {"unanswerable": 1}
