"""A crawled page's furniture (编辑: … 2019-03-14, 来源: … 发布时间: …, 浏览次数) dates the page, which may
copy a document years after it was issued: the document's own date (under its issuer's name, at its
close, its number 〔2030〕7号, the date a regulation was adopted, a plan's or a list's title or
caption) comes first, and the page's date stands only when the document gives none.

The texts are written for these tests, in the layouts crawled copies give, not any one page.
"""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.docinfo import doc_info
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text


def info(text: str, name: str = "page.txt") -> DocInfo:
    return doc_info(text, working_text(text), name)


def test_a_date_under_the_issuers_name_outranks_the_date_the_page_was_posted() -> None:
    text = (
        "关于印发某县优化营商环境若干规定的通知\n来源:某县人民政府   2033-03-02 14:44\n浏览量:1\n\n"
        "各乡镇人民政府,县直各单位:\n现将《某县优化营商环境若干规定》印发给你们,请认真遵照执行。\n\n"
        "某县人民政府\n2030年2月18日\n\n第一条 为优化营商环境,制定本规定。\n"
    )
    assert info(text).year == 2030


def test_a_signature_indented_by_question_marks_of_a_lost_encoding_is_read() -> None:
    text = (
        "土地管理 2034-01-23 09:25:48 来源:某市人民政府\n- 颁发时间:2034-01-01\n"
        "??各县市区人民政府,市直机关各单位:\n??《某市土地要素保障若干措施(试行)》已经市人民政府同意,现予印发。\n"
        "??某市人民政府办公室\n??2033年12月30日\n??某市土地要素保障若干措施(试行)\n??一、优先保障产业用地。\n"
    )
    assert info(text).year == 2033


def test_the_documents_own_number_on_its_line_dates_it() -> None:
    text = (
        "关于印发某项工作方案的通知\n发布时间:2035-06-01 10:00 浏览次数:12\n\n某政办发〔2031〕7号\n\n"
        "各有关单位:\n根据《某省条例》(某发〔2029〕3号)精神,现将方案印发给你们。\n"
    )
    assert info(text).year == 2031


def test_a_cited_number_does_not_date_the_document() -> None:
    text = (
        "关于做好某项工作的通知\n发布时间:2035-06-01 10:00 浏览次数:12\n\n"
        "各有关单位:\n根据《某省条例》(某发〔2029〕3号)精神,现就有关事项通知如下。\n"
    )
    assert info(text).year == 2035


def test_the_date_a_regulation_was_adopted_outranks_a_law_sites_copy_date() -> None:
    text = (
        "某省渔业条例\n\n作者:某法律网 时间:2036-07-09 07:10:24   浏览:97   来源:某法律网\n\n"
        "某省渔业条例\n(2015年11月25日某省第十届人民代表大会常务委员会第十八次会议通过)\n"
        "第一条 为了保护渔业资源,制定本条例。\n"
    )
    assert info(text).year == 2015


def test_a_plan_caption_year_before_a_reposts_byline_dates_the_plan() -> None:
    text = (
        "编辑: 某网友 2032-03-14\n附件 某县2031年大气污染整治方案职责清单 工作任务和内容 责任单位 配合单位 完成时间 "
        "负责全县扬尘污染整治工作的督导检查,落实整治措施,公开曝光违法行为. 县住建局 7月底前完成\n"
    )
    d = info(text)
    assert d.title == "某县2031年大气污染整治方案职责清单"  # the byline is no title
    assert (d.year, d.period_start, d.period_end) == (2031, 2031, 2031)


def test_a_reviews_title_year_does_not_outrank_the_pages_date() -> None:
    # a communique on 2030 is issued in 2031: the page's date is its own
    text = "2030年某区经济和社会发展统计公报\n\n发布时间:2031-04-03 16:12 信息来源:某区统计局\n\n初步核算,全年地区生产总值100亿元。\n"
    assert info(text).year == 2031


def test_a_later_year_in_a_plans_title_does_not_outrank_the_pages_date() -> None:
    text = (
        "关于做好2032年某项工作的通知\n发布时间:2031-12-20 09:00\n\n各有关单位:\n请于年底前报送工作方案。\n"
    )
    assert info(text).year == 2031


def test_a_plan_titled_with_a_year_after_the_pages_date_keeps_the_pages_date() -> None:
    # only a title year before the page's dates a reposted plan: a plan for the next year is issued
    # in the page's year
    text = "某县2032年大气污染防治工作方案\n发布时间:2031-12-20 09:00\n\n一、工作目标\n全年完成整治任务。\n"
    assert info(text).year == 2031


def test_a_table_of_how_work_went_keeps_the_pages_date() -> None:
    # a table named by its 情况 looks back on its title's year: the page's date is its own
    text = "某县2030年重点项目进展情况表\n发布时间:2031-03-02 10:00\n\n项目名称 进展情况\n"
    assert info(text).year == 2031


def test_a_page_whose_document_gives_no_date_keeps_the_pages_date() -> None:
    text = "某区推进某项工作实施方案\n编辑: 某某 2033-05-06\n\n一、工作目标\n年底前完成改造任务。\n"
    assert info(text).year == 2033


def test_relative_deadlines_of_a_reposted_list_resolve_against_the_lists_own_year() -> None:
    text = (
        "编辑: 某网友 2032-03-14\n附件 某县2031年水环境整治方案职责清单 工作任务和内容 责任单位 配合单位 完成时间 "
        "负责全县河道保洁工作的统筹协调,制定年度保洁计划,落实河道保洁经费.\n\n县水利局 持续开展 "
        "负责城区黑臭水体排查整治,完成排污口截污纳管改造. 县生态环境局 9月底前完成\n"
    )
    tasks = extract_text(text, name="page.txt").tasks
    dated = [t.deadline for t in tasks if t.deadline is not None and t.deadline.month == 9]
    assert dated and all(d.year == 2031 for d in dated)


def test_deadline_cells_under_unit_names_are_no_signature() -> None:
    text = (
        "某区2031年工作方案\n发布日期:2031-03-01\n任务一\n区财政局\n2032年12月31日\n"
        "任务二\n区教育局\n2032年12月31日\n任务三\n区民政局\n2032年6月30日\n"
    )
    assert info(text).year == 2031
