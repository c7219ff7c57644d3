"""A notice and its plan copied as one line (its line breaks lost): the plan's headings are found by
their sequence and place and the text is read as if a line break stood before each, its tasks' texts
and spans the text's own. Every text here is invented."""

from __future__ import annotations

from taizhang.extract.layout import lost_line_breaks
from taizhang.extract.pipeline import extract_text

PLAN = (
    "某县人民政府办公室关于印发某县农村公厕提升工作方案的通知某政办〔2024〕7号各乡镇人民政府，县直各部门:"
    "现将《某县农村公厕提升工作方案》印发给你们，请认真抓好落实。某县人民政府办公室2024年2月20日"
    "某县农村公厕提升工作方案为改善农村人居环境，根据上级部署，结合本县实际，制定本方案。"
    "一、工作目标到2024年底，全县新建和改造农村公厕120座，管护制度全面建立。"
    "二、职责分工(一)县农业农村局:负责统筹全县公厕提升工作;牵头制定建设标准;会同县财政局落实奖补资金。"
    "(二)县卫生健康局:负责公厕粪污无害化处理的技术指导，按照第(三)项要求做好宣传。"
    "三、实施步骤(一)排查摸底(2024年3月底前)。由县农业农村局牵头，组织各乡镇摸清现有公厕底数。"
    "(二)建设改造(2024年9月底前)。各乡镇按照1.5倍的比例储备点位，分批组织施工。"
    "1.首批建设(2024年4月至2024年6月)。完成首批60座公厕的主体施工。"
    "2.续建完善(2024年7月至2024年9月)。完成其余公厕的建设任务。"
    "(三)检查验收(2024年11月底前)。县农业农村局组织对已建公厕进行验收。"
    "四、保障措施(一)加强组织领导。各乡镇要成立专班，明确专人负责。"
    "(二)强化资金保障。县财政局要及时拨付奖补资金。"
    "(三)严格督导考核。县政府督查室要定期通报建设进度。"
)


def test_the_headings_of_a_plan_on_one_line_are_found_by_their_sequence() -> None:
    heads = [PLAN[i : i + 2] for i in lost_line_breaks(PLAN)]
    assert " ".join(heads) == "一、 二、 (一 (二 三、 (一 (二 1. 2. (三 四、 (一 (二 (三"
    # cited enumerators and figures are no headings: 第(三)项, 1.5倍
    assert all(not PLAN[:i].endswith("第") and PLAN[i : i + 3] != "1.5" for i in lost_line_breaks(PLAN))


def test_a_plan_on_one_line_reads_as_with_its_line_breaks() -> None:
    got = extract_text(PLAN)
    by_text = {t.text: t for t in got.tasks}
    for t in got.tasks:
        assert PLAN[t.span.start : t.span.end] == t.text
    duty = by_text["负责统筹全县公厕提升工作;牵头制定建设标准;会同县财政局落实奖补资金。"]
    assert duty.lead_units == ("县农业农村局",)
    step = by_text["由县农业农村局牵头，组织各乡镇摸清现有公厕底数。"]
    assert step.lead_units == ("县农业农村局",)
    assert step.deadline is not None and step.deadline.month == 3
    assert by_text["县财政局要及时拨付奖补资金。"].lead_units == ("县财政局",)
    assert len(got.tasks) >= 8


def test_a_long_line_with_no_sequence_of_headings_is_left_alone() -> None:
    text = "各单位要按照第(三)项规定，落实1.5倍的配比要求。" * 40
    assert lost_line_breaks(text) == []
    lines = "\n".join(["一、总体要求", "各部门要提高认识。" * 80, "二、主要任务", "(一)加强宣传。"])
    assert lost_line_breaks(lines) == []


MEASURES = (
    "某区关于支持小微企业发展的若干措施为进一步激发市场活力，结合本区实际，提出以下措施。"
    "各有关单位要切实提高认识，把支持小微企业发展作为稳增长、保就业的重要举措，主动靠前服务，"
    "及时研究解决企业在生产经营中遇到的困难和问题，确保各项政策落地见效、惠及广大市场主体。"
    "(一)降低融资成本。区财政局要设立小微企业转贷资金，对按期还款的企业给予贴息，2024年底前完成资金设立。"
    "(二)减轻用工负担。区人力社保局要落实稳岗返还政策，对不裁员或少裁员的企业按规定返还失业保险费。"
    "(三)优化政务服务。区行政审批局要推行企业开办一窗通办，压缩办理时间，提升群众办事满意度。"
    "(四)加强监测分析。区统计局要定期开展小微企业运行监测，及时报送分析报告，为决策提供依据。"
    "(五)拓展市场渠道。区商务局要组织小微企业参加各类展销活动，帮助企业开拓国内外市场，扩大产品销售。"
    "(六)强化人才支撑。区教育局要会同有关职业院校开展订单式培训，为小微企业培养急需紧缺的技能人才。"
    "(七)保护合法权益。区司法局要组建法律服务团，为小微企业提供合同审查、纠纷调解等公益法律服务。"
    "本措施自印发之日起施行，有效期三年，由区发展改革局负责解释，执行中遇到的问题请及时向其反映。"
)


def test_items_of_measures_on_one_line_with_no_part_headings_are_found() -> None:
    heads = [MEASURES[i : i + 3] for i in lost_line_breaks(MEASURES)]
    assert " ".join(heads) == "(一) (二) (三) (四) (五) (六) (七)"
    got = extract_text(MEASURES)
    leads = {t.lead_units for t in got.tasks}
    assert ("区财政局",) in leads and ("区统计局",) in leads


CONTINUED = (
    "关于推进社区养老服务的实施意见为积极应对人口老龄化，满足老年人多样化服务需求，"
    "推动形成居家社区机构相协调、医养康养相结合的养老服务体系，让广大老年人安享幸福晚年，"
    "不断增强老年人的获得感、幸福感和安全感，为建设老年友好型社会打下坚实基础，"
    "经区政府同意，结合本区养老服务发展现状和老年人口分布特点，现就推进社区养老服务提出如下意见。"
    "一、总体要求(一)指导思想。坚持以人民为中心，把发展社区养老服务作为重要民生工程，统筹推进。"
    "(二)工作目标。到2025年底，街道综合养老服务中心覆盖率达到百分之百，服务能力明显增强。"
    "二、重点任务(三)完善设施布局。区民政局要结合城市更新，按标准配建社区养老服务设施，补齐短板。"
    "(四)培育服务主体。区市场监管局要简化登记手续，支持社会力量举办连锁化的养老服务机构。"
    "(五)加强队伍建设。区人力社保局要将养老护理员纳入职业技能培训计划，落实培训补贴政策。"
    "三、保障措施(六)加大资金投入。区财政局要将社区养老服务经费列入年度预算，确保足额到位。"
    "(七)强化督促检查。区政府督查室要将社区养老工作纳入年度督查，定期通报各街道工作进展情况，"
    "对工作推进不力、群众反映强烈的街道及时进行约谈提醒。"
)


def test_items_numbered_on_across_parts_are_headings_too() -> None:
    heads = [CONTINUED[i : i + 3] for i in lost_line_breaks(CONTINUED)]
    assert " ".join(heads) == "一、总 (一) (二) 二、重 (三) (四) (五) 三、保 (六) (七)"
    leads = {t.lead_units for t in extract_text(CONTINUED).tasks}
    assert ("区民政局",) in leads and ("区政府督查室",) in leads
