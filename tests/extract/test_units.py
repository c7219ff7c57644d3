"""Unit lists: cleaning, distribution of prefixes and suffixes, roles and the alias registry."""

from __future__ import annotations

import pytest

from taizhang.extract.units import UnitRegistry, is_none, looks_like_unit, parse_roles, parse_units, unit_key


class ParseUnitsTestCase:
    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            ("区发展改革局、工业和信息化局、科技局", ["区发展改革局", "区工业和信息化局", "区科技局"]),
            ("黄贝、南湖、莲塘街道办", ["黄贝街道办", "南湖街道办", "莲塘街道办"]),
            ("区企业服务\n中心", ["区企业服务中心"]),
            ("区委组织部、区企业服务\n中心", ["区委组织部", "区企业服务中心"]),
            ("区委组织部、宣传部、科技局", ["区委组织部", "区委宣传部", "区科技局"]),
            ("区规划和自然资源局、城市更新局", ["区规划和自然资源局", "区城市更新局"]),
            ("区商务局、西区产业园管委会", ["区商务局", "西区产业园管委会"]),
            ("各产业部门、各招商先锋队", ["各产业部门", "各招商先锋队"]),
            ("市规划和自然资源局罗湖管理局", ["市规划和自然资源局罗湖管理局"]),
            ("區國資局、金融局", ["區國資局", "區金融局"]),
            ("区发改局\n区财政局", ["区发改局", "区财政局"]),
            # A list that writes the prefix on every name writes each name whole.
            ("市商务委、市交通委、长三角区域合作办公室", ["市商务委", "市交通委", "长三角区域合作办公室"]),
            ("省委金融办、省财政厅、山东金融监管局", ["省委金融办", "省财政厅", "山东金融监管局"]),
            ("省大数据局、国家金融监督管理总局山东监管局", ["省大数据局", "国家金融监督管理总局山东监管局"]),
            # 等 closes a list: X等 is X; X等有关部门 is X and 有关部门.
            ("省科技厅、省海洋局等", ["省科技厅", "省海洋局"]),
            ("省发展改革委、省住房城乡建设厅等有关部门", ["省发展改革委", "省住房城乡建设厅", "有关部门"]),
            ("市财政局、市规划局等市直有关部门", ["市财政局", "市规划局", "市直有关部门"]),
            # 市场… is a common word, not the level 市: it gives no prefix to the names after it.
            ("体育总局、市场监管总局、财政部", ["体育总局", "市场监管总局", "财政部"]),
            # A list's separator inside brackets belongs to a name; 及 joins two whole names.
            ("市直各有关单位、各县（市、区）人民政府", ["市直各有关单位", "各县（市、区）人民政府"]),
            ("市级各有关部门及各县市区政府", ["市级各有关部门", "各县市区政府"]),
            ("市场监管局及其派出机构", ["市场监管局及其派出机构"]),
            # 和 joins two whole names too; inside one name (its head no name) it stays.
            ("区交通委和公安分局交管部门", ["区交通委", "区公安分局交管部门"]),
            ("各属地派出所和街镇", ["各属地派出所", "街镇"]),
            # a level written with its peer in brackets is a government of each level
            ("市、县（区）人民政府", ["市人民政府", "县（区）人民政府"]),
            # a generic noun after 和 shares the words before it: one collective
            ("各有关部门和单位", ["各有关部门和单位"]),
            ("区工业和信息化局、区人力资源和社会保障局", ["区工业和信息化局", "区人力资源和社会保障局"]),
            # The 各 of a collective goes to the bare levels of places listed after it.
            ("各街道、镇", ["各街道", "各镇"]),
            # A shared suffix goes only to the run of bare names right before the last name.
            ("轨交车站、轨交公安、属地派出所和属地街镇", ["轨交车站", "轨交公安", "属地派出所", "属地街镇"]),
            # A collective is whole: it takes no shared suffix.
            ("各区县、各有关部门", ["各区县", "各有关部门"]),
            # A list closed by 等部门和单位 names the fields before it, nothing more.
            ("交通、环保、民政等部门和单位", ["交通", "环保", "民政"]),
            ("区水务局、区绿化局等单位和部门", ["区水务局", "区绿化局"]),
        ],
    )
    def test_it_expands_a_written_list_into_whole_names(self, written: str, expected: list[str]) -> None:
        assert parse_units(written) == expected

    @pytest.mark.parametrize("cell", ["——", "—", "无", "/", "", "  "])
    def test_it_reads_a_none_marker_as_no_unit(self, cell: str) -> None:
        assert parse_units(cell) == []

    def test_it_knows_a_name_is_not_a_none_marker(self) -> None:
        assert not is_none("区司法局")


class ParseRolesTestCase:
    def test_it_reads_lead_and_co_markers(self) -> None:
        roles = parse_roles("区商务局牵头，区财政局、税务局配合")
        assert roles.lead == ("区商务局",)
        assert roles.co == ("区财政局", "区税务局")

    def test_it_reads_labels(self) -> None:
        roles = parse_roles("牵头单位：区政务服务数据管理局；配合单位：区财政局、区统计局")
        assert roles.lead == ("区政务服务数据管理局",)
        assert roles.co == ("区财政局", "区统计局")

    def test_units_named_as_responsible_with_no_lead_are_lead_units(self) -> None:
        assert parse_roles("责任单位：区科技局、区财政局").lead == ("区科技局", "区财政局")

    @pytest.mark.parametrize(
        ("note", "lead", "co"),
        [
            # Units that answer for the work (负责, 分工负责, 分头落实) lead when no lead is named...
            ("省工业和信息化厅、省海洋局分工负责", ("省工业和信息化厅", "省海洋局"), ()),
            ("省委网信办、省大数据局分工负责，各部门配合", ("省委网信办", "省大数据局"), ("各部门",)),
            # ... and are co-units beside a named lead.
            (
                "省政府办公厅牵头，省大数据局配合，各有关部门分工负责",
                ("省政府办公厅",),
                ("省大数据局", "各有关部门"),
            ),
            ("省大数据局牵头，各有关部门分头落实", ("省大数据局",), ("各有关部门",)),
            # Units that guide the work lead only when nobody leads or answers for it.
            ("生态环境部、工业和信息化部指导", ("生态环境部", "工业和信息化部"), ()),
            ("生态环境部指导，试点城市政府负责落实", ("试点城市政府",), ("生态环境部",)),
            ("商务部指导，供销合作总社参与", ("商务部",), ("供销合作总社",)),
            (
                "牵头单位：省科技厅，责任单位：省委组织部、省发展改革委等",
                ("省科技厅",),
                ("省委组织部", "省发展改革委"),
            ),
        ],
    )
    def test_units_answering_for_the_work_lead_unless_a_lead_is_named(
        self, note: str, lead: tuple[str, ...], co: tuple[str, ...]
    ) -> None:
        roles = parse_roles(note)
        assert (roles.lead, roles.co) == (lead, co)

    def test_a_label_opens_a_group_without_a_separator_before_it(self) -> None:
        roles = parse_roles("牵头单位：区商务局　配合单位：区财政局、区统计局")
        assert (roles.lead, roles.co) == (("区商务局",), ("区财政局", "区统计局"))

    def test_a_note_in_brackets_marks_the_lead_and_the_others_are_co_units(self) -> None:
        roles = parse_roles("区企业服务中心（牵头）、区政数局")
        assert roles.lead == ("区企业服务中心",)
        assert roles.co == ("区政数局",)

    def test_traditional_script_is_kept_as_written(self) -> None:
        roles = parse_roles("區投資促進局、黃埔臨港經濟區管委會牽頭負責")
        assert roles.lead == ("區投資促進局", "黃埔臨港經濟區管委會")


class UnitRegistryTestCase:
    def test_an_abbreviation_and_the_full_name_have_one_key(self) -> None:
        assert unit_key("区发改局") == unit_key("区发展改革局") == unit_key("区发展和改革局")

    def test_both_scripts_have_one_key(self) -> None:
        assert unit_key("區發展改革局") == unit_key("区发展改革局")

    def test_a_street_office_and_its_short_form_have_one_key(self) -> None:
        assert unit_key("莲塘街道办") == unit_key("莲塘街道办事处")

    def test_distinct_units_keep_distinct_keys(self) -> None:
        assert unit_key("区科技局") != unit_key("区财政局")

    def test_it_learns_units_and_their_aliases(self) -> None:
        reg = UnitRegistry()
        first = reg.add("区发展改革局")
        assert reg.add("区发改局") == first
        assert reg.add("區發展改革局") == first
        assert reg.units() == {"区发展改革局": ("区发改局", "區發展改革局")}

    def test_an_officer_can_merge_two_names_into_one_unit(self) -> None:
        reg = UnitRegistry()
        reg.add("区企业服务中心")
        reg.add("区企服中心")
        reg.merge("区企服中心", "区企业服务中心")
        assert reg.canonical("区企服中心") == "区企业服务中心"
        assert list(reg.units()) == ["区企业服务中心"]


def test_a_declaration_that_the_first_listed_unit_leads_makes_the_others_co_units():
    roles = parse_roles("税务总局、财政部、海关总署负责,排在第一位的部门为牵头部门,下同")
    assert roles.lead == ("税务总局",)
    assert roles.co == ("财政部", "海关总署")
    # The declaration made once for the document applies to every later list.
    later = parse_roles("海关总署、商务部等有关部门负责", first_leads=True)
    assert later.lead == ("海关总署",) and later.co == ("商务部", "有关部门")
    # Without it, every unit of such a list leads.
    assert parse_roles("海关总署、商务部负责").lead == ("海关总署", "商务部")


def test_a_unit_working_together_with_others_leads_them():
    roles = parse_roles("国家发展改革委、财政部会同有关部门负责")
    assert roles.lead == ("国家发展改革委", "财政部")
    assert roles.co == ("有关部门",)


def test_the_first_listed_declaration_reaches_every_note_of_the_document():
    from taizhang.extract import extract

    text = (
        "关于促进某项工作的若干意见\n"
        "一、主要任务\n"
        "1.拓展市场。推广增值税一般纳税人资格试点。（税务总局、财政部负责，排在第一位的部门为牵头部门，下同）\n"
        "2.提前适用政策。对入区企业进口自用的机器设备享受税收政策。（海关总署、财政部、税务总局负责）\n"
    )
    tasks = extract(text.encode("utf-8"), name="opinions.txt").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("税务总局",), ("财政部",)),
        (("海关总署",), ("财政部", "税务总局")),
    ]


def test_the_governments_of_every_city_and_county_are_one_collective():
    assert parse_units("各市、县（市、区）人民政府、省发展改革委") == [
        "各市、县（市、区）人民政府",
        "省发展改革委",
    ]
    assert parse_units("各区、县政府") == ["各区、县政府"]


def test_units_that_organise_the_implementation_work_beside_the_ones_that_answer_for_it():
    roles = parse_roles("省发展改革委按职责分工负责；各市人民政府组织落实")
    assert (roles.lead, roles.co) == (("省发展改革委",), ("各市人民政府",))
    assert parse_roles("各街道组织实施").lead == ("各街道",)


def test_divisions_listed_after_a_division_of_a_body_are_divisions_of_that_body():
    assert parse_units("市交通委科技信息处、港务监管处、综合规划处、交通建设处") == [
        "市交通委科技信息处",
        "市交通委港务监管处",
        "市交通委综合规划处",
        "市交通委交通建设处",
    ]
    # A body's own office is a name of its own.
    assert parse_units("市交通委科技信息处、区政府办公室") == ["市交通委科技信息处", "区政府办公室"]


def test_a_bare_name_takes_the_suffix_of_the_name_that_closes_its_run():
    # The run of places ends at the first name with a suffix, not at the list's last name.
    assert parse_units("甲乙街道、丙丁、戊己街道办、市城管局") == [
        "甲乙街道",
        "丙丁街道办",
        "戊己街道办",
        "市城管局",
    ]


def test_places_or_levels_before_one_government_word_are_governments_each():
    assert parse_units("东安、西林、南川市政府、省林业局") == [
        "东安市政府",
        "西林市政府",
        "南川市政府",
        "省林业局",
    ]
    assert parse_units("市、区人民政府") == ["市人民政府", "区人民政府"]
    assert parse_units("相关市、县政府") == ["相关市政府", "相关县政府"]
    # A government's office is no government of a level: the bare name takes the office's suffix.
    assert parse_units("甲乙、区政府办公室") == ["甲乙办公室", "区政府办公室"]


def test_the_pinyin_a_reproduction_prints_after_a_character_is_no_part_of_a_name():
    assert parse_units("甲乙開發區(qū)管委會、州財政局") == ["甲乙開發區管委會", "州財政局"]
    # Brackets that hold words, not pinyin, stay.
    assert parse_units("县政府办公室(试行)") == ["县政府办公室(试行)"]


# Names read from prose: a preposition or verb inside is a clause cut at the wrong place (invented
# names and texts).
@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("由区园林绿化所", ("", "区园林绿化所")),
        ("对北湖水务集团", ("", "北湖水务集团")),
        ("原则按照市港航局", ("", "市港航局")),
        ("会同区商贸委", ("co", "区商贸委")),
        ("区协调办由区规划局", ("", "区协调办")),
        ("区属国有企业根据区政府", ("", "区属国有企业")),
        ("街区管理单位（各村、物业公司、居委会）", ("", "街区管理单位")),
        ("平台运维单位（信数公司）", ("", "信数公司")),
        ("全区各公交枢纽站", ("", "各公交枢纽站")),
        ("区城建委（区水务局）", ("", "区城建委（区水务局）")),
        ("各县（市、区）", ("", "各县（市、区）")),
        ("区对口支援办", ("", "区对口支援办")),
        ("区城管中队在辖区", ("", "区城管中队")),
        ("所在地街道办事处", ("", "所在地街道办事处")),
        ("镇执法队联合镇市场所", ("", "镇执法队")),
        ("区工商业联合会", ("", "区工商业联合会")),
        ("区协同创新中心", ("", "区协同创新中心")),
    ],
)
def test_a_unit_name_read_from_prose_is_cleaned_of_its_clause(name, cleaned):
    from taizhang.extract.units import clean_unit_name

    assert clean_unit_name(name) == cleaned


def test_a_fragment_with_no_unit_is_no_name():
    from taizhang.extract.units import clean_unit_name

    assert clean_unit_name("由") is None
    assert clean_unit_name("以下简称区协调办") is None
    assert clean_unit_name("（以下简称“区协调办”）") is None


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("各社区、相关物业单位于2030年5月10日前，完成楼道排查。", ("各社区", "相关物业单位")),
        ("区商贸委做好行业指导。", ("区商贸委",)),
        ("区城建委（区水务局）配合市级部门研究资金渠道。", ("区城建委（区水务局）",)),
        ("2030年6月底前，区园林局完成绿地清单建立。", ("区园林局",)),
        ("在全面普查的同时，各村委会按统一要求上报名单。", ("各村委会",)),
        ("由区规划局牵头编制方案。", ("区规划局",)),
        ("以街道为单位，选取试点线路。", ()),
        ("鼓励地方政府统筹运用相关政策。", ()),
        ("加强统筹协调，形成工作合力。", ()),
    ],
)
def test_the_units_a_task_opens_with_are_its_subject(text, units):
    from taizhang.extract.normalise import working_text
    from taizhang.extract.units import opening_subject

    assert opening_subject(text, working_text(text), 0, len(text)) == units


def test_a_kind_of_body_is_no_body_in_particular():
    from taizhang.extract.units import is_generic_body

    assert is_generic_body("成员单位") and is_generic_body("各相关部门")
    assert not is_generic_body("区商贸委") and not is_generic_body("区城建委成员单位")


def test_a_body_named_as_the_authority_leads_only_when_the_duty_that_follows_is_its_own():
    from taizhang.extract.normalise import working_text
    from taizhang.extract.units import opening_subject

    own = "镇建设办为小型工程管理的主管部门，负责备案和巡查。"
    other = "镇政府为排查工作的责任主体，由分管副镇长统筹协调。"
    assert opening_subject(own, working_text(own), 0, len(own)) == ("镇建设办",)
    assert opening_subject(other, working_text(other), 0, len(other)) == ()


def test_a_body_named_by_its_beat_or_trade_can_be_a_subject_but_a_pair_is_left_to_the_outline():
    from taizhang.extract.normalise import working_text
    from taizhang.extract.units import opening_subject

    for text, units in [
        (
            "港区车站、港区公安、属地派出所和属地街道要编制应急预案。",
            ("港区车站", "港区公安", "属地派出所", "属地街道"),
        ),
        ("本区保洁企业应按时足额支付工资。", ("本区保洁企业",)),
        ("企业应按时足额支付工资。", ()),
        ("乡镇与开发区根据考核结果兑现奖励。", ()),
        ("2031年，区城建集团完成运维队伍组建。", ("区城建集团",)),
    ]:
        assert opening_subject(text, working_text(text), 0, len(text)) == units, text


def test_a_unit_list_closed_by_a_first_listed_declaration_in_a_bracket():
    # 浙江 cities' divisions of their work reports close the first list with the declaration.
    roles = parse_roles("责任单位:甲局、乙局、丙委(列第一位者为牵头或汇总单位,下同)")
    assert roles.lead == ("甲局",) and roles.co == ("乙局", "丙委")
    roles = parse_roles("责任单位:某办公室、某局(列第一位的为工作牵头单位或汇总单位,下同)")
    assert roles.lead == ("某办公室",) and roles.co == ("某局",)
    # A bracket holding a role is no declaration.
    assert parse_roles("区商务局(牵头)、区财政局").lead == ("区商务局",)


def test_a_name_with_the_bodies_it_includes_in_brackets_names_them_too():
    assert parse_units("市政府办公室、各区县政府(含甲新区、乙区管委会)") == [
        "市政府办公室",
        "各区县政府",
        "甲新区管委会",
        "乙区管委会",
    ]
    assert parse_units("各县(市、区)人民政府(含高新区管委会)") == ["各县(市、区)人民政府", "高新区管委会"]
    assert parse_units("各县(市、区)人民政府") == ["各县(市、区)人民政府"]
    assert parse_units("区政府(含下属单位)") == ["区政府"]


def test_the_federations_of_industry_and_of_the_arts_are_units():
    # 工商联 (工商业联合会) and 文联 answer for tasks beside government departments in divisions of
    # work reports (浙江 counties, 湖北 districts).
    assert looks_like_unit("工商联") and looks_like_unit("市文联")
    roles = parse_roles("责任单位:区商务局、区工商联(列第一位者为牵头单位,下同)")
    assert roles.lead == ("区商务局",) and roles.co == ("区工商联",)


def test_a_first_lead_declaration_after_the_first_unit_is_read_and_left_out():
    from taizhang.extract.units import parse_roles

    roles = parse_roles("责任单位:县水利局(首位单位为牵头单位,下同)、县农业农村局、县自然资源局")
    assert roles.lead == ("县水利局",)
    assert roles.co == ("县农业农村局", "县自然资源局")


def test_a_co_label_holds_for_the_list_going_on_after_a_comma():
    got = parse_roles("责任单位:市文旅局;配合单位:市财政局、市住建局,各区政府")
    assert got.lead == ("市文旅局",)
    assert got.co == ("市财政局", "市住建局", "各区政府")


def test_a_group_with_a_marker_of_its_own_after_a_co_label_keeps_it():
    got = parse_roles("配合单位:市财政局;各区政府负责")
    assert got.lead == ("各区政府",)
    assert got.co == ("市财政局",)


def test_fields_closed_by_a_level_class_noun_are_the_fields():
    assert parse_units("环保、城建、水利等县级部门") == ["环保", "城建", "水利"]
    assert parse_units("商务、文旅等市级单位") == ["商务", "文旅"]


def test_a_committee_beside_fields_gives_them_no_suffix():
    assert parse_units("城管、消防、村委会等有关部门和单位") == ["城管", "消防", "村委会", "有关部门和单位"]
    assert parse_units("东山、西岭、北湖街道办") == ["东山街道办", "西岭街道办", "北湖街道办"]


class OpenersAndGenericBodiesTestCase:
    """The lexicon's words that open a clause of work (never a unit's name) and its kinds of body
    named by no body, in the one vocabulary of data/units.json."""

    def test_the_vocabulary_holds_them(self) -> None:
        from taizhang.extract.lexicon import unit_words

        words = unit_words()
        assert {"认真", "切实", "进一步"} <= set(words.manner_openers)
        assert {"协助", "会同", "督促", "负责"} <= set(words.duty_openers)
        assert {"部门", "各有关单位", "成员单位", "主要机构"} <= words.generic_bodies
        assert "区财政局" not in words.generic_bodies and "部门职责" not in words.generic_bodies

    @pytest.mark.parametrize(
        ("name", "unit"),
        [("区财政局", True), ("认真研究所", False), ("切实加强办", False), ("协助执法部门", False)],
    )
    def test_a_name_opened_by_an_adverb_or_a_verb_of_helping_is_no_unit(self, name: str, unit: bool) -> None:
        from taizhang.extract.units import looks_like_unit

        assert looks_like_unit(name) is unit

    def test_a_heading_of_duties_of_a_generic_body_names_no_unit(self) -> None:
        text = "三、部门职责\n（一）负责统筹推进园区建设。\n四、区财政局职责\n（一）负责落实园区建设资金。\n"
        from taizhang.extract import extract_text

        tasks = extract_text(text).tasks
        leads = {t.text[:6]: t.lead_units for t in tasks}
        assert leads.get("负责落实园区") == ("区财政局",)
        assert not leads.get("负责统筹推进")


def test_the_level_of_an_autonomous_region_goes_to_every_body_of_its_list():
    assert parse_units("自治区教育厅、卫生健康委") == ["自治区教育厅", "自治区卫生健康委"]
    assert parse_units("自治区交通运输厅、各盟市人民政府")[0] == "自治区交通运输厅"
    assert parse_units("区教育局、卫生健康委") == ["区教育局", "区卫生健康委"]


def test_a_list_of_subjects_runs_on_past_a_comma_between_kinds_of_bodies():
    from taizhang.extract.normalise import working_text
    from taizhang.extract.units import opening_subject

    text = "各乡人民政府、街道办事处，北湖工业区管委会按照职责分工，负责辖区内道路养护。"
    assert opening_subject(text, working_text(text), 0, len(text)) == (
        "各乡人民政府",
        "街道办事处",
        "北湖工业区管委会",
    )
    text = "加强统筹协调，区交通委负责道路养护。"
    assert opening_subject(text, working_text(text), 0, len(text)) == ()
