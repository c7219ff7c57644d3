"""Duty tables whose cell and row breaks a copy lost: a division table copied out of a web page or
a PDF into running text keeps one space (or a line break) between its cells and nothing between
its rows. The heading row names the columns (a text column, unit columns, a deadline column last);
each row is its duty text ending a sentence, its unit names, and its deadline, which opens with a
date or an ongoing word.

The texts are written for these tests: they follow the layout such copies give (a title, the
heading row, the rows run on), not any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

RUN_ON = """某市2031年水环境综合整治方案
附件 某市2031年水环境综合整治职责清单 工作任务和内容 责任单位 配合单位 完成时间 负责全市河道保洁工作的统筹协调,制定年度保洁计划,落实河道保洁经费。
市水利局 市财政局 持续推进 负责城区黑臭水体排查整治,完成排污口截污纳管改造。 市住房和城乡 建设局 市生态环境局 9月底前完成 截污纳管改造 加强入河排污口监测,依法查处超标排放行为。 市生态环境局 市公安局 长期坚持 负责农村生活污水治理设施建设,提高农村污水处理率。 市农业 农村局 12月底前
"""


def _tasks(text: str):
    return extract_text(text, name="run_on.txt").tasks


def test_each_run_on_row_is_a_task_with_its_units_and_deadline() -> None:
    tasks = _tasks(RUN_ON)
    assert len(tasks) == 4
    assert tasks[0].text.startswith("负责全市河道保洁工作")
    assert tasks[0].text.endswith("落实河道保洁经费。")
    assert tasks[0].lead_units == ("市水利局",)
    assert tasks[0].co_units == ("市财政局",)
    assert tasks[0].deadline is not None and tasks[0].deadline.kind == "ongoing"


def test_a_unit_name_broken_by_a_space_is_one_name() -> None:
    tasks = _tasks(RUN_ON)
    assert tasks[1].lead_units == ("市住房和城乡建设局",)
    assert tasks[1].co_units == ("市生态环境局",)
    assert tasks[3].lead_units == ("市农业农村局",)
    assert tasks[3].co_units == ()


def test_a_deadline_cell_wrapped_onto_words_after_the_date_stays_out_of_the_next_row() -> None:
    tasks = _tasks(RUN_ON)
    assert tasks[1].deadline is not None
    assert (tasks[1].deadline.kind, tasks[1].deadline.year, tasks[1].deadline.month) == ("month", 2031, 9)
    assert tasks[2].text.startswith("加强入河排污口监测")
    assert "截污纳管改造 " not in tasks[2].text


def test_names_of_columns_in_sentences_are_no_heading_row() -> None:
    text = """某市关于做好河道保洁工作的通知
一、明确责任。各地要明确责任单位 完成时间 和工作要求,负责河道保洁的单位要落实经费。
市水利局 持续推进 负责城区黑臭水体排查整治。 市住建局 9月底前
"""
    assert not any(t.lead_units == ("市水利局",) for t in _tasks(text))


def test_cells_run_together_with_no_space_are_not_read_as_rows() -> None:
    text = RUN_ON.replace("。\n市水利局 市财政局 持续推进 ", "。市水利局市财政局持续推进")
    tasks = _tasks(text)
    assert not any("市水利局" in t.lead_units for t in tasks)


def test_the_year_of_the_caption_before_the_heading_row_dates_its_deadlines() -> None:
    # a page reposting the table a year later: its byline's date is not the table's year
    text = "编辑: 某网友 2032-03-14\n" + RUN_ON.split("\n", 1)[1]
    tasks = _tasks(text)
    assert tasks[1].deadline is not None
    assert (tasks[1].deadline.year, tasks[1].deadline.month) == (2031, 9)
    assert tasks[3].deadline is not None and tasks[3].deadline.year == 2031
