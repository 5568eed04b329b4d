"""Review mode driven by keys and mouse; each test checks what the project file holds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.model import GOLD, LabelKind, Status
from annotator.review.units import UnitState
from annotator.ui.review.view import STATE_COLORS
from annotator.ui.review.window import ReviewWindow
from tests.conftest import reopen_project
from tests.present import present
from tests.ui.review.conftest import CURATOR, at

Key = Qt.Key
Mod = Qt.KeyboardModifier


def gold_in_file(win: ReviewWindow) -> list[tuple[str, int, int]]:
    fresh = reopen_project(win.project.path)
    try:
        return [(a.label, a.start, a.end) for a in fresh.annotations(win.document_id(), GOLD)]
    finally:
        fresh.close()


def press(
    qtbot: QtBot, win: ReviewWindow, key: Qt.Key, mod: Qt.KeyboardModifier = Mod.NoModifier
) -> None:
    qtbot.keyClick(win.view, key, mod)


def go_to(qtbot: QtBot, win: ReviewWindow, state: UnitState) -> None:
    """Step with N to the first unit in that state."""
    while present(win.current_unit()).state is not state:
        press(qtbot, win, Key.Key_N)


def test_units_are_listed_in_reading_order_and_stepped_by_keys(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    assert [(u.layer, u.state) for u in review.units] == [
        (LabelKind.ENTITY, UnitState.AGREE),
        (LabelKind.CLAIM, UnitState.BOUNDARIES_DIFFER),
        (LabelKind.ENTITY, UnitState.LABEL_DIFFERS),
        (LabelKind.ENTITY, UnitState.INCOMPLETE),
    ]
    assert review.unit_list.count() == 4 and review.unit_list.currentRow() == 0
    press(qtbot, review, Key.Key_N)
    press(qtbot, review, Key.Key_Down, Mod.AltModifier)
    assert review.unit_list.currentRow() == 2
    assert review.view.current_unit == at("غزة")
    press(qtbot, review, Key.Key_P)
    press(qtbot, review, Key.Key_Up, Mod.AltModifier)
    press(qtbot, review, Key.Key_Up, Mod.AltModifier)  # stays on the first
    assert review.unit_list.currentRow() == 0


def test_n_and_p_skip_the_places_already_decided(qtbot: QtBot, review: ReviewWindow) -> None:
    press(qtbot, review, Key.Key_Down, Mod.AltModifier)
    press(qtbot, review, Key.Key_A)  # the claim: decided
    press(qtbot, review, Key.Key_Up, Mod.AltModifier)
    press(qtbot, review, Key.Key_A)  # محمد: decided
    press(qtbot, review, Key.Key_N)
    assert review.unit_list.currentRow() == 2
    press(qtbot, review, Key.Key_P)  # nothing before is left to decide: stays
    assert review.unit_list.currentRow() == 2
    press(qtbot, review, Key.Key_Up, Mod.AltModifier)
    assert review.unit_list.currentRow() == 1


def test_number_key_accepts_that_annotators_version_and_undo_redo_follow(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    go_to(qtbot, review, UnitState.LABEL_DIFFERS)
    press(qtbot, review, Key.Key_2)  # omar, the second lane
    assert gold_in_file(review) == [("ORG", *at("غزة"))]
    fresh = reopen_project(review.project.path)
    (gold,) = fresh.annotations(review.document_id(), GOLD)
    assert present(fresh.gold.provenance(gold.id)).proposed_by == ("omar",)
    assert fresh.gold.curation_status(present(review.document_id())).status is Status.IN_PROGRESS
    fresh.close()
    assert review.unit_list.currentItem().text().startswith("✓")

    press(qtbot, review, Key.Key_1)  # changing one's mind: huda's version replaces it
    assert gold_in_file(review) == [("LOC", *at("غزة"))]
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier)
    assert gold_in_file(review) == [("ORG", *at("غزة"))]
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier)
    assert gold_in_file(review) == []
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert gold_in_file(review) == [("ORG", *at("غزة"))]


def test_a_accepts_the_most_proposed_version_and_r_rejects(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    press(qtbot, review, Key.Key_A)
    assert gold_in_file(review) == [("PER", *at("محمد"))]
    go_to(qtbot, review, UnitState.INCOMPLETE)
    press(qtbot, review, Key.Key_R)
    fresh = reopen_project(review.project.path)
    assert fresh.gold.rejected(present(review.document_id())) == {("ORG", *at("Reuters"))}
    fresh.close()
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier)
    fresh = reopen_project(review.project.path)
    assert fresh.gold.rejected(present(review.document_id())) == set()
    fresh.close()


def test_e_accepts_then_edges_move_with_the_main_windows_keys(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    go_to(qtbot, review, UnitState.BOUNDARIES_DIFFER)
    press(qtbot, review, Key.Key_E)  # accepts the first version (omar's) and selects it
    start, end = at("إن الاحتلال يحاصر غزة")
    assert gold_in_file(review) == [("CLAIM", start, end)]
    # Right-to-left paragraph: the end edge moves left, i.e. later, one letter at a time.
    press(qtbot, review, Key.Key_Right, Mod.AltModifier | Mod.ShiftModifier)
    assert gold_in_file(review) == [("CLAIM", start, end - 1)]
    fresh = reopen_project(review.project.path)
    (gold,) = fresh.annotations(review.document_id(), GOLD)
    assert present(fresh.gold.provenance(gold.id)).curated_by == CURATOR
    fresh.close()
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier)
    assert gold_in_file(review) == [("CLAIM", start, end)]
    press(qtbot, review, Key.Key_Delete)  # rejects the selected gold span
    assert gold_in_file(review) == []


def test_the_selected_gold_spans_label_is_changed_from_the_box(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    go_to(qtbot, review, UnitState.LABEL_DIFFERS)
    assert not review.gold_label.isEnabled()
    press(qtbot, review, Key.Key_E)  # accepts huda's LOC and selects it
    assert review.gold_label.isEnabled() and review.gold_label.currentText() == "LOC"
    assert review.provenance_label.text() == (
        "proposed by \u2068huda\u2069 · agreed by — · curated by \u2068curator\u2069 (curator)"
    )
    qtbot.keyClick(review.gold_label, Key.Key_Down)  # the label after LOC in the schema
    assert gold_in_file(review) == [("EVENT", *at("غزة"))]
    fresh = reopen_project(review.project.path)
    (gold,) = fresh.annotations(review.document_id(), GOLD)
    assert present(fresh.gold.provenance(gold.id)).curated_by == CURATOR
    fresh.close()
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier)
    assert gold_in_file(review) == [("LOC", *at("غزة"))]


def test_a_gold_span_nobody_had_is_added_on_the_selected_text(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    start, end = at("الاحتلال")
    cursor = review.view.textCursor()
    cursor.setPosition(review.view.index.map.to_utf16(start))
    review.view.setTextCursor(cursor)
    press(qtbot, review, Key.Key_Left, Mod.ControlModifier | Mod.ShiftModifier)  # the word
    assert review.gold_label.isEnabled()
    qtbot.keyClick(review.gold_label, Key.Key_O)  # ORG, found by its first letter
    assert gold_in_file(review) == [("ORG", start, end)]
    fresh = reopen_project(review.project.path)
    (gold,) = fresh.annotations(review.document_id(), GOLD)
    source = fresh.gold.provenance(gold.id)
    assert source is not None and source.proposed_by == () and source.curated_by == CURATOR
    fresh.close()
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier)
    assert gold_in_file(review) == []


def test_curation_status_is_set_from_the_combo_box_and_undone(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    qtbot.keyClick(review.curation, Key.Key_Down)
    qtbot.keyClick(review.curation, Key.Key_Down)
    fresh = reopen_project(review.project.path)
    assert fresh.gold.curation_status(present(review.document_id())).status is Status.DONE
    fresh.close()
    assert present(review.documents.currentItem()).text(1) == "done"
    press(qtbot, review, Key.Key_Z, Mod.ControlModifier)
    fresh = reopen_project(review.project.path)
    assert fresh.gold.curation_status(present(review.document_id())).status is Status.IN_PROGRESS
    fresh.close()


def test_lanes_are_painted_per_annotator_in_the_colour_of_the_state(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    go_to(qtbot, review, UnitState.LABEL_DIFFERS)
    fresh = reopen_project(review.project.path)
    doc = review.document_id()
    omar_org = next(a for a in fresh.annotations(doc, "omar") if a.label == "ORG")
    huda_loc = next(a for a in fresh.annotations(doc, "huda") if a.label == "LOC")
    fresh.close()
    image = review.view.viewport().grab().toImage()
    huda_rect = review.view.lane_rects(0, huda_loc.id)[0]
    omar_rect = review.view.lane_rects(1, omar_org.id)[0]
    assert omar_rect.bottom() < huda_rect.bottom()  # the second lane sits above the first
    for rect in (huda_rect, omar_rect):
        color = QColor(image.pixel(rect.center().toPoint()))
        assert color == STATE_COLORS[UnitState.LABEL_DIFFERS]
    assert review.view.lane_rects(0, omar_org.id) == []  # not in huda's lane


def test_clicking_a_span_in_its_lane_goes_to_its_place(qtbot: QtBot, review: ReviewWindow) -> None:
    fresh = reopen_project(review.project.path)
    reuters = next(
        a for a in fresh.annotations(review.document_id(), "omar") if a.start == at("Reuters")[0]
    )
    fresh.close()
    assert review.unit_list.currentRow() == 0  # محمد: entities' lanes are shown
    rect = review.view.lane_rects(1, reuters.id)[0]
    qtbot.mouseClick(review.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert present(review.current_unit()).start == at("Reuters")[0]


def test_unchecking_an_annotator_recomputes_the_units(qtbot: QtBot, review: ReviewWindow) -> None:
    omar = review.annotators_list.findItems("omar", Qt.MatchFlag.MatchContains)[0]
    rect = review.annotators_list.visualItemRect(omar)
    # The check box sits at the item's leading edge.
    qtbot.mouseClick(
        review.annotators_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 10, rect.center().y()),
    )
    assert review.chosen() == ["huda"]
    assert {u.state for u in review.units} == {UnitState.AGREE}
    assert review.view.lanes and len(review.view.lanes) == 1


def test_coming_back_to_the_window_shows_what_changed_meanwhile(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    other = reopen_project(review.project.path)
    doc = present(review.document_id())
    other.add_annotation(doc, "huda", "ORG", *at("Reuters"))  # now both have it
    other.add_annotation(doc, GOLD, "PER", *at("محمد"))
    other.close()
    QApplication.sendEvent(review, QEvent(QEvent.Type.WindowActivate))
    assert review.units[-1].state is UnitState.AGREE
    assert [a.label for a in review.view.index.in_order()] == ["PER"]
    assert review.unit_list.item(0).text().startswith("✓")


def test_clicking_another_document_opens_it(qtbot: QtBot, review: ReviewWindow) -> None:
    other = review.documents.topLevelItem(1)
    rect = review.documents.visualItemRect(present(other))
    qtbot.mouseClick(review.documents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert present(review.session.document).name == "other"
    assert review.units == [] and review.unit_list.count() == 0
