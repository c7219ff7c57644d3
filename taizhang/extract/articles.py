"""Tasks of two genres the outline of numbered measures does not read: regulations written as
articles (第N条) and letters that hand their work to their addressees.

A regulation (条例, 办法, 规定, 实施细则 of a people's congress or a government) numbers its
articles, and most articles lay no task: the purpose and basis (第一条 为了…制定本条例), the
scope, definitions, principles, what citizens and firms must or may not do, the penalties
(违反本条例…由X处…罚款). A task is a sentence that lays a duty on a body of the state: "县级以上
人民政府应当…", "市X主管部门负责…", "X、Y等部门按照各自职责做好…", "村(居)民委员会协助做好…";
the body that answers for it is its lead, the bodies it works with (会同) its co-units. Seen in
local regulations of several provinces' people's congresses (neijiang_civilized_behaviour_regulation_2021,
jiaxing_straw_burning_regulation_2016, jiaxing_catering_fumes_measures_2020,
luohe_loose_coal_regulation_2019, shanghai_packaging_reduction_rules_2013) and in a district
government's rules (pudong_landscape_lighting_2023).

Regulations of a development zone or a new area (北京经济技术开发区条例, 山东省青岛西海岸新区条例,
山东省经济开发区条例) charge the zone itself ("开发区应当…": a task with no body), the 管理委员会 a
government sets up, the governments of the levels written once before it ("省和青岛市人民政府") and
their departments; provinces' 实施办法 of national laws (河南省实施《渔业法》办法) hand rules to a
department with 由X确定/规定/审批.

A notice that sets up a group (国务院办公厅's on the 中医药 coordination group) gives the group its
duties under a heading with no subject, and places its office in a unit (``notice_tasks``).

A letter or notice of a ministry or its office (函, 通知) to lower bodies names them as its
addressees in its salutation ("各省、自治区、直辖市…主管部门:") and hands them its work as
"请你单位…", "请各地…", "各地要…": those paragraphs are tasks, and the addressees answer for them
(mwr_large_irrigation_districts_letter_2022, miit_steady_growth_cities_notice_2020).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .deadlines import find_deadline
from .model import Span, Task
from .normalise import working_text
from .role_fallback import requested_units
from .units import (
    AGENT_BY,
    COLLECTIVE_HEADS,
    DELEGATE,
    DUTY_MODALS,
    DUTY_VERB,
    GOV_PREFIX,
    HELP_DUTY,
    LEVEL,
    LEVEL_LIST,
    LEVEL_WORD,
    MODAL,
    POWER_MODALS,
    encouraged,
    field_list,
    is_bare_field,
    kind_of,
    later_subject,
    looks_like_unit,
    parse_law_units,
    part_spans,
    without_joining_opener,
)

__all__ = ["tasks_of"]

# The opening of an article (in the working text: half-width, simplified), its number in either
# script and spaced out as text pulled from a PDF leaves it; the outline's article headings are
# this pattern at a line's start. matches: "第一条 为了…", "第一百零一条", "第3条", "第 1 0 条" ;
# must not match: "第一章", "第三批", "第19项", "第三条件"
# (Its type is written: outline reads it at import, within a cycle of imports of the extraction
# modules, where the type check that compiles them with mypyc cannot infer it.)
ARTICLE: re.Pattern[str] = re.compile(
    r"第\s*(?P<n>[一二三四五六七八九十百零〇]+|\d(?:\s?\d){0,2})\s*条(?![件款])\s*"
)
# A chapter or section heading: it closes the article before it. matches: "第二章 法律责任"
_CHAPTER = re.compile(r"第\s*[一二三四五六七八九十百]+\s*[章节编]")
# What a statute says of itself: it is made (制定本条例) or takes effect (本办法自…施行); a law, of a congress
# or of a legislature written in traditional script, says so of itself as 本法 ("特制定本法", "本法自公布日施行").
# must not match: "本措施自发布之日起施行" (a set of policy measures is no statute), "依照本法实施细则"
_STATUTE = re.compile(
    r"制定本(?:条例|办法|规定|细则|规则|法)|本(?:条例|办法|规定|细则|规则)(?:自[^。\n]{0,30})?(?:施行|实施)"
    r"|本法自[^。\n]{0,30}(?:施行|实施)"
)
# A list item inside an article: "(一)…;".
_ITEM = re.compile(r"\([一二三四五六七八九十]{1,3}\)")
# Where the words of a subject may end: a verb of duty, or a lead-in (对…负责, 在…下, 根据…).
_OPENER = re.compile(
    r"牵头|负责(?!人)|应当|应(?!急)|须|必须|要(?!求)|承担|协助|配合|会同|统筹|做好|开展|组织|将|纳入|列入|建立(?!的)|对|在|根据|按照|依照|依据|依法|接到|是|"
    r"主管(?!部门|机关|机构|单位)(?=[^,。;]{0,12}工作)|领导(?=本|全|[^,。;下]{0,14}工作)|"
    r"(?:行使|履行)(?=下列|以下)|(?<=具体|统一)实施|,"  # "…所属的渔政监督管理机构具体实施…" (杭州's; 河南's: 具体负责)
)
# A power to make a rule and publish it: "市食品药品监督管理部门可以组织制定、公布本市食品安全地方标准"
# (上海市实施《食品安全法》办法), "市市容环境卫生行政主管部门可以会同…等有关部门,根据…,制定本行政
# 区域的城市容貌标准,经市人民政府批准后公布实施" (许昌's and 温州's 市容和环境卫生管理条例): the rule is
# the body's work, as a duty is. A permission to do anything else ("可以设立…机构") is none.
_RULE_POWER = re.compile(r"可以[^。;]{0,60}?制定[^。;]{0,80}?公布")
# A sentence with no subject that sets up a system, and the one after it that hands its rules to a
# body: "实行排污权有偿使用和交易制度…。具体办法由省人民政府制定。" (河南省减少污染物排放条例),
# "实行生活垃圾跨区域处理补偿制度。具体办法由市人民政府制定。" (嘉兴市生活垃圾分类管理条例): the two are
# one task, the body's.
_INSTITUTES = re.compile(r"\s*(?:建立|实行|推行|健全|实施)")
_RULES_BY = re.compile(r"\s*具体[^,。;:]{0,6}办法[,]?由")
# A verb of duty at the start of what the subject is to do ("X等部门按照各自职责,协同做好…" (杭州's
# 渔业资源保护管理规定), "有关行政职能部门根据职责协同做好…" (济南's 钢结构 regulation)).
_DUTY_START = re.compile(
    r"(?:依法|及时|积极|切实|认真|共同|具体|统一|分别|主要)?(?:应当|应(?!急)|须|必须|要(?!求)|牵头|负责|承担|协助|配合|会同|协同|统筹|做好|开展|组织|将|主管|领导|"
    r"建立|加强|履行|给予|制定|编制|推进|实施|记入|纳入|列入|行使(?=下列|以下))"
)
# A verb of duty anywhere in a part that opens with a lead-in ("对…给予奖励", "对…实施统一监督管理").
_DUTY_IN = re.compile(
    r"负责|负总责|应当|应(?!急)|须|必须|要(?!求)|承担|给予|实施|做好|开展|制定(?!的)|协助|主管机关|主管部门|责任主体|责任单位"
    r"|进行(?:统一)?(?:管理|监督|协调|指导)|实行(?:统一)?(?:领导|管理)"
)
# A lead-in: what the subject does or is, before what it is to do.
_LEAD_IN = re.compile(r"对|在|根据|按照|依照|依据|接到|是|于|经")
# The number of an item that opens a clause: "(一)", "1.", "1、".
_NUMBERED = re.compile(r"\s*(?:\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d))\s*")
# A clause about penalties and the liability of officials: no task.
# "查处违反治安管理的行为" is a duty (an offence it names), "违反本条例…的,由X处…罚款" a penalty.
_LIABILITY = re.compile(
    r"滥用职权|玩忽职守|徇私舞弊|追究[^。]{0,6}责任|给予处分|处[^。;,]{0,24}罚款|违反[^。;,]{0,40}的,|由[^。;,]{2,30}?吊销[^。;,]{0,10}(?:证|照)"
    r"|违反本(?:条例|规定|办法|细则|规则|条|款|法)[^。;]{0,80}?(?:由[^。;]{2,40}?(?:责令|处以?|予以处罚|依法处理|没收)|责令|罚款)"
)
# What a statute says of its own scope: "X对…实施奖励,适用本办法" (no task).
# "在…等场所开展相关服务的,参照本条例执行": what else the statute reaches, no duty either.
_SCOPE = re.compile(r"适用本(?:条例|规定|办法|细则|规则)|参照本(?:条例|规定|办法|细则|规则)(?:执行|实施)")
# A paragraph that opens with an offence lays penalties, whatever bodies its sentences name
# (威海's and 内江's regulations: "违反本条第一款第四项规定,…的,…应当告知城市管理执法部门予以处理。
# 城市管理执法部门应当对违法行为人进行批评教育…").
_OFFENCE = re.compile(r"\s*(?:\([一二三四五六七八九十]{1,3}\)\s*)?违反")
# A principle the work follows is no task: "市场监督管理部门公示行政处罚信息,应当遵循合法、客观…的原则"
# (a ministry's rules and cities' regulations state their principles so).
_PRINCIPLE = re.compile(r"(?:遵循|坚持|贯彻)[^。;]{0,40}原则")
# A place as the subject of a duty: "本市应当…", "本市对…实行分级管理", "浦东新区应当…", "市、区
# （县级市）应当建立联席会议制度" (上海's, 浦东's, 威海's regulations): a task with no body named.
_PLACE = re.compile(
    r"(?:本(?:省|市|区|县|自治区|自治州)|[\u4e00-\u9fff]{2,4}新区"
    r"|[省市县区](?:\([^()]{1,8}\))?(?:、[省市县区](?:\([^()]{1,8}\))?)+)(?=应当|应(?!急)|对)"
)
# A zone as the subject of a duty: a regulation of a development zone or a new area charges the zone
# itself ("开发区应当建设完善的基础设施" (北京经济技术开发区条例), "西海岸新区在规划建设…时,应当…",
# "西海岸新区内各经济功能区应当…" (山东省青岛西海岸新区条例), as 浦东新区应当… in 浦东's rules): a task
# with no body named; the zone's 管理委员会 or 管委会 is a body. must not match: "开发区管委会应当…",
# "开发区的企业应当…" (no zone opens it before its verb).
_ZONE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,10}?(?:新区|开发区|园区|功能区|示范区|试验区|保税区|合作区|高新区))"
    r"(?=应当|应(?!急)|对[^,。;]{2,40}(?:实行|实施)|在[^,。;]{2,60}(?:时|中),)"
)
# The city declaring its own work: "本市畅通…渠道", "本市充分发挥…功能", "本市建立…制度".
_PLACE_DOES = re.compile(r"本(?:省|市|区|县)(?:畅通|充分发挥|建立健全|建立|健全|完善|推进|加强|实行)(?!的)")
# The city setting up the bodies that answer for the work: "本市建立市、区两级X,负责…".
_SETS_UP = re.compile(r"本(?:省|市|区|县)(?:建立|设立|成立)(?=[^,。;]{2,40},负责)")
# A government setting up the body that answers for a zone or a work: "市人民政府设立北京经济技术开发区管理
# 委员会(以下简称开发区管委会),代表市人民政府对开发区实行统一领导和管理" (北京经济技术开发区条例), as
# "本市建立…,负责…" (上海's rules): the body set up leads what follows; so does an experts' committee set up
# to advise ("市人民政府设立X专家委员会,对编制…规划、认定…等活动提供咨询", cities' regulations).
_GOV_SETS_UP = re.compile(
    r"(?:[省市县区]|[\u4e00-\u9fff]{2,6}[省市县区])人民政府(?:设立|成立|建立)"
    r"(?P<body>[^,。;()]{2,40}?(?:委员会|管委会|管理局|领导小组|办公室|机构))(?:\(以下(?:简|统)?称[^()]{1,20}\))?,"
    r"(?=代表|负责|统一|具体|承担|行使|对[^,。;]{2,30}(?:实行|实施|负责)|对[^。;]{2,150}?提供(?:咨询|论证|评估|技术支持))"
)
# A clause that opens with whom or what the duty is about: "对见义勇为者…,市、区人民政府应当给予
# 表彰", "对…需要两个以上部门共同研究解决的疑难事项,有关部门应当…" (威海's, 云浮's regulations).
_CONDITION_START = re.compile(r"对(?![^,。;]{0,40}(?:负责|给予|实施|实行))")
# A clause that opens with the act its duty is for: "申报国家级开发区,设区的市人民政府应当…" (山东省经济开发区
# 条例), "办理…登记,X应当…" (the procedures of regulations of several provinces).
_PURPOSE_START = re.compile(r"(?:申报|申请|办理|设立|编制|实施|开展)[^,。;]{2,20}$")
# A clause whose condition comes first: "X组织检查时,Y应当协同…" (the duty is Y's).
_CONDITION_END = re.compile(r"(?:时|后|前|的|期间)$")
# What a body of the state is not: people, firms, associations, media, schools. An owner (业主) is
# none, a field ending in 业 before 主管部门 is a department: "市渔业主管部门负责…" (杭州市渔业资源
# 保护管理规定), "国务院林业主管部门" (古树名木保护条例).
_PRIVATE = re.compile(
    r"公民|个人|法人|组织|企业|企事业单位|经营者|生产者|销售者|协会|学会|商会|媒体|媒介|新闻|广播|电视|报刊|学校|院校|医院|监护人|父母"
    r"|人员|志愿者|(?<!人民)团体|(?<!行)业主(?!管部门|管机关|管机构)|物业|农户|大户|农场|合作社|书店|图书馆|设置者|所有人|使用人|使用者|管理人|该单位"
    r"|公司|银行|金融机构|中介|场所|社会(?!保障|治安)|公众|行为人|当事人|举报人|投诉人|加油站|加气站|充电站"
)
# Who is never a body of the state, even named beside one: people and firms ("国家机关、企业事业单位
# 和公民应当…" lays no task on a body).
_PUBLIC = re.compile(
    r"公民|个人|法人|企业|经营者|生产者|销售者|监护人|父母|人员|志愿者|(?<!行)业主(?!委员会|管部门|管机关|管机构)|物业|农户|行为人|当事人|举报人"
    r"|投诉人|所有人|使用人|使用者|管理人|设置者|公众|全社会|机场|车站|火车站|汽车站|地铁站|码头|景区|商场|宾馆|饭店|酒店|餐馆"
)
# A name that opens with a verb or a conjunction is no name but a predicate ("优化本地产业布局",
# "充分发挥…", "并监督落实", "主持和协调相关部门…"): the words of duty of any regulation or plan. 并联 is
# no conjunction ("并联审批部门", "并联审批牵头部门": the bodies of a parallel approval); the copula 是 opens
# a definition ("…,是有关机关的法定职责", "所称X,是指…部门负责…的工程"), no name.
_VERB_START = re.compile(
    r"(?:并(?!联)|可|是|配合|协助|会同|协同|及时|充分|积极|切实|优化|加强|完善|推进|推动|促进|建立|健全|提升|提高|落实|开展|做好|组织|指导|支持|"
    r"鼓励|引导|发挥|督促|协调|保障|规范|实施|实行|加快|加大|深化|创新|探索|强化|统筹|制定|编制|主持)"
)
# The mass organisations the state charges with work beside its bodies (工会、共青团、妇联等人民团体),
# general knowledge of Chinese public bodies.
_PEOPLES_ORGS = (
    "工会",
    "共青团",
    "共产主义青年团",
    "团委",
    "妇联",
    "妇女联合会",
    "残联",
    "残疾人联合会",
    "科协",
    "科学技术协会",
    "工商联",
    "红十字会",
    "文联",
    "侨联",
    "人民团体",
    "群团组织",
)
# The ends of the names of bodies the unit lexicon may lack.
_BODY_END = ("政府", "部门", "机关", "机构", "委员会", "办事处", "管委会", "执法主体")
# "具体办法由X制定": a regulation hands the rules of its detail to a body; "前款所称较低数额罚款由X结合
# 工作实际规定" (a ministry's rules) what a term it uses means.
# A later paragraph of an article that hands the rules of what the paragraph before it laid down to a
# body is the same: "前款规定的具体办法,由省人民政府制定", "前款规定的…标准由市、县人民政府具体规定", "前款第(三)项
# 规定涉及…的,由省水行政主管部门另行规定", "前项所称…之资格,由中央主管机关会同中央目的事业主管机关定之" (the
# regulations of provinces and cities; laws written in traditional script, 前項…由…定之): the topic is what
# the earlier provision (前款, 前项, 前条) names, one condition at most, then the body and its rule-making verb.
_BY = re.compile(
    r"(?:(?:具体|实施|所称)[^,。;:]{0,12}|(?:办法|细则|标准|目录|规范|清单|方案),"
    r"|前[款项条](?:第[^,。;:]{1,8}[项款])?[^,。;:由]{0,40}?,?)"
    r"由(?P<who>(?:(?!按照|依照|根据|结合|依法)[^,。;:报向]){2,40}?)(?:依法)?(?:(?:结合|根据|按照|依照)[^,。;:]{2,20}?)?"
    r"(?:分别|另行|统一|负责|具体|依法)?(?:制定|制订|规定|确定|公布|定之|划定)(?!的)"
)
# "X由Y负责", "古树名木由Y按统一标准进行鉴定", "…的,由Y依法核发…", "…由Y决定": the doer named after 由 in the
# clause; not the 由 of a relative clause ("对由民政部门依法进行临时监护的未成年人"), nor a doer read past 报 ("由
# 镇人民政府报Y依法核发": the words name two bodies and their steps, read by _DOER_BODY).
_DOER = re.compile(
    r"(?<!对)"
    + AGENT_BY
    + r"(?P<who>[^,。;:报向]{2,60}?)(?:分别|统一|依法(?:对[^,。;:]{1,20}?)?|按[^,。;:]{0,20}?|根据[^,。;:]{2,12}?|会同(?P<with>[^,。;:]{2,30}?)(?:统一|共同|分别|依法)?)?"
    r"(?:负责(?!人)|进行|组织实施|牵头|启动|开展|实施|提出|确定|规定|审批|核发|制定|给予(?!警告|处分|处罚|行政处罚|停止|通报|罚)|决定(?!授权|任免))(?!的)"
)
# "由X设置/划定/指定…": the doer named after 由 by the end of its name (a body's), then a verb of the work
# regulations hand out: "已确认门牌号的建筑物,由各区公安机关按照确认的门牌号设置门牌", "后备资源的保护范围由区
# 绿化主管部门划定", "养护责任人不明的,由所在地的区主管部门指定养护责任人" (cities' 门牌, 古树名木 and
# 绿化 regulations); "由乡、镇人民政府报区规划行政管理部门核发…", "由市民政部门征求…意见后报市人民政府审批" (the
# body that takes the step the article hands out: 上海's, 北京's and 河南's planning and place-name
# regulations). The name must end as a body's does, so that a verb inside a name (市场监督管理部门)
# does not end it.
_DOER_BODY = re.compile(
    r"(?<!对)"
    + AGENT_BY
    + r"(?P<who>[^,。;:由]{2,40}?(?:部门|机关|机构|人民政府|委员会|办事处|管委会|办公室))"
    r"(?:按照[^,。;:]{0,20}?|根据[^,。;:]{2,12}?|依法|统一|分别|另行|及时)?"
    r"(?:设置|划定|指定|认定|鉴定|编制|公布|发布|核定|登记|处理|受理|组织|维护|建设|安装|颁发|发放|征收|评定|报请|报送|报|征求)"
)
# "<对象>由<机关><动作>": a regulation hands the work on a thing to the body named after 由 with a verb of
# its own, no 负责 or modal ("经评审的项目由市文化主管部门予以公示", "…的,由县人民政府无偿收回经营权", "…由市、
# 县人民政府代为管理", "预警信息由省人民政府统一发布" in cities' and provinces' 条例): the body leads it. The
# name ends as a body's does and no name goes on after it; the action is no membership or role ("由X、Y组成",
# "由X担任", "由X承担"), and the clause is no relative one nor a condition ("由X批准设立的开发区,应当…",
# "由X作出决定后,…"). matches: "由县人民政府无偿收回开发经营权。" ; must not match: "由市人民政府批准设立的
# 园区,应当…", "委员会由市人民政府有关部门负责人组成"
# Acts that make a body a member or holder of a role, not the doer of work: "由X、Y组成", "由X担任".
_ROLE_ACTS = "组成|担任|兼任|构成|承担"
_DOER_ACTS = re.compile(
    r"(?<!对)"
    + AGENT_BY
    + r"(?P<who>(?:(?!报|送|向(?!阳))[^,。;:由的]){1,40}?(?:部门|机关|机构|人民政府|委员会|办事处|管委会|办公室|指挥部|指挥机构|中心))"
    r"(?![办机部委局所室处站队中会长人员、和及与或等(]|主任|副|书记|秘书)"
    r"(?!" + _ROLE_ACTS + r"|产生|选举|提名|推荐|派出|的|是|为)"
    r"(?P<act>[\u4e00-\u9fff][^,。;:]{1,40}?)(?=[。;]|$|,(?!(?:" + "|".join(DUTY_MODALS) + r"|可)))"
)
# The end of an action read by _DOER_ACTS that makes it a relative clause or a condition: "…批准设立的园区",
# "…作出决定后", "…检查时".
_ACT_NOT_MAIN = re.compile("的|" + _ROLE_ACTS + "|" + _CONDITION_END.pattern)
# A penalty anywhere in the sentence of a 由 clause, or an offence before it: "…的,由X视情节轻重,给予警告、责令
# 改正", "违反本办法第N条规定,…的,由X依照…处罚" (penalties, no task).
_PENALTY = re.compile(r"责令|处罚|查处|处以|罚款|没收|吊销|处分|追究|警告")
# An alias a body is given where it is first named: "(以下称市古树名木管理部门)", "(以下简称市局)".
_ALIAS = re.compile(r"\(以下(?:简|统)?称[^()]{1,20}(?:\([^()]{1,6}\)[^()]{0,20})?\)")
# The bodies a duty is done with: "会同相关部门按照…", "会同规划资源、建设交通等部门组织编制…".
_WITH = re.compile(
    r"会同(?P<co>[^,。;:]{2,60}?)(?=按照|根据|依照|做好|制定|推进|组织|开展|研究|建立|编制|确定|提出|实施|对|在|共同|依法|采取|及时|定期|指导|监督|督促|协调|落实|完善|加强|进行|向|拟定|拟订|起草|划定|制订|修订|统一|分别|,)"
)


# A list of bodies a duty's doer convenes for it, named each (a 、 parts them) and closed by the kind of body
# they share, then the work: "组织自然资源、住房城乡建设、农业农村等主管部门开展…", "组织乡镇人民政府、街道办事处
# 以及…制定…": co-units, as after 会同. One collective convened ("组织有关部门编制…") names no co-unit (the tune
# practice: tests/extract/corpus/README.md), nor do bodies the doer guides or mobilises ("组织指导居民委员会、村民
# 委员会落实…": they do the work), nor when 组织 is one of a list of verbs ("组织、协调、指导有关部门…").
_CONVENED = re.compile(
    r"组织(?![、和]|指导|引导|动员|带领|督促|发动|推动|帮助|支持)(?P<co>[^,。;:的]{2,60}、[^,。;:的]{1,60}?(?:部门|机关|机构|政府|办事处|委员会))"
    r"(?=依法|共同|按照|根据|开展|做好|制定|编制|实施|进行|研究|建立|落实|推进|对|在)"
)

# The bodies that help with a duty, named after it: "X负责…,公安、交通运输部门予以配合".
_HELPED = re.compile(r",(?P<co>[^,。;:]{2,40}?)(?:应当|应|要)?(?:予以|给予|做好)?(?:配合|协助)(?!做好)")
# A clause that only says who helps with the duty before it, and ends the sentence: "X可以…,Y、Z应当
# 予以配合。" (cities' 文明行为促进条例 and 市容 regulations hand a power to one body and the help to
# others so; 浦东's 景观照明 rules: "管理单位应当…抽查,设置者应当予以配合"): the helpers are co-units
# of that duty, no task of their own.
_HELPS_ONLY = re.compile(r",[^,。;:]{2,40}?(?:应当|应|要|均应)?(?:予以|给予)?(?:配合|协助)(?:。|$)")
# The topic an article puts before the 由 that names its doer: "畲族语言、畲歌的老师" (a noun phrase with
# 的, no verb of duty). must not match: "市人民政府负责…的工作" (a body and its duty)
_TOPIC_BY = re.compile(r"[^,。;:由]{2,30}的[^,。;:由的]{1,12}")
# A body whose duty is to help another with that body's work: "民族事务主管部门在职责范围内,配合文化主管
# 部门开展…工作", "村民委员会负责协助各级人民政府和有关主管部门开展…" (潮州's 畲族文化保护条例),
# "乡（镇）人民政府、街道办事处应当协助渔业主管部门,做好…" (杭州's 渔业资源保护管理规定), "村（居）民委员会
# 协助乡（镇）人民政府、街道办事处开展…" (三门峡's 山体保护条例): the body
# helped leads, the helper is a co-unit (SCHEMA: 配合 marks co-units; the tune README, 2026-12-06 and
# 2026-12-07). matches: "在职责范围内,配合文化主管部门开展", "负责协助各级人民政府和有关主管部门开展" ;
# must not match: "协助做好…" (no body helped: the helper answers for it), "配合有关部门做好相关工作"
# after the body's own duty (the body's own work comes first: not at the predicate's opening)
_HELPS_BODY = re.compile(
    r"(?:在[^,。;:]{0,12}(?:范围内|职责内),?)?(?:应当|应|要|须|负责)?(?:积极|主动|全力|依法)?(?:配合|协助)"
    r"(?!做好|开展|实施|推进|落实|处理)(?P<helped>[^,。;:]{2,60}?),?(?:开展|做好|推进|实施|落实|进行|组织|完成)"
)

# The same help when the work after the body helped is none of _HELPS_BODY's verbs: "公安机关应当配合水行政主管
# 部门依法查处…", "镇人民政府配合县级林业主管部门、公安机关查处…": the bodies helped are the first name that ends
# as a body's name does, with the names a 、 or a conjunction joins to it (not "配合X支持金融机构…": the work
# after X names others).
_BODY_NAME = r"[^,。;:的、]{2,30}?(?:部门|机关|机构|政府|办事处|委员会|管委会|局|办公室)"
_HELPS_NAMED = re.compile(
    r"(?:在[^,。;:]{0,12}(?:范围内|职责内),?)?(?:应当|应|要|须|负责)?(?:积极|主动|全力|依法)?(?:配合|协助)"
    r"(?!做好|开展|实施|推进|落实|处理)"
    r"(?P<helped>(?:[^,。;:的、]{1,12}、)*" + _BODY_NAME + r"(?:(?:、|和|及|以及|与)" + _BODY_NAME + r")*)"
    r"(?![、和及与])(?=[\u4e00-\u9fff]{2})"
)

# The title of a policy of support: 若干政策, 若干措施, 政策举措, 鼓励…投资的规定 (沈阳市's 鼓励华侨、
# 港澳同胞投资的规定, 沈政令〔1997〕29号, writes its policy in 第N条 articles, as cities' 若干政策 on
# headquarters or talent do). Rules of a procedure of rewards (国家安全机关公民举报奖励办法, in the tune
# corpus) are no such policy: their duties are the bodies'.
_POLICY_TITLE = re.compile(r"若干(?:政策|措施|举措)|政策(?:举措|措施)|鼓励[^。\n]{0,20}(?:规定|办法)")
# What an article offering support says. matches: "给予一次性奖励", "可以申请", "予以补助"
_SUPPORT = re.compile(r"给予|予以(?:奖励|补助|补贴|支持)|奖励|补助|补贴|扶持|鼓励|可以申请|可申请|享受")
# An article that frames a policy: its purpose, its scope, its start. matches: "为推动…,制定本办法。",
# "本办法自2031年1月1日起施行" ; must not match: "对…给予奖励"
_FRAMING = re.compile(r"制定本|本(?:条例|办法|规定|细则|规则|政策|措施)(?:所称|适用|自|由)")


def _policy_articles(work: str, starts: list[tuple[int, int]]) -> int:
    """How many articles offer support, when the text before the first is a policy's title (0
    otherwise)."""
    first = next((s for s, e in starts if ARTICLE.match(work, s, e)), None)
    if first is None or _POLICY_TITLE.search(work, 0, first) is None:
        return 0
    heads = [s for s, e in starts if ARTICLE.match(work, s, e)]
    n = 0
    for i, s in enumerate(heads):
        e = heads[i + 1] if i + 1 < len(heads) else len(work)
        n += _SUPPORT.search(work, s, e) is not None
    return n


def tasks_of(
    text: str,
    work: str,
    lines: list[tuple[int, int, int]],
    year: int | None,
    found: list[Task],
) -> list[Task]:
    """The tasks of a document given the ones its outline ``found``: a regulation's come from its
    articles (its outline reads every article as a measure); a letter whose outline gave none
    hands its work to its addressees; any other document keeps ``found``."""
    starts = [(s, e) for s, e, _ in lines if work.startswith("第", s)]
    heads = sum(1 for s, e in starts if ARTICLE.match(work, s, e))
    if heads >= 5 and _STATUTE.search(work):
        duties, procedures = _article_duties(text, work, lines, year)
        if procedures and len(duties) + procedures >= 2:
            return duties  # a congress's rules of its proceedings: its duties are its own, no task
        if len(duties) >= 2 and _policy_articles(work, starts) > len(duties):
            # A policy written in articles (若干政策, 鼓励…的规定: 第N条 对…给予奖励), most of whose
            # articles offer support: each article is a measure, as the outline reads it (its duty
            # articles with their units); the articles that frame the policy are none.
            return [t for t in found if not _FRAMING.search(working_text(t.text))]
        if len(duties) >= 2:
            return duties  # else rules of support (对…给予奖励) rather than duties: the outline's
        # (a statute's penalties and a congress's rules of procedure are no task there either)
        found = [t for t in found if not _no_statute_task(working_text(t.text))]
    found = notice_tasks(work, found)
    if all(t.lead_units and set(t.lead_units) <= _ISSUER for t in found):
        # No task, or only the issuer's ("我部将…"): a letter's work is its addressees'.
        return letter_tasks(text, work, lines, year) or found
    return found


def _no_statute_task(w: str) -> bool:
    """A statute's article ``w`` that lays no task whatever its subject: its own making or start, a penalty ("违反本条例…的,由X
    依法予以拆除", "…的,由X处…罚款") or a step of a congress's own proceedings ("议案由主任会议提请…审议")."""
    return (
        _STATUTE.search(w) is not None  # "为了…,制定本条例。", "本条例自…起施行。": the statute itself
        or _LIABILITY.search(w) is not None
        or (_OFFENCE.match(w) is not None and "由" in w)
        or _PENALTY_BY.search(w) is not None
        or _congress_procedure(w, 0, len(w))
    )


# A penalty laid by a body on an offender, after the offence closed by 的: "擅自占用城市道路的,由市城市管理部门
# 依法予以处罚", "…的,由区城市管理部门责令限期拆除". must not match: "古树名木需要迁移的,由市林业主管部门
# 依法予以审批" (a procedure of the body's own work)
_PENALTY_BY = re.compile(
    r"的,由[^,。;]{2,40}?(?:依法)?(?:责令|予以(?:拆除|处罚|取缔|没收)|处以?[^。;,]{0,24}(?:罚款|拘留)|没收|吊销|强制拆除)"
)


def _article_paragraphs(work: str, lines: list[tuple[int, int, int]]) -> list[tuple[str, int, int]]:
    """The paragraphs of the articles, with the article's number: a list item goes with the
    paragraph that introduces it (ending with a colon), numbered or not (a copy that lost the
    numbers of its list: "应当承担以下职责:" then one duty a paragraph, each closed by ;, the last by 。),
    a line that does not end a sentence (text pulled from a PDF) goes on in the next line."""
    out: list[tuple[str, int, int]] = []
    number: str | None = None
    listing = False  # the paragraph before opened a list (:) or went on with one (;)
    for s, e, _ in lines:
        if work.startswith("第", s):
            m = ARTICLE.match(work, s, e)
            if m:
                number = m.group("n").replace(" ", "")
                if m.end() < e:
                    out.append((number, m.end(), e))
                listing = work[e - 1] == ":"
                continue
            if _CHAPTER.match(work, s, e):
                number = None
                continue
        if number is None:
            continue
        if out and out[-1][0] == number:
            last = out[-1]
            open_end = work[last[2] - 1] not in "。;!?:)”"
            listed = _ITEM.match(work, s, e) is not None and (
                work[last[2] - 1] in ":;" or "\n" in work[last[1] : last[2]]
            )
            if open_end or listed or (listing and work[last[2] - 1] in ":;"):
                out[-1] = (number, last[1], e)
                listing = listing and work[e - 1] == ";"
                continue
        listing = work[e - 1] == ":"
        out.append((number, s, e))
    return out


def article_tasks(text: str, work: str, lines: list[tuple[int, int, int]], year: int | None) -> list[Task]:
    """The tasks of a regulation: the sentences of its articles that lay a duty on a body of the
    state (``_duty_roles``), one task each."""
    return _article_duties(text, work, lines, year)[0]


def _article_duties(
    text: str, work: str, lines: list[tuple[int, int, int]], year: int | None
) -> tuple[list[Task], int]:
    """``article_tasks``, and how many sentences laid a duty that is a step of a people's congress's
    own proceedings (``_congress_procedure``: no task, but a duty of the statute all the same)."""
    tasks: list[Task] = []
    procedures = 0
    for number, s, e in _article_paragraphs(work, lines):
        offence = _OFFENCE.match(work, s, e) is not None
        # "违反本条第一款第一项规定的,…X应当对违法行为人进行批评教育…": a penalty; only a later sentence that
        # hands the rules of its detail to a body is a task ("…可以依法从轻、减轻行政处罚。社会服务的具体实施
        # 办法,由市人民政府制定。": cities' 文明行为促进条例, 4 of the LawRefBook regulations)
        clauses = _clauses(work, s, e)
        for i, (cs, ce) in enumerate(clauses):
            if offence and (not work[s:cs].rstrip().endswith("。") or _BY.search(work, cs, ce) is None):
                continue
            roles = _duty_roles(text, work, cs, ce)
            if roles is None:
                continue
            lead, co = roles
            if _congress_procedure(work, cs, ce) and not any(_GOVERNING_BODY.search(u) for u in lead):
                procedures += 1
                continue
            if tasks and tasks[-1].number == number and tasks[-1].lead_units and len(lead) == 1:
                lead = _referred(lead[0], tasks[-1].lead_units) or lead
            ts, te = cs, ce
            if (
                i == 1
                and _RULES_BY.match(work, cs, ce)
                and _INSTITUTES.match(work, clauses[0][0], clauses[0][1])
            ):
                ts = clauses[0][0]  # "实行…制度。具体办法由X制定。": one task, X's
            while te > ts and work[te - 1] in " \n;,":
                te -= 1
            tasks.append(
                Task(
                    ref=f"第{number}条",
                    measure=None,
                    text=text[ts:te],
                    lead_units=lead,
                    co_units=co,
                    deadline=find_deadline(work[ts:te], text[ts:te], year),
                    span=Span(ts, te),
                    number=number,
                )
            )
    return tasks, procedures


# A body of the state as the subject of a sentence with no modal: "县人民政府加强对旅游资源的保护", "市人民政府
# 设立…专项资金", "公安机关以一定顺序对…编排门楼号", "市文化主管部门根据专家评审意见,拟订…名录", "市、县人民
# 代表大会常务委员会通过执法检查等方式,加强对…的监督" (cities' and counties' 条例 state the work of their bodies
# in the indicative as often as with 应当): the body leads it. What follows the body is an act: no copula or
# definition (是, 为, 系, 指), no permission or bar (可, 不得, 有权), no possession or membership (享有, 属于, 由…
# 组成), no name going on (的, 和, 、), and the sentence holds no modal (a sentence with one is read by
# ``_subject``, which refuses it where it is no duty).
_NOT_AN_ACT = re.compile(
    r"[的是为系指之可不无被由和及与或等、(所中内外]|有权|享有|属于|具有|拥有|隶属|位于|包括|组成|接受|设在|会议|负责人|工作人员|成员"
    r"|副?(?:主任|局长|厅长|秘书长)(?!会议)"  # "办公厅主任、副主任组成…": the body's head, a person
    r"|对[^,。;]{1,20}负责(?:[,。;]|$)"
)
# Where the name of a body acting with no modal may end (办 alone is none: 办法, 办理).
_ACTING_TAIL = re.compile(
    r"(?:部门|机关|机构|政府|委员会|办事处|委会|办公室|办公厅(?![\u4e00-\u9fff]{0,6}(?:室|处|科|主任))|总局|局|中心(?![城区])|指挥部|领导小组|委(?!员|托|会)|人民法院|人民检察院)"
    r"(?=[^,。;:、和及与或(]{2})"
)
# A lead-in or a verb inside the words before a body's name: the body is an object, not the subject ("本市支持
# 口岸查验机构…", "X通过Y公报…", "X受Y委托", "X加强与Y的联系", "…标准报市人民政府审定").
_NOT_IN_NAME = re.compile(
    r"通过|受(?!理)|以(?![上下])|将|把|报|送|加强|支持|鼓励|推动|采取|实行|发挥|会同|配合|协助|指导|委托|组织(?!部)"
    r"|制定|编制|设置|设立|建立|确定|发布|聘请|对(?!外)|在"
)
# A verb that qualifies a noun: "古树名木主管部门组织的…情形" (the body's act is a relative clause, no predicate).
_RELATIVE_ACT = re.compile(r"[^对在向给为把将与和的,。;]{1,4}的")
# The statute itself, or its words, as a subject: "本办法自…施行", "本条例所列行政机构名称…" (no body acts).
# A statute that repeals another ("…通过的《X条例》同时废止") is no act of the body that made the other.
_SELF = re.compile(r"本(?:条例|办法|规定|细则|规则)|[^。]*废止")
_ANY_MODAL = re.compile(
    r"应当|必须|可以|不得|禁止|严禁|有权|(?<![相适供响对反效顺答])应(?![急用])|(?<![必无])须"
)
_ACT_ADVERBS = re.compile(r"(?:依法|统一|及时|定期|积极|具体|分别|共同|主要|每年|按照规定|按规定)?")


def _acting_body(work: str, s: int, e: int) -> tuple[int, int] | None:
    """(end of the subject, start of the predicate) of a sentence ``work[s:e]`` that opens with bodies
    of the state and goes on with what they do, with no modal (``_NOT_AN_ACT``), or None."""
    while s < e and work[s] in " \n":
        s += 1
    if not (e >= len(work) or work[e - 1] in "。;" or work[e] == "\n"):
        return None  # a part of a sentence cut at its comma: the sentence's act is read whole
    if (
        _ANY_MODAL.search(work, s, e)
        or _SELF.match(work, s, e)
        or _BY_INSIDE.search(work, s, e)
        or work.find("责令", s, e) >= 0  # "…人民政府责令停止": a penalty (没收的动物 is no penalty's act;
        # a body's general duty "依法…进行查处/处罚" stays)
    ):
        return None  # (a sentence with 由 names its doer there: _BY, _DOER, _DOER_ACTS)
    comma = work.find(",", s, e)
    first = comma if comma > 0 else e
    if _CONDITION_END.search(work, s, first) or "是" in work[s:first]:
        return None  # "X作出决定后,…": a condition; "X、Y是承办单位": a definition
    limit = min(e, s + 40, comma if comma > 0 else e)
    end = None
    for m in _ACTING_TAIL.finditer(work, s, limit):
        if _NOT_A_DOER.search(work, s, m.end()) or _MEMBERS_OF.match(work, m.end(), e):
            break
        named = work[s : m.end()]
        if _NOT_IN_NAME.search(named):
            break
        if "以下" in named:
            break  # "开发区设立X(以下简称Y)": a body set up and its alias, no subject
        if len(named) >= 3 and _lead_bodies(law_names(named, named), named):
            end = m.end()  # (not a bare 政府: "政府采购活动…" is a topic)
    if end is None:
        return None
    act = _ACT_ADVERBS.match(work, end, e)
    p = act.end() if act is not None else end
    if (
        p >= e
        or not "\u4e00" <= work[p] <= "\u9fff"
        or _NOT_AN_ACT.match(work, p, e)
        or _RELATIVE_ACT.match(work, p, e)
    ):
        return None
    return end, end


# A body named by what the article said before it: "其所属的精神文明建设工作机构负责…" after "市、区(县级市)
# 精神文明建设委员会统筹推进…" (威海's 文明行为促进条例), "其办事机构具体负责…", "前款规定的部门应当…",
# "各区人民政府负责…,其确定的绿化管理部门具体负责…" (regulations of several provinces refer so to the body
# of the paragraph before; "其指定的X" is a delegate, units.DELEGATE).
_ITS = re.compile(r"其(?!他|余|中|它)(?:所属|下属|设立|确定|设置)?的?")  # not "其他有关部门"
_NAMED_BEFORE = re.compile(r"前款(?:规定|所列|所称|所述|确定)的(?:部门|机构|机关|单位)")


def _referred(name: str, before: tuple[str, ...]) -> tuple[str, ...] | None:
    """The bodies ``name`` refers to, given the lead units of the clause before it in the same
    article, or None when it names a body of its own: "前款规定的部门" is those bodies; "其所属的X" is
    X of each level they are of (市精神文明建设委员会 → 市精神文明建设工作机构) when X's field is theirs,
    else X ("其办事机构": 办事机构, as "X及其办事机构" names it)."""
    w = working_text(name)
    if _NAMED_BEFORE.fullmatch(w):
        return before
    its = _ITS.match(w)
    if its is None or its.end() == len(w):
        return None
    body = name[its.end() :]
    field = working_text(body)[:4]
    out = []
    for b in before:
        at = working_text(b).find(field)
        if at <= 0:
            return (body,)
        out.append(b[:at] + body)
    return tuple(out)


def _clauses(work: str, s: int, e: int) -> list[tuple[int, int]]:
    """The clauses of a paragraph that may each be a task: its sentences (to their 。); a sentence
    cut at a ; where what follows opens with a body of its own and its duty ("X应当…;Y应当…"), and
    at a comma between the duties of two bodies ("市住房城乡建设部门负责…,市市场监督管理部门负责…");
    the items of a list whose opening names no body ("对…实行政策扶持:(一)市财政部门将…;(二)…"), or
    whose items each open with a body of their own ("有关部门按照下列规定履行职责:(一)公安机关负责…;(二)…",
    as cities' 条例 share out the duties of their departments: the opening is no task of its own)."""
    out: list[tuple[int, int]] = []
    pos = s
    while pos < e:
        end = work.find("。", pos, e)
        end = e if end < 0 else end + 1
        stops = _stops(work, pos, end)
        colon = next((i for i in stops if work[i] == ":"), -1)
        whole_list = colon >= 0 and _subject(work, pos, colon) is not None
        own_items = whole_list and _item_names_body(work, colon, end)
        whole_list = whole_list and not own_items
        cut = pos
        for stop in stops:
            nxt = _skip(work, stop + 1, end)
            if own_items and stop == colon:
                cut = nxt  # "有关部门应当履行下列职责:(一)X负责…;(二)Y负责…": each item is its body's task
                continue
            if work[stop] == ",":
                if (
                    _CONDITION_END.search(work, cut, stop)
                    or _HELPS_ONLY.match(work, stop, end)  # "…,Y应当予以配合。": Y helps with it
                    or _duty_roles(work, work, cut, stop) is None
                    or _subject(work, nxt, end) is None
                ):
                    continue
            elif _ITEM.match(work, nxt, end):
                if whole_list:
                    continue  # "村民委员会应当做好以下工作:(一)…": one task, its list with it
            elif work[stop] == ":" or (
                _subject(work, nxt, end, strict=True) is None
                and not _topic_then_body(work, nxt, end)
                and not _condition_then_body(work, nxt, end)
            ):
                continue
            out.append((cut, stop + 1))
            cut = nxt
        out.append((cut, end))
        pos = _skip(work, end, e)
    return out


def _condition_then_body(work: str, s: int, e: int) -> bool:
    """``work[s:e]`` opens with a condition closed by 的, then a body and its duty: "…应当及时审查并依法处理;市场
    主体及时履行法定义务的,司法机关、行政机关应当终止…" (the two halves of a sentence cut at its ;)."""
    comma = work.find(",", s, e)
    return (
        comma - s >= 4 and work[comma - 1] == "的" and _subject(work, comma + 1, e, strict=True) is not None
    )


def _item_names_body(work: str, colon: int, end: int) -> bool:
    """The first item of the list after ``colon`` opens with a body of its own and its duty."""
    first = _skip(work, colon + 1, end)
    item = _NUMBERED.match(work, first, end)
    if item is None or _ITEM.match(work, first, end) is None:
        return False
    return _subject(work, item.end(), end, strict=True) is not None


# A requirement that another body consent or approve is a condition on the act it names, no duty:
# "本市有关部门在开发区设立分支机构,必须经开发区管委会同意,并报市人民政府批准" (北京经济技术开发区
# 条例), "设立…应当经省人民政府批准" (zones' and other regulations of several provinces).
_ONLY_CONSENT = re.compile(
    r",(?:必须|应当|须)(?:报)?经[^,。;]{2,30}(?:同意|批准)(?:,并报[^,。;]{2,30}(?:批准|备案))?。?$"
)


def _topic_end(work: str, s: int, e: int) -> int | None:
    """Where the body begins when a clause opens with its topic, a noun phrase that holds no verb,
    then a comma: "西海岸新区符合条件的重大项目,省和青岛市人民政府应当将其…", "西海岸新区内的社会管理
    和公共服务等事项,由当地人民政府负责" (山东's 青岛西海岸新区条例; 嘉兴's and 漯河's regulations
    write "…的具体办法,由市人民政府制定" so). None when the words before the comma hold a verb."""
    comma = work.find(",", s, e)
    if comma < 0 or comma - s > 40 or comma - s < 4:
        return None
    head = work[s:comma]
    if _TOPIC_VERB.search(head) or not head.endswith(_TOPIC_NOUNS):
        return None
    return _skip(work, comma + 1, e)


# A verb in what might be a topic: the clause's subject already acts.
_TOPIC_VERB = re.compile(
    r"应|须|要|可|负责|实行|实施|开展|建立|设立|推进|组织|需要|是|为|对|在|按照|根据|依照|经"
)
# What a topic ends with: the things a regulation hands to a body.
_TOPIC_NOUNS = (
    "项目",
    "事项",
    "事务",
    "工作",
    "资金",
    "经费",
    "规划",
    "计划",
    "方案",
    "清单",
    "名录",
    "标准",
    "办法",
)


def _stops(work: str, s: int, e: int) -> list[int]:
    """The commas, semicolons and colons of ``work[s:e]`` at which a sentence may be cut; a colon
    or semicolon only before a list item on a line of its own."""
    out = []
    for i in range(s, e):
        ch = work[i]
        if ch == ",":
            out.append(i)
        elif ch in ";:":
            nxt = _skip(work, i + 1, e)
            if ch == ";" or (nxt > i + 1 and _ITEM.match(work, nxt, e)):
                out.append(i)
    return out


def _topic_then_body(work: str, s: int, e: int) -> bool:
    """``work[s:e]`` opens with a topic (``_topic_end``) and goes on with a body and its duty:
    "…;西海岸新区内的社会管理和公共服务等事项,由当地人民政府负责"."""
    topic = _topic_end(work, s, e)
    if topic is None:
        return False
    return _subject(work, topic, e, strict=True) is not None or bool(
        re.match(r"由[^,。;]{2,40}?(?:负责|确定|制定|决定|组织)", work[topic:e])
    )


def _skip(work: str, s: int, e: int) -> int:
    while s < e and work[s] in " \n":
        s += 1
    return s


# Two levels joined by 和 or 及 before the government they share: "省和青岛市人民政府" (山东省青岛西海岸
# 新区条例), "省和设区的市人民政府", "市和区人民政府" (regulations of several provinces); _LEVEL_PAIR_OFFICE
# below: "市和区民防办", "市和区健康促进委员会" (上海's: a level's office or committee as its government).
# must not match: "乡镇人民政府和街道办事处" (two bodies), "城市和农村" (no government follows)
_LEVEL_PAIR = re.compile(
    r"(?P<a>" + LEVEL_WORD + r"|[\u4e00-\u9fff]{1,6}?[省市县州])(?:和|及|或者|或)"
    r"(?P<b>" + LEVEL_WORD + r"|[\u4e00-\u9fff]{1,6}?[省市县区州])"
    r"(?=人民政府|人民代表大会|[^、,。;:和及或()]{2,10}(?:主管部门|行政部门|部门|机关))"
)
# Two levels (no places: "城市和区域…" is none) before an office, a committee or an agency they share.
_LEVEL_PAIR_OFFICE = re.compile(
    r"(?P<a>" + LEVEL_WORD + r")(?:和|及|或者|或)(?P<b>" + LEVEL_WORD + r")"
    r"(?=[^、,。;:和及或()]{2,10}(?:机构|委员会|委|办))"
)
# A level joined by 和 (及, 以及, 或者) to the levels of a list or a level with its peers in brackets,
# before the body they share: "市和区、县人民政府" (上海's regulations write the city's level and its
# 区、县 so), "市和区县（市）人民政府" (重庆's, 杭州's), "市和区、县质量技术监督部门": each level's body.
# must not match: "省和青岛市人民政府" (a place: _LEVEL_PAIR), "城市和农村"
_LEVEL_AND_LEVELS = re.compile(
    r"(?P<a>" + LEVEL.pattern + r")(?:和|以及|及|或者)(?=" + LEVEL_WORD + r"(?:\([^()]{1,8}\)|、|人民政府))"
)
# The provinces as a collective: "各省、自治区、直辖市市场监督管理部门" is one body of each.
_PROVINCES = re.compile(r"各?省、自治区、直辖市(?:及新疆生产建设兵团)?")
# The words that join two bodies: "人民政府和有关部门", "教育行政部门和教育机构", "人民政府及其…".
_JOIN = re.compile(r"及其|以及|或者|及|和|与|或")


# What ends a clause: no list of names runs past it to a modal ("…需要有关部门协助的,有关部门应当…").
_CLAUSE_MARK = re.compile(r"[,;:。]")
# The 由 that names the doer after a topic (not the 由 of 自由, 理由, 缘由, 经由).
_BY_INSIDE = re.compile(AGENT_BY)
# A modal verb of duty (units.DUTY_MODALS: 应当, 应, 须, 必须), a group a pattern may make optional.
_DUTY_MODAL = "(?:" + "|".join(DUTY_MODALS) + ")"
# A modal before the 由 that names the doer: "…的,应当由市土地管理部门会同…复核认定".
_MODAL_BY = re.compile("(?:" + "|".join((*DUTY_MODALS, *POWER_MODALS)) + ")由")


def law_names(orig: str, work: str) -> list[str]:
    """``_law_names`` (memoised: a regulation tries the words before each verb of a sentence), each
    name in the form the conventions give it (``_named_forms``); no name holds a modal verb (words
    read with one are a clause: "应当报经省发展改革部门")."""
    doer = _MODAL_BY.match(work)
    if doer is not None:
        orig, work = orig[doer.end() :], work[doer.end() :]  # "应当由X会同Y…": X does it
    modal = MODAL.search(work)
    if modal is not None:
        # a name ends before its modal: "X、Y等要建立…" names X and Y when they are bodies; "应当报经省发展
        # 改革部门…", "在…范围内不得…" name none
        o, w = orig[: modal.start()], work[: modal.start()]
        names = law_names(o, w) if len(w) >= 2 and _CLAUSE_MARK.search(w) is None else []
        return names if _lead_bodies([working_text(n) for n in names], w) else []
    by = _BY_INSIDE.search(work, 2) if "由" in work else None
    if by is not None and not _lead_bodies(
        law_names(orig[: by.start()], work[: by.start()]), work[: by.start()]
    ):
        # "畲族语言、畲歌的老师由市、县(区)文化主管部门": a topic, then the bodies that do the work
        orig, work = orig[by.end() :], work[by.end() :]
    if encouraged(orig):
        return []  # "提倡和鼓励居民委员会、…": bodies encouraged, none charged with a duty
    names = [f for n in _law_names(orig, work) for f in _named_forms(n)]
    if len(names) > 1:
        # "…等公共文化机构，以及村民委员会": a later name's joining word is no part of it (a subject that
        # opens with 以及 is the end of a clause cut short, and keeps it)
        names = names[:1] + [without_joining_opener(n) for n in names[1:]]
    if "其" in work:
        # "X或者其指定的Y": the delegate X chooses is no unit of its own (units.DELEGATE)
        names = [n for n in names if DELEGATE.match(working_text(n)) is None]
    return names


# Two committees written as one, the second's first character in brackets: 村（居）民委员会 is the
# 村民委员会 and the 居民委员会 (漯河's 散煤污染防治条例, 内江's and 台州's 文明行为促进条例 charge both
# so; laws write 居（村）民委员会 too).
# matches: "村(居)民委员会", "居(村)民委员会" ; must not match: "县(市、区)人民政府" (one level, its
# kinds in brackets), "村民委员会"
_TWO_COMMITTEES = re.compile(r"(?P<a>[村居])\((?P<b>[村居])\)(?P<rest>民委员会)")
# A relative clause before a body: what the body did or where it is ("接到举报的有关部门", "项目所在地
# 的县级人民政府", "作出行政处罚决定的市场监督管理部门", as provincial regulations and 市场监管总局's rules
# on publishing penalties name them): the body is named by what follows 的. The clause holds a verb
# or 所在地; what follows is a body of its own (not a bare 部门 or 机构).
# matches: "接到举报的有关部门", "项目所在地的县级人民政府" ; must not match: "设区的市人民政府" (a kind
# of city), "县级以上精神文明建设指导委员会的办事机构" (whose office), "其他负有…职责的部门" (no body
# after 的), "渔业行政主管部门所属的渔政监督管理机构" (whose)
_CLAUSE_VERBS = "接到|作出|收到|发现|受理|负责|批准|核发|颁发|办理|登记|采取"
_RELATIVE_BODY = re.compile(
    rf"(?P<clause>[^的]{{0,20}}?(?:所在地|{_CLAUSE_VERBS})[^的]{{0,16}})的(?P<body>.{{2,30}})"
)
# The verbs a relative clause of a regulation's subject opens with ("受理投诉、举报的有关部门").
_CLAUSE_VERB = re.compile(_CLAUSE_VERBS)
_BARE_BODIES = frozenset(("部门", "机构", "单位", "组织", "工作机构", "管理机构", "办事机构"))


# The kind of body a list of councils closes with.
_MASS_BODIES = "群众组织"


def _named_forms(name: str) -> list[str]:
    """``name`` as the conventions of the corpus give a unit of a regulation: two committees written
    as one are two; a relative clause before a body is no part of its name."""
    if encouraged(name):
        return []  # "提倡和鼓励居民委员会": encouraged, no body charged with a duty
    w = working_text(name)
    two = _TWO_COMMITTEES.search(w)
    if two is not None:
        at, rest = two.start(), name[two.end("b") + 1 :]
        return [name[:at] + name[at] + rest, name[:at] + name[two.start("b")] + rest]
    if w.endswith("等" + _MASS_BODIES) and w[: -len(_MASS_BODIES) - 1].endswith("会"):
        # "村民议事会、道德评议会和人民调解委员会等群众组织" (临沂's 文明乡村 regulation): the councils
        # by name, the kind they share dropped after 等 as SCHEMA.md drops a trailing 等 (等部门; 甘肃's
        # and 丽江's 文明行为 regulations: 工会、共青团、妇联等群团组织 are the three).
        return [name[: -len(_MASS_BODIES) - 1]]
    if w.startswith("该") and len(w) >= 5 and looks_like_unit(w[1:]):
        return [name[1:]]  # "该审批部门应当…": the body the sentence named before, by its name
    rel = _RELATIVE_BODY.fullmatch(w) if "的" in w else None
    if rel is not None:
        body = rel.group("body")
        clause = rel.group("clause")
        if (
            body not in _BARE_BODIES
            and (looks_like_unit(body) or body.startswith(("有关", "相关")))
            and not looks_like_unit(clause)
            and not clause.endswith(("所属", "设置", "设立", "确定"))
        ):
            return [name[rel.start("body") :]]
    place = _PLACE_BEFORE_BODY.fullmatch(w) if "的" in w else None
    if place is not None:
        clause, body = place.group("clause"), place.group("body")
        if (
            body not in _BARE_BODIES
            and not body.endswith(_GOVERNING)
            and looks_like_unit(body)
            and _which_bodies(clause)
            and body != "社会"
        ):
            return [name[place.start("body") :]]
    return [name]


def _which_bodies(clause: str) -> bool:
    """``clause`` (before 的, read by ``_PLACE_CLAUSE``) says which bodies: it names no body itself
    ("省人民政府和某流域的…": a body, then the clause of the next), no firm ("企事业单位的工会": whose),
    and is no level ("市县的…")."""
    return not (
        looks_like_unit(clause)
        or any(end in clause for end in _BODY_END)
        or _PRIVATE.search(clause)
        or LEVEL_LIST.match(clause)
        or all(c in _LEVEL_CHARS for c in clause)
    )


# The characters that name a level alone ("市县的…": levels, no clause).
_LEVEL_CHARS = "省市县区州旗盟乡镇"
# A clause that says which bodies of a kind a duty falls on, before the body: where they are or what they
# have ("有防汛任务的乡镇人民政府", "突发事件发生地的区人民政府", "城镇规划区内的村民委员会", "招标人依法组建的评标
# 委员会"): the body is named by what follows 的, as a relative clause before a unit is no part of its name
# (tests/extract/corpus/README.md; the tune `chaozhou_` gold reads "有畲族聚居村的镇级人民政府" so).
# must not match: "设区的市人民政府" (a kind of city), "有关的专门委员会", "县级以上的地方各级人民代表大会" (a
# level), "负有…职责的市人民政府工作部门" (what the duty is defines the department), "X所属的Y", "X确定的Y"
# (whose), "企事业单位的工会" (whose); nor a bare kind after 的 ("…的部门", "…的主管部门").
_PLACE_CLAUSE = (
    r"(?!负有|承担|履行|具有|行使|负责|有关|相关|其他|其|共同|本|同级|上一级|县级以上|各级)"
    r"(?P<clause>[^、的()]{2,20}?)"
    r"(?<!所属|下属|直属|设立|设置|确定|指定|授权|委托|主管|规定|认定|批准|设区|有关|相关|以外|之外)(?<!级)的"
)
_PLACE_BEFORE_BODY = re.compile(
    _PLACE_CLAUSE + r"(?P<body>(?![市县]人民政府|人民政府|编制|审批|立项|批准|实施|执行)[^、的]{2,30})"
)


# The collective a list of fields may close with ("公安、民政等有关部门": 公安部门, 民政部门, 有关部门).
# The departments named as a collective closing a list of fields (…等有关部门): units.COLLECTIVE_HEADS but 各…
_LIST_COLLECTIVES = frozenset(h + "部门" for h in COLLECTIVE_HEADS if not h.startswith("各"))


@lru_cache(maxsize=8192)
def _law_names(orig: str, work: str) -> tuple[str, ...]:
    """The bodies a regulation names as the subject of a duty, as its readers take them, beside
    ``parse_law_units``: levels written once before the body they share ("市、区（县级市）人民政府和
    有关部门": 市人民政府, 区（县级市）人民政府, 有关部门, as 威海's and 内江's 文明行为促进条例 and
    云浮's 优化营商环境条例 write them), two bodies joined by 和, 及, 以及, 或者 ("教育行政部门和教育
    机构"), bare fields sharing a kind of body with or without 等 ("商务、文化和旅游、卫生健康主管部门",
    "教育、科学技术等有关部门": 甘肃省's and 嘉兴's), the provinces as a collective ("各省、自治区、
    直辖市市场监督管理部门", as ministries' rules write it)."""
    while work and work[0] in " \n":
        orig, work = orig[1:], work[1:]
    if not work:
        return ()
    if _PROVINCES.match(work):
        return (orig,)
    rel = _RELATIVE_BODY.fullmatch(work) if "、" in work and "的" in work else None
    if rel is not None and "、" in rel.group("clause") and "、" not in rel.group("body"):
        # "受理投诉、举报的有关部门": the 、 is the relative clause's, one body (有关部门, as _named_forms)
        parts = rel.group("clause").split("、")
        if _CLAUSE_VERB.match(parts[0]) and not any(
            looks_like_unit(p) or p.endswith(_BODY_END) for p in parts
        ):
            return tuple(_named_forms(orig))
    if "的" in work and "、" in work:
        rel = _RELATIVE_BODY.fullmatch(work)
        at = rel.start("body") if rel is not None else 0
        if rel is not None and rel.group("clause").endswith("设区"):
            at -= 3  # "核电厂所在地设区的市、县人民政府": the 的 of 设区的市 is the level's own
        if rel is not None and LEVEL_LIST.match(work, at) and "、" not in rel.group("clause"):
            # "所在地的区、县(市)房产主管部门": the levels' bodies, the clause no part of their names
            return _law_names(orig[at:], work[at:])
        which = re.match(_PLACE_CLAUSE, work) if rel is None else None
        if which is not None and LEVEL_LIST.match(work, which.end()) and _which_bodies(which.group("clause")):
            # "有管辖权的市、县（市、区）环境保护主管部门": a clause of the kind _named_forms drops, before levels
            return _law_names(orig[which.end() :], work[which.end() :])
    place = _PLACE_OF_LEVELS.match(work)
    if place is not None and LEVEL_LIST.match(work, place.end()):
        # "历史建筑所在地市、县（市、区）人民政府": the place goes to each level's body, as a shared prefix
        bodies = _law_names(orig[place.end() :], work[place.end() :])
        return tuple(orig[: place.end()] + b for b in bodies)
    owner = _OWNER_OF_FIELDS.match(work)
    if owner is not None and field_list(work[owner.end() :]) is not None:
        # "同级文物、自然资源和规划部门", "自治县的水利、电力等部门": the fields' departments, the level they
        # are of (a relative one, or a place with 的) no part of their names
        return _law_names(orig[owner.end() :], work[owner.end() :])
    joined_levels = _LEVEL_AND_LEVELS.match(work)
    if joined_levels is not None:
        # "市和区、县人民政府": the bodies of the levels after 和 (区人民政府, 县人民政府), and the first
        # level's body of the same kind (市人民政府)
        at = joined_levels.end()
        rest = law_names(orig[at:], work[at:])
        first_level = LEVEL.match(work, at)
        if rest and first_level is not None and working_text(rest[0]).startswith(first_level.group()):
            body = rest[0][len(first_level.group()) :]
            if len(body) >= 2 and (body[0] not in _LEVEL_CHARS or body.startswith("市场")):
                return (orig[: joined_levels.end("a")] + body, *rest)
        elif (
            rest
            and first_level is not None
            and LEVEL_LIST.match(work, at)
            and not any(LEVEL.match(r) for r in rest)
        ):
            return tuple(rest)  # "市和区、县人民政府发展改革、财政等部门": the fields' departments
    pair = _LEVEL_PAIR.match(work) or _LEVEL_PAIR_OFFICE.match(work)
    if pair:
        # "省和青岛市人民政府有关部门": 省人民政府有关部门, 青岛市人民政府有关部门
        rest = law_names(orig[pair.end() :], work[pair.end() :])
        if rest:
            heads = [orig[pair.start("a") : pair.end("a")], orig[pair.start("b") : pair.end("b")]]
            return tuple([h + rest[0] for h in heads] + list(rest[1:]))
    joined = _gov_field_and_levels(orig, work)
    if joined:
        return joined
    levels = LEVEL_LIST.match(work)
    if levels:
        after = levels.end() + (2 if work.startswith(("两级", "三级"), levels.end()) else 0)  # 市、区两级X
        if work.startswith("的", after) and len(work) - after > 3:
            after += 1  # "乡、民族乡、镇的人民政府": the levels' government (乡人民政府)
        rest = law_names(orig[after:], work[after:])
        if not rest:
            return ()
        heads = [orig[m.start() : m.end()] for m in LEVEL.finditer(work, 0, levels.end())]
        fields = [r for r in rest if r.startswith("人民政府")]
        one_etc = (
            len(fields) == 1
            and work.startswith("人民政府", after)
            and field_list(work[after + 4 :]) is not None
        )
        if (len(fields) > 1 or one_etc) and all(
            r.startswith("人民政府") or r in _LIST_COLLECTIVES for r in rest
        ):
            # "市、县（区）人民政府发展改革、财政等部门": the departments of those fields, named by field
            # (发展改革部门, 财政部门), as "人民政府及其教育、科学技术等有关部门" is read (云浮's 优化营商环境条例;
            # the convention in tests/extract/corpus/README.md); "…等有关部门" adds the collective
            # (有关部门); so does one field closed by 等 ("市、县（区）人民政府生态环境等主管部门": 生态环境主管部门,
            # as "教育等部门" after levels is read below); one department after the levels is named whole at
            # each level (below).
            return tuple(r[len("人民政府") :] if r.startswith("人民政府") else r for r in rest)
        if _fields_of_levels(work[after:]):
            # "市、县（市、区）教育等部门", "市、区县（市）园林绿化、林业行政管理部门": the departments of those
            # fields, named by field, as with 人民政府 before them (above)
            return tuple(rest)
        return tuple([h + rest[0] for h in heads] + rest[1:])
    first, sep, others = work.partition("、")
    listed = (
        field_list(others) if sep and kind_of(first) in ("机关", "部门", "机构") and "等" in others else None
    )
    if listed is not None and listed.etc:
        # "公安机关、应急管理、市场监管等部门": a body named whole, then the departments of the fields
        return (orig[: len(first)], *_law_names(orig[len(first) + 1 :], others))
    out: list[str] = []
    for i, (o, w) in enumerate(_joined(orig, work)):
        later = _law_names(o, w) if i and "的" in w and "、" in w else ()
        # ("省人民政府和地质灾害易发区的市、县人民政府": the second body's levels, read as the first's)
        out.extend(later or _field_list(o, w))
    if len(out) > 1 and out[-1].endswith(("管委会", "管理委员会")):
        # "X经济技术开发区、Y示范区、Z区管委会": each zone's 管委会 (漯河's and 嘉兴's regulations)
        suffix = "管委会" if out[-1].endswith("管委会") else "管理委员会"
        last = out[-1]
        zones = _ZONES_ETC.fullmatch(last)
        if zones is not None:
            # "高新、伊滨（经开）、龙门等功能区管委会": each zone's 管委会, named with the kind they share
            # (高新功能区管委会), as a shared suffix is given to each name (SCHEMA)
            shared = zones.group("kind") + suffix
            members = [n[: -len(suffix)] if n.endswith(suffix) else n for n in out[:-1]]
            members.append(zones.group("last"))
            out = [m + (suffix if m.endswith(("区", "园")) else shared) for m in members]
            return tuple(dict.fromkeys(out))
        if last.endswith("等" + suffix) and last[: -len(suffix) - 1].endswith(("区", "园")):
            last = last[: -len(suffix) - 1] + suffix  # "…、Z综合保税区等管理委员会": Z综合保税区管理委员会
        out = [n + suffix if n.endswith(("区", "园")) else n for n in out[:-1]] + [last]
    return tuple(dict.fromkeys(out))


# The last of a list of zones closed by 等, the kind of zone they share and its 管委会: "龙门等功能区管委会",
# "Z等产业园区管理委员会" (the list's earlier names are the other zones).
_ZONES_ETC = re.compile(r"(?P<last>[^等、]{2,12})等(?P<kind>[^等、]{0,6}(?:区|园))(?:管委会|管理委员会)")


# A place written before the levels whose bodies it names, with no 的: "历史建筑所在地市、县（市、区）人民政府"
# (衢州's 历史文化街区保护条例), "所在地市、县人民政府" (17 of the LawRefBook regulations write 所在地市、).
_PLACE_OF_LEVELS = re.compile(r"[^、,的()给向由报交经对]{0,12}?所在地|当地(?=" + LEVEL_WORD + "、)")
# What a list of fields may open with that is no part of their departments' names: a level named by its
# relation to the body of the sentence ("会同同级文物、自然资源和规划部门编制…", cities' regulations), or a
# level or government with 的 ("自治县的水利、电力、交通等部门" (彭水's 旅游条例), "县级以上人民政府的计划、财政
# 等部门"), as a 的-modifier before a unit is dropped (tests/extract/corpus/README.md).
# must not match: "县级以上人民政府发展改革、财政部门" (the government named on each, units._cut)
_OWNER_OF_FIELDS = re.compile(
    r"(?:(?:同级|本级)(?:人民政府)?的?|(?:本|当地)?(?:自治[县州区]|[省市县区])的|[^,的]{0,16}?人民政府的)(?=[^、]{2,12}、)"
)


def _fields_of_levels(work: str) -> bool:
    """``work`` (what follows the levels) is a list of bare fields sharing one kind of body, or one
    field closed by 等 ("教育等部门", "园林绿化、林业行政管理部门", "公安、民政等有关部门"): no field
    holds a conjunction or a government."""
    fl = field_list(work)
    return (
        fl is not None
        and (not fl.etc or work[fl.kind[0] : fl.kind[1]] == fl.plain)
        and all(
            is_bare_field(f) and _JOIN.search(f) is None and "政府" not in f
            for f in (work[a:b] for a, b in fl.fields)
        )
    )


# One level's government and a field of it, joined by 和 to other levels' fields: "市人民政府生态环境和市、
# 县（区）人民政府发展改革、财政等部门" (河南's city regulations share out departments so).
_GOV_FIELD = re.compile(r"[^、()和]{0,10}?人民政府(?P<field>[^、()]{2,12})")


def _gov_field_and_levels(orig: str, work: str) -> tuple[str, ...]:
    """The field departments of "市人民政府X和市、县人民政府Y、Z等部门": X's department beside Y's and
    Z's, named by field as the levels' own field lists are (the corpus convention); () when ``work``
    is not of that form."""
    for m in re.finditer("和", work):
        head = _GOV_FIELD.fullmatch(work, 0, m.start())
        if head is None or not is_bare_field(head.group("field")) or not LEVEL_LIST.match(work, m.end()):
            continue
        rest = law_names(orig[m.end() :], work[m.end() :])
        kind = kind_of(rest[0]) if rest else ""
        if not kind or any(GOV_PREFIX.match(r) for r in rest):
            continue
        return (orig[head.start("field") : head.end("field")] + kind, *rest)
    return ()


# The members of a group named after 及其 ("领导小组及其成员单位"): the group's own, named by it; so are a
# body's branches and the units under it ("市生态环境局及其派出机构", "供水单位及其分支机构", "市水务局及其
# 所属单位"): the body answers for them, named alone (a standing committee is a body of its own: "人民代表大会
# 及其常务委员会" is two, as the tune gold gives it).
_MEMBER_UNITS = frozenset(
    (
        "成员单位",
        "各成员单位",
        "分支机构",
        "派出机构",
        "所属单位",
        "所属机构",
        "下属单位",
        "下属机构",
        "直属单位",
        "直属机构",
    )
)


def _joined(orig: str, work: str) -> list[tuple[str, str]]:
    """``work`` cut where a conjunction joins two bodies: what comes before it (since the last 、)
    is a body, or what follows opens with a collective ("及其有关部门": 其 is the body before)."""
    out: list[tuple[str, str]] = []
    start, depth = 0, 0
    i = 0
    while i < len(work):
        ch = work[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        m = _JOIN.match(work, i) if not depth else None
        if m is None:
            i += 1
            continue
        head = work[max(work.rfind("、", start, i) + 1, start) : i]
        tail = work[m.end() :]
        if (
            len(head) >= 2
            and (_whole_body(head) or tail.startswith(("有关", "相关", "其他")))
            and len(tail) >= 2
        ):
            out.append((orig[start:i], work[start:i]))
            start = m.end()
            if m.group() == "及其" and tail in _MEMBER_UNITS:
                # "市征兵工作领导小组及其成员单位应当…": the group answers for its members (they are
                # named by it alone), no bare 成员单位
                return out
            if tail in ("单位", "部门", "机构"):  # "有关部门和单位": 有关单位
                collective = re.match(r"各有关|各相关|有关|相关|其他有关|各", head)
                if collective:
                    out.append((collective.group() + orig[start:], collective.group() + tail))
                    return out
            i = start
            continue
        i = m.end()
    out.append((orig[start:], work[start:]))
    return out


def _whole_body(name: str) -> bool:
    return (looks_like_unit(name) or name.endswith(_BODY_END)) and not _VERB_START.match(name)


def _field_list(orig: str, work: str) -> list[str]:
    """One list of bodies: the mass organisations a list of them names by kind ("工会、共青团、妇联等人民
    团体": the three), bare fields sharing a kind of body (``units.field_names``), else
    ``parse_law_units``."""
    etc = _MASS_ETC.fullmatch(work) if "等" in work and "、" in work else None
    if etc is not None:
        fields, kind = etc.group("fields").split("、"), etc.group("kind")
        if kind != _MASS_BODIES and all(f.endswith(_PEOPLES_ORGS) for f in fields):
            return _each(orig, fields)
        if kind == _MASS_BODIES and all(f.endswith("会") for f in fields):
            return _each(orig, fields)  # "村民议事会、红白理事会等群众组织": see _named_forms
    kinds = _BODIES_ETC.fullmatch(work) if "等" in work and "、" in work else None
    if kinds is not None:
        fields = kinds.group("fields").split("、")
        if all(_named_body(f) for f in fields):
            # "文化馆、博物馆等公共文化机构", "工会、…、社科联等社会团体": the bodies by name, the kind they
            # share dropped after 等 as SCHEMA.md drops a trailing 等 (等部门, 等人民团体); a collective
            # kind is a unit of its own ("X等有关社会组织": X and 有关社会组织, as X等相关部门)
            out = _each(orig, fields)
            if kinds.group("group"):
                out.append(orig[kinds.start("group") :])
            return out
    return parse_law_units(orig, work)


# A list of bodies named each by its name, closed by 等 and the kind of body they are ("文化馆、图书馆、博物馆等
# 公共文化机构", "工会、妇联、社科联等社会团体", "居民委员会、村民委员会等基层群众性自治组织"), with no 的 in the
# kind (a body of theirs: "…等部门的监测机构").
_BODIES_ETC = re.compile(
    r"(?P<fields>[^等]{2,200}?)等(?P<group>有关|相关|其他有关|其他相关|其他)?"
    r"(?P<kind>[^等、的()]{0,10}(?:团体|组织|机构|机关|单位))"
)
# The public cultural institutions that are bodies of their own, the unit lexicon's suffixes apart (the
# 公共文化设施 the state runs: 文化馆, 图书馆, 博物馆, 美术馆, 科技馆, 纪念馆, 档案馆, 文化站; not a 宾馆 or a
# 场馆, a firm or a place); a bracketed branch kind ("文化馆(站)") is theirs.
_VENUE = re.compile(r".{0,10}(?:文化馆|图书馆|博物馆|美术馆|科技馆|纪念馆|档案馆|文化站)(?:\([^()]{1,4}\))?")


def _named_body(field: str) -> bool:
    """``field`` of a list closed by 等 and a kind names a body by its own name: a unit of the lexicon, a
    mass organisation or a public venue; not a bare field of work ("公安", "自然保护区": "自然保护区、森林
    公园等管理机构" are each one's 管理机构)."""
    return (
        looks_like_unit(field)
        or field.endswith((*_PEOPLES_ORGS, "联"))  # (联: a 联合会 by its short name, 社科联, 工商联)
        or _VENUE.fullmatch(field) is not None
    )


# The kinds a list of mass organisations closes with: "工会、共青团、妇联等人民团体".
_MASS_ETC = re.compile(
    r"(?P<fields>[^等]{2,200}?)等(?P<kind>人民团体|群团组织|社会团体|团体|" + _MASS_BODIES + ")"
)


def _each(orig: str, fields: list[str]) -> list[str]:
    """The words of ``orig`` at the places of ``fields`` (its working text split by a one-character
    separator: units.part_spans)."""
    return [orig[s:e] for s, e in part_spans(fields)]


def _lead_bodies(names: list[str], raw: str = "") -> bool:
    """Bodies of the state that a regulation charges with a duty: all of them, or a list led by one
    and mostly of them that names organisations, schools or media beside them but no people or firms
    ("各级人民政府及有关单位、新闻媒体应当…" (云浮), "市、区人民政府有关部门或者社会组织应当…" (威海),
    "工会、…、关心下一代工作委员会以及有关社会组织" (上海), "教育主管部门和学校" (河北))."""
    if not names:
        return False
    bodies = sum(1 for n in names if _is_body(n))
    if bodies == len(names):
        return True
    return (
        _is_body(names[0])
        and 2 * bodies >= len(names)
        and not any(_PUBLIC.search(n) for n in [raw, *names])
        and all(_is_body(n) or _PRIVATE.search(n) for n in names)  # each a name, if not a body's
    )


# What no name of a body holds: a negation of what someone can or may do ("超出承诺时限不能办结的,应当
# 说明理由": the words before the comma are a condition, 办 no 办公室); nor does it end in 全部, 内部 or
# 干部 ("…项目审批全部纳入…系统": 部 no 宣传部); a bare 负责 is the verb of a clause with no subject
# ("…;负责对…实施监督管理": the body of the clause before).
_NO_BODY = re.compile(r"不能|不得|不予|无法|超出|超过|(?:全|内|外|局|干)部$|^负责$")
# The service bodies of the state: "公共就业服务机构", "政务服务机构", a level's ("市住房城乡建设保障服务机构")
# (a business that serves ends in 服务机构 too: 家政服务机构, 养老服务机构, 中介服务机构, as cities' 家政服务
# and 物业 regulations charge them).
_PUBLIC_SERVICE = ("公共", "政务", "各级公共", "县级以上公共")


# Units named by their function in a work: "指挥部成员单位", "其他有防汛任务的单位", "负有…监督管理职责的单位"
# (regulations on floods, emergencies and pollution charge them so; the tune gold names "…成员单位" leads).
# Not "承担测绘任务的单位" (a licensed firm, as 测绘 regulations name it: a regulated party).
_BY_FUNCTION = re.compile(r"成员单位$|^(?:其他)?(?:负有|有)[^的,。;]{1,20}(?:任务|职责|职能)的单位$")


@lru_cache(maxsize=8192)
def _is_body(name: str) -> bool:
    """A body of the state (or a villagers' or residents' committee), not a person or a firm."""
    if name in _ROLE_BODIES:
        return True
    if _VERB_START.match(name) or re.search(r"[;:\n]", name):
        return False
    if name.endswith(_PEOPLES_ORGS):
        return True
    tail = name.rsplit("的", 1)[-1]
    if "的" in name and len(tail) >= 2 and tail.endswith(_BODY_END):
        name = tail  # "校外实践教育场所的行业主管部门", "负责…工作的机构": the body is what 的 ends with
    if _PRIVATE.search(name) and not (name.endswith(_GOVERNING) and _JOIN.search(name) is None):
        return False  # (but "公用企事业单位主管部门", "物业主管部门": the department that governs them)
    if _NO_BODY.search(name):
        return False
    if name.endswith("服务机构") and not name.startswith(_PUBLIC_SERVICE) and not LEVEL.match(name):
        return False  # "家政服务机构应当…", "物业服务机构": a business that serves, not a body of the state
    if name.endswith("单位"):
        return name.startswith(("有关", "相关", "各")) or _BY_FUNCTION.search(name) is not None
    if _GOES_TO.search(name):
        return False  # "求职的劳动者到职业介绍机构": whom a person goes to, no body's name
    if name.endswith(_ROLE_VERBS_BAN):
        return False  # "大型活动的主办、承办单位": 主办 is a role in an event, no 办公室 (as _BODY_TAIL reads 办)
    return looks_like_unit(name) or name.endswith(_BODY_END)


# A person or body going to or turning to a body: no name of a body holds 到 or 向 (向阳 is a place).
_GOES_TO = re.compile(r"[^的]到[^的]{2,}$|向(?!阳)[^的]{2,}$")
# Verbs ending in 办 that no office's short name ends with (主办, 承办, 举办, 交办, 代办, 申办, 筹办).
_ROLE_VERBS_BAN = ("主办", "承办", "协办", "举办", "交办", "代办", "申办", "筹办", "包办", "兴办", "创办")


# The kinds of department that govern a trade: a body of the state whatever trade they name (企业, 物业).
_GOVERNING = ("主管部门", "行政主管部门", "监督管理部门")


# Bodies a regulation names by their role in a procedure of the state: the 承办单位 that handles what a hotline
# or a deputy's proposal hands it (cities' 12345热线条例, provinces' rules on deputies' proposals: 21 of the 1,821
# LawRefBook regulations charge it), the 组织编制机关 of a plan (cities' 历史文化名城 and 规划 regulations, after
# 城乡规划法: 41 of them). Named so bare (not "大型活动的承办单位", a firm), they are bodies; 组织 opens the
# second as a verb would.
_ROLE_BODIES = frozenset(("承办单位", "各承办单位", "有关承办单位", "各有关承办单位", "组织编制机关"))


def _subject(work: str, s: int, e: int, strict: bool = False) -> tuple[int, int] | None:
    """Where the subject of ``work[s:e]`` ends, when it opens with bodies of the state and goes
    on with what they are to do: (end of the subject, start of the predicate)."""
    while s < e and work[s] in " \n":
        s += 1
    if work.startswith("由", s):
        s += 1  # "由X牵头开展…": the doer follows 由
    comma = work.find(",", s, e)
    found = _subject_by_opener(work, s, e, comma, strict)
    if (
        found is None
        and comma > 0
        and _duty_after_conditions(work, comma, e)
        and not (_BY_AFTER.match(work, comma + 1, e) and not _PERSON_BY.match(work, comma + 1, e))
    ):
        head = _body_head(work, s, comma)
        if head is not None:
            return head, head  # "市场监督管理部门公示行政处罚信息,应当…": the body, then what it does
    return found


# A duty after the comma that names its own doer: "承办单位不能解决的热线事项,应当由市人民政府办公室组织…" (the
# words before the comma are its topic, not its doer).
_BY_AFTER = re.compile(r"\s*" + _DUTY_MODAL + "?由")


# A doer after 由 that is a person of the body before the comma: "劳动保障行政部门执行监察公务,应当由两名以上
# 监察人员共同进行" (the body's duty, done by its people).
_PERSON_BY = re.compile(r"\s*" + _DUTY_MODAL + r"?由[^,。;]{0,16}?(?:人员|负责人|领导人)")


def _duty_after_conditions(work: str, comma: int, e: int) -> bool:
    """A duty (应当, 负责) follows the comma, or follows the conditions after it, the last closed by 的,
    后 or 时: "公安机关收到申请后,材料齐全,符合法定形式的,应当在…内出具确认书" (the procedures of cities'
    门牌 and 审批 regulations put the body first, its conditions, then its duty)."""
    c = comma
    for _ in range(3):
        if DUTY_VERB.match(work, c + 1, e) and not _SUBMITS.match(work, c + 1, e):
            return c == comma or _CONDITION_END.search(work, comma + 1, c) is not None
        c = work.find(",", c + 1, e)
        if c < 0 or c - comma > 40:
            return False
    return False


def _subject_by_opener(work: str, s: int, e: int, comma: int, strict: bool) -> tuple[int, int] | None:
    """``_subject`` where the subject ends at a verb of duty or a lead-in (``_OPENER``)."""
    limit = e if comma < 0 else comma + 1
    power = work.find("可以", s, limit)
    if power - s >= 2 and _RULE_POWER.match(work, power, e) and _OPENER.search(work, s, power) is None:
        named = work[s:power]
        if _lead_bodies(law_names(named, named), named):
            return power, power  # "X可以…制定…并向社会公布": X's work (``_RULE_POWER``)
    for m in _OPENER.finditer(work, s, limit):
        v = m.start()
        if v - s < 2 or work[v - 1] == "所":
            continue  # "系统对所纳入的照明…": 所 makes the verb a relative clause, no predicate
        if work.startswith("的", m.end()) and m.group() not in _MODALS:
            continue  # "需要由X统筹的事项,应当接受…": the verb qualifies a noun, no predicate
        if m.group() == "组织" and work[v + 2 : v + 3] in (",", "、", "和", "及", "以", "应", "与", "或"):
            continue  # "有关社会组织,应当…": the noun 组织 ends a name, not the verb
        if v - s > 100:
            break  # (a list of ten fields with their brackets runs to 80 characters: 泰安's, 嘉兴's)
        if work[v - 2 : v] in _ADVERBS and v - s >= 4:
            v -= 2  # "…的办事机构具体负责…": the adverb goes with the verb
        if work.startswith("经", s) and not work.startswith(("经济", "经信"), s):
            return None  # "经本行政机关负责人批准": a lead-in, no subject (经济信息化部门 is a body)
        if "可以" in work[s:v]:
            return None  # "开发区管委会可以设立必要的职能机构,对…实行管理": a permission
        alias = _ALIAS.search(work, s, v)
        named = work[s : alias.start()] + work[alias.end() : v] if alias else work[s:v]  # "X(以下简称Y)负责"
        each = (
            m.group() in _MODALS and len(named) >= 4 and named[-1] in "均亦" and named[-2] in "门关府构会位处"
        )
        if each:
            named = named[:-1]  # "两级牵头部门均应当…": each of them, the adverb with the verb
        if (
            m.group() == ","
            and _BY_AFTER.match(work, v + 1, e)
            and not _CONDITION_END.search(work, s, v)
            and not _PERSON_BY.match(work, v + 1, e)
        ):
            return None  # "X不能解决的事项,应当由Y组织…": Y does it (the clause before is its topic)
        names = law_names(named, named)
        if not _lead_bodies(names, named):
            if m.group() in _MODALS:
                return None  # "文明行为促进工作应当构建政府组织实施…": the subject ends at its 应当
            continue
        if m.group() == "," and not (
            DUTY_VERB.match(work, v + 1, e)
            or _LEAD_IN.match(work, v + 1, e)
            or (_HELPS_BODY.match(work, v + 1, e) and all(_is_body(working_text(n)) for n in names))
        ):  # "乡镇人民政府、街道办事处,协助相关部门做好…": bodies that help another, each a body
            # "市、县（区）精神文明建设指导委员会,市、县（区）人民政府及其有关部门应当…": a long list of
            # bodies goes on past a comma (cities' 文明行为促进条例 and 山体保护条例 list their committees
            # and governments so); "…产业布局,加强…": else a comma ends no subject but before 应当
            more = _subject_by_opener(work, v + 1, e, work.find(",", v + 1, e), strict)
            return more if more is not None and more[0] > v + 3 else None
        if m.group() not in _MODALS and _condition_only(work, v if m.group() != "," else v + 1, e):
            return None  # "各经营单位在…过程中存在…的,记入信用档案": the subject of a condition
        if _predicate_is_duty(work, v if m.group() != "," else v + 1, e, strict):
            return v - each, (v if m.group() != "," else v + 1)
        return None
    return None


def _condition_only(work: str, p: int, e: int) -> bool:
    """The subject's words up to the first comma are a condition closed by 的, and no duty of its own
    follows: "接受政府补助的养老机构开展…不足五年的,由…民政部门责令改正", "各经营单位在…过程中存在…的,
    记入信用档案", "…的,享受…优惠" (the party a regulation regulates, and what follows for it: no duty
    laid on a body, so no task, as a penalty is none). "X发现…的,应当…" goes on with X's duty
    (``_duty_after_conditions``); "X对…的,给予奖励" names whom X acts on (对), no condition."""
    c = work.find(",", p, e)
    if c < 0 or work[c - 1] != "的" or work.startswith("对", p) or any(ch in work[p:c] for ch in "。;"):
        return False
    return not _duty_after_conditions(work, c, e)


# A predicate that submits to another body's management: "…的事项,应当接受X的统一管理" (no work).
_SUBMITS = re.compile(_DUTY_MODAL + "?接受(?!委托|申请|举报|投诉)")  # "应当接受委托,受理…" is work
# An adverb between a subject and its verb of duty: "X具体负责", "X统一组织".
_ADVERBS = frozenset(("具体", "统一", "分别", "共同", "主要", "依法"))
# The modal verbs of duty that end a subject (a predicate that opens with one: units.DUTY_VERB).
_MODALS = frozenset(DUTY_MODALS)
# Where the name of a body may end before what it does (not the 办 of a verb: 承办, 督办, 办理, 办结).
_BODY_TAIL = re.compile(
    r"(?:部门|机关|机构|政府|委员会|办事处|管委会|承办单位|人民法院(?!院长)|人民检察院(?!检察长)|总局|局|委(?!员会|托)|(?<![承督协主交代举创兴查包申筹会])办(?!理|结|好))"
    r"(?=[^,。;:、和及与或(]{2})"
)


# What the words before a body hold when the body is no doer but an object or a basis: "人民建议涉及两个以上
# 国家机关…的", "列入常务委员会会议议程的法规案", "按照国家规定需要有关部门批准的建设项目", "受理由其他部门
# 办理的申请事项" (regulations of several provinces and their 立法条例), "法律、法规规定需经X许可的" (whose
# permission an applicant needs: 彭水's 旅游条例).
_NOT_A_DOER = re.compile(
    r"[对在向于个凡]|(?<!自)由|涉及|或者|列入|纳入|按照|根据|依照|依据|认为|经(?!济|信|营|费|贸|销|办)"
)


# The people of a body: "…人民检察院的领导成员和工作人员中,应当有…" (no duty of the body's).
_MEMBERS_OF = re.compile(r"的[^,。;]{0,6}(?:成员|人员|负责人|领导)")


def _body_head(work: str, s: int, comma: int) -> int | None:
    """Where a body's name ends when the subject before a comma goes on with what the body does
    and the duty follows the comma: "市场监督管理部门公示行政处罚信息,应当遵守…", "X发现…不准确的,
    应当及时更正" (a ministry's rules, 漯河's and 上海's regulations write the doer first). None
    when the words before the comma open with no body."""
    end = None
    for m in _BODY_TAIL.finditer(work, s, comma):
        if _NOT_A_DOER.search(work, s, m.end()) or m.end() - s > 30:
            break  # "人民建议涉及两个以上国家机关…的,应当…": no body opens it
        if _MEMBERS_OF.match(work, m.end(), comma):
            continue  # "X、Y的领导成员和工作人员中,应当…": whose members, no doer
        names = law_names(work[s : m.end()], work[s : m.end()])
        if _lead_bodies(names, work[s : m.end()]):
            end = m.end()
    return end


# Whom a body answers to ("对人民负责", "对本级人民代表大会负责"): said of a body a law defines ("X是…机关"),
# no work of its own.
_ANSWERABLE = re.compile(r"对[^,。;]{1,16}负责")


def _predicate_is_duty(work: str, p: int, e: int, strict: bool) -> bool:
    """What follows the subject is a duty: it opens with a verb of duty, or its parts open with
    lead-ins ("在…的指导下,", "根据…职责,", "接到举报后,") up to one that opens with a verb of
    duty or holds one ("对…给予奖励"). Permissions (可以) are no duty."""
    parts = work[p:e].split(",")
    led = 0  # parts after a lead-in that hold no verb of duty: "根据…,综合评估确定等级,给予奖励"
    defines = parts[0].strip().startswith("是")
    for i, part in enumerate(parts):
        part = part.strip()
        if defines and i and _ANSWERABLE.fullmatch(part):
            continue  # "X是…机关,…,对人民负责": a body defined and whom it answers to, no work
        if i == 0 and _RULE_POWER.match(work, p, e):
            return True  # "X可以…制定…,…向社会公布": a power to make a rule for all is the body's work
        if part.startswith(("可", "应当接受", "接受")):
            return False  # a permission; "应当接受X的统一管理": a submission to X, no work
        if _DUTY_START.match(part):
            return True
        if (
            strict
            and _OWN_DUTIES.fullmatch(part)
            and i + 1 < len(parts)
            and _DUTY_START.match(parts[i + 1].strip())
        ):
            return True  # "…;公安等有关部门按照各自职责,做好…"
        own = _OWN_DUTIES.match(part) if strict else None
        if own is not None and _DUTY_START.match(part, own.end()):
            return True  # "…;公安、市场监管等有关部门按照各自职责做好…": their own duty, opened by its basis
        if _LEAD_IN.match(part) and not strict:
            course = _IN_THE_COURSE.match(part)  # "在开展经营活动过程中存在…": when, not what it is to do
            if _DUTY_IN.search(part, course.end() if course else 0):
                return True
            led = 1
            continue
        if (i == 0 and not part) or led == 1:
            led += led
            continue
        if led and part in _SHARED_DUTY:
            continue  # "按照职责分工，各负其责，密切配合，共同做好…": the set phrases of a shared duty
        return False
    return False


# The basis of a duty that bodies are charged with by field: "按照各自职责", "根据职责分工", "在各自职责范围内".
_OWN_DUTIES = re.compile(r"(?:按照|根据|依照|依据|在)(?:各自)?的?(?:职责|职能)(?:分工)?(?:范围内)?")


# The course of an act a lead-in names: "各单位在开展经营活动过程中存在严重不文明行为…的" (a condition of
# 湛江's 文明行为促进条例; the verbs inside it are no duty of the subject's).
_IN_THE_COURSE = re.compile(r"在[^,。;]{2,30}?(?:过程中|活动中|期间)")


# The set phrases laws put between the lead-in of bodies that share a duty and its verb: "…等部门，
# 按照职责分工，各负其责，密切配合，共同做好防震减灾工作" (重庆's 防震减灾条例, 2010), "县级以上地方人民政府
# 组织、领导所属有关部门，按照职责分工，各负其责，密切配合，共同做好…防沙治沙工作" (防沙治沙法, 第五条).
_SHARED_DUTY = frozenset(("各负其责", "各司其职", "密切配合", "相互配合", "协同配合", "分工协作", "通力合作"))


# A group's office placed in a unit and given its duties: "领导小组办公室设在市人民武装部,负责日常工作",
# "办公室设在市应急管理局,承担…" (the notices setting up groups read so too: the unit is the lead, as the
# tune gold of state_council_office_minors_group_2021 names 民政部).
_OFFICE_AT = re.compile(
    r"\s*[^,。;]{0,24}?(?:办公室|秘书处|办事机构)(?:设在|设于)(?P<at>[^,。;]{2,30}?),"
    r"(?:具体|主要)?(?:负责|承担)"
)


# A people's congress's own procedure: its meetings called, chaired, attended, its bills moved,
# deliberated and voted on ("代表大会会议由常务委员会召集", "议案由主任会议提请常务委员会会议审议",
# "常务委员会审议法规案时,应当邀请…列席会议"). The rules of a congress's proceedings lay no administrative
# task; a congress's supervision of the government ("…通过执法检查、听取和审议专项工作报告等方式,加强对…的
# 监督") is a task (the tune gold of 云浮's, 上海's and 临沂's regulations), and so is a government's
# duty to report to it (no word of procedure).
_CONGRESS_BODY = re.compile(r"常务委员会|常委会|人民代表大会|人大|主任会议|主席团|专门委员会")
_PROCEDURE = re.compile(
    r"召集|主持|列席|出席|表决|议案|法规案|质询案|提请[^,。;]{0,30}?(?:审议|讨论)|会议(?:审议|举行)|举行会议|审议(?:法规|议案|意见)"
)
# The bodies of government, courts and procuratorates: their duties toward a congress (to report to
# it, to send their heads to its meetings) are tasks.
_GOVERNING_BODY = re.compile(r"政府|法院|检察院|监察委员会|部门|机关|厅|局")


def _congress_procedure(work: str, cs: int, ce: int) -> bool:
    """The clause ``work[cs:ce]`` is a step of a people's congress's own proceedings."""
    return (
        _CONGRESS_BODY.search(work, cs, ce) is not None
        and _PROCEDURE.search(work, cs, ce) is not None
        and work.find("监督", cs, ce) < 0
    )


def _duty_roles(text: str, work: str, cs: int, ce: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The lead and co-units of a clause that lays a duty on bodies of the state, or None."""
    while cs < ce and work[cs] in " \n":
        cs += 1
    if (
        ce - cs < 6
        or _LIABILITY.search(work, cs, ce)
        or _PRINCIPLE.search(work, cs, ce)
        or _SCOPE.search(work, cs, ce)
    ):
        return None
    item = _NUMBERED.match(work, cs, ce)
    if item:
        cs = item.end()  # "(一)各区发展改革委应…": an item of an article, numbered
    office = _OFFICE_AT.match(work, cs, ce)
    if office:  # "领导小组办公室设在市人民武装部,负责日常工作": the unit that houses it does the work
        bs, be = office.span("at")
        housed = tuple(law_names(text[bs:be], work[bs:be]))
        if housed:
            return housed, ()
    gov_set_up = _GOV_SETS_UP.match(work, cs, ce)
    if gov_set_up:  # "市人民政府设立X(以下简称Y),代表市人民政府对…实行统一领导和管理": X
        bs, be = gov_set_up.span("body")
        return tuple(law_names(text[bs:be], work[bs:be])), ()
    if _ONLY_CONSENT.search(work, cs, ce):
        return None  # "X在开发区设立分支机构,必须经Y同意,并报Z批准": a condition, no duty
    set_up = _SETS_UP.match(work, cs, ce)
    if set_up:
        cs = set_up.end()  # "本市建立市、区两级X,负责…": the X
    elif _PLACE_DOES.match(work, cs, ce):
        return (), ()
    place = _PLACE.match(work, cs, ce)
    if place and (
        _predicate_is_duty(work, place.end(), ce, strict=False)
        or re.match(r"对[^,。;]{2,40}实行", work[place.end() : ce])  # "本市对…实行分级管理"
    ):
        return (), ()  # "本市应当加强…交流合作": the place itself, no body named
    zone = _ZONE.match(work, cs, ce)
    if zone and _predicate_is_duty(work, zone.end(), ce, strict=False):
        return (), ()  # "开发区应当建设完善的基础设施": the zone itself, no body named
    found = None
    start = cs
    part, comma = cs, work.find(",", cs, ce)
    conditioned = False
    public = _PRIVATE.search(work, cs, min(ce, cs + 12)) is not None  # "公民…可以…,行政执法部门应当…"
    while found is None and comma > 0 and comma - cs < 120:
        if (
            (conditioned and not public)
            or _CONDITION_END.search(work, part, comma)
            or (part == cs and _CONDITION_START.match(work, cs, comma))
            or (part == cs and _PURPOSE_START.match(work, cs, comma))
        ):
            # "X组织检查时,Y应当协同…", "…的,由X牵头…"; after a condition the body may come after
            # more of it: "(一)载体新建的,配套设施纳入主体工程,办理施工许可,Z机构应当…"
            found = _subject(work, comma + 1, ce, strict=conditioned)
            start = comma + 1
            conditioned = True
        part, comma = comma + 1, work.find(",", comma + 1, ce)
    if found is None:
        found = _subject(work, cs, ce)
        start = cs
    if found is None and not conditioned and item is None:
        found = _acting_body(work, cs, ce)  # "县人民政府加强对…的保护": no modal, the body's act
        start = cs
    if found is None:
        topic = _topic_end(work, cs, ce)
        if topic is not None and not work.startswith("由", topic):  # "…办法,由X会同Y制定": _BY
            # "西海岸新区符合条件的重大项目,省和青岛市人民政府应当将其优先纳入…": the body after the topic
            found = _subject(work, topic, ce, strict=True)
            start = topic
    by = None
    if found is None:
        by = _BY.search(work, cs, ce) or _DOER.search(work, cs, ce) or _DOER_BODY.search(work, cs, ce)
        if by is None:
            acts = _DOER_ACTS.search(work, cs, ce)
            if (
                acts is not None
                and _ACT_NOT_MAIN.search(acts.group("act")) is None
                and _ANY_MODAL.search(work, cs, acts.start()) is None
                and _PENALTY.search(work, acts.start(), ce) is None
                and "违反" not in work[cs : acts.start()]
            ):
                by = acts  # "…项目由市文化主管部门予以公示": the body after 由 does it
        if by is None or "解释" in work[by.end() : ce] or "可以" in work[cs : by.start()]:
            by = None  # "单位和个人可以向X申请…,由Y核发…": a procedure the applicant starts
            # "经认定登记的古树名木,主管部门应当…", "公民…可以…举报,有关部门应当…"
            later = (
                None if public else later_subject(work, cs, ce, lambda c, at: _later_body(work, ce, c, at))
            )
            if later is None:
                return None
            start, found = later
    if found is None and by is not None:
        ws, we = by.span("who")
        alias = _ALIAS.search(work, ws, we)
        if alias is not None:
            we = alias.start()  # "由X(以下称Y)负责": the body is X
        if work.startswith("所在地的", ws):
            ws += 4  # "由所在地的街道办事处负责": the body of the place
        entrusts = work.find("委托", ws, we)
        if (
            entrusts > ws
            and work[entrusts - 1] not in "受其或者"
            and _lead_bodies(law_names(text[ws:entrusts], work[ws:entrusts]), work[ws:entrusts])
        ):
            # "由X委托有资质的机构开展…": X answers for the work it entrusts; the delegate is no unit
            # (not "由X或者其委托的Y负责", "由X或委托Y进行": a delegate beside X, read as before; nor
            # when X is no body of the state: "由建设单位委托…机构检测")
            we = entrusts
        to = work.find("向", ws, we)
        if to > ws and not work.startswith("向阳", to):
            # "由X向Y报送/报告…": Y is whom X reports to, no part of the doer's name (_DOER_BODY reads
            # up to the verb)
            we = to
        helpers: tuple[str, ...] = ()
        helping = work.find("配合", ws, we)
        if helping > ws:  # "由X配合Y依法组织实施": Y leads, X helps (山东省经济开发区条例)
            helpers = tuple(law_names(text[ws:helping], work[ws:helping]))
            ws = helping + 2
            while we > ws and work.endswith(("依法", "共同", "具体"), ws, we):
                we -= 2
        joint = work.find("会同", ws, we)
        if joint > ws:  # "由市教育部门会同相关部门另行制定": the bodies it works with are co-units
            lead_in = re.search(
                r"向|对|(?<!所)在|按照|依法", work[joint + 2 : we]
            )  # "会同有关部门向X提出…" (所在地: a place)
            wend = joint + 2 + lead_in.start() if lead_in else we
            helpers += tuple(
                n
                for n in law_names(text[joint + 2 : wend], work[joint + 2 : wend])
                if _is_body(working_text(n))
            )
            we = joint
        if "with" in by.re.groupindex and by.group("with"):
            # "由X会同Y组织实施": Y works with X (舟山's 文明行为促进条例, 山东省经济开发区条例)
            hs, he = by.span("with")
            helpers += tuple(n for n in law_names(text[hs:he], work[hs:he]) if _is_body(working_text(n)))
        names = law_names(text[ws:we], work[ws:we])
        if not _lead_bodies([working_text(n) for n in names], work[ws:we]):
            return None
        return tuple(names), helpers
    assert found is not None
    subject_end, pred = found
    if work.startswith("由", start):
        start += 1  # "由X牵头开展…": X
    else:
        doer_at = work.rfind("由", start, subject_end)
        if "解释" not in work[pred:ce] and (
            _TOPIC_BY.fullmatch(work, start, max(start, doer_at))
            or _topic_before_doer(work, start, doer_at, subject_end)
        ):
            # "畲族语言、畲歌的老师由市、县(区)文化主管部门会同…聘任" (潮州's 畲族文化保护条例), "烈性犬只的
            # 目录由市公安部门会同…" (上海市养犬管理条例), "涉及城乡空间安排的各类专项规划由…会同…组织编制"
            # (上海市城乡规划条例): the topic put before 由, then the body that does it
            start = doer_at + 1
    while start < subject_end and work[start] in " \n":
        start += 1
    alias = _ALIAS.search(work, start, subject_end)
    names_end = alias.start() if alias is not None else subject_end  # "X(以下称Y)是…": X
    lead = _names_past_commas(text, work, start, names_end)
    helps = (
        _HELPS_BODY.match(work, subject_end, ce)
        or _HELPS_BODY.match(work, pred, ce)  # "X,协助Y做好…"
        or _HELPS_NAMED.match(work, pred, ce)
    )
    basis = _HELP_BASIS.match(work, pred, ce) if helps is None else None
    if basis is not None:
        # "X应当按照各自的职责,配合Y做好…", "X应当根据…需要,协助Y,为企业…提供…": the basis, then the help
        helps = _HELPS_BODY.match(work, basis.end(), ce) or _HELPS_FOR.match(work, basis.end(), ce)
    if helps is not None:
        hs, he = helps.span("helped")
        if helps.re is _HELPS_NAMED:
            he = _owned_body_end(work, he, ce)
        helped = tuple(n for n in law_names(text[hs:he], work[hs:he]) if _is_body(working_text(n)))
        if helped:
            return helped, lead  # "X配合Y开展…": Y leads, X helps
    co: tuple[str, ...] = ()
    with_ = _WITH.search(work, pred, ce) or _HELPED.search(work, pred, ce) or _CONVENED.search(work, pred, ce)
    if with_ is not None:
        ws, we = with_.span("co")
        ends = _WITH_END.search(work, ws, we)
        if ends is not None:
            we = ends.end()  # "会同生态环境、规划等部门以农用地为重点开展…": the bodies end at 部门
        names = law_names(text[ws:we], work[ws:we])
        co = tuple(n for n in names if _is_body(working_text(n)) and n not in lead)
    return lead, co


# A body under the one a name has reached, named after it: "统计机构" after "同级人民政府", "教育行政部门" after
# "县人民政府" (a government's or a committee's department, office or institution).
_OWNED_BODY = re.compile(r"[^,。;:的、和及与]{1,8}?(?:部门|机构|办公室|办公厅)")
# The work a body helped does, which no name of a body under it holds ("配合县人民政府查处违法机构").
_HELPED_WORK = re.compile(
    r"查处|处理|处置|检查|调查|核查|审查|开展|做好|推进|实施|落实|进行|组织|完成|建立|制定|编制"
)


def _owned_body_end(work: str, end: int, ce: int) -> int:
    """The end of the name _HELPS_NAMED read to ``end`` (its first body's ending), carried on over a body
    under it ("协助同级人民政府统计机构加强…": 同级人民政府统计机构) when the words between are no verb."""
    if not work.endswith(("政府", "委员会", "局"), 0, end):
        return end
    owned = _OWNED_BODY.match(work, end, ce)
    if owned is None or _NOT_IN_NAME.search(owned.group()) or _HELPED_WORK.search(owned.group()):
        return end
    return owned.end()


# The basis a body's help is given on, before the help: "应当按照各自的职责,配合…", "应当根据…需要,协助…".
_HELP_BASIS = re.compile(HELP_DUTY + r"?(?:按照|根据|依照|依据)[^,。;:]{1,24},")
# Help given to a body for a purpose: "协助政府相关部门,为企业经营提供便利服务".
_HELPS_FOR = re.compile(r"(?:协助|配合)(?P<helped>[^,。;:]{2,30}?),为")


def _later_body(work: str, ce: int, comma: int, at: int) -> tuple[int, int] | None:
    """``_subject``'s answer at a later clause's opening (``later_subject``'s reading for an article:
    bodies of the state and a verb of duty, 应当, 须, 负责). A clause that opens with 由 is _BY's and
    _DOER's to read ("…,由X负责解释"), one that only helps is no duty ("…,Y应当依法予以配合。")."""
    if work.startswith("由", at) or _HELPS_ONLY.match(work, comma, ce):
        return None
    found = _subject(work, at, ce, strict=True)
    return found if found is not None and DUTY_VERB.match(work, found[1], ce) else None


def _topic_before_doer(work: str, start: int, doer_at: int, subject_end: int) -> bool:
    """The words before 由 name no body and those after it do: "全市水资源调查评价由市、区水行政主管部门
    会同…统一进行" (a topic with no 的, of any noun)."""
    if doer_at - start < 2 or work[doer_at - 1] == "自":
        return False  # "自由贸易试验区…": no 由 of a doer
    before, after = work[start:doer_at], work[doer_at + 1 : subject_end]
    return not _lead_bodies(law_names(before, before), before) and _lead_bodies(
        law_names(after, after), after
    )


# Where the bodies worked with end when a manner or a joint verb follows them: "会同X、Y等部门以…为重点
# 开展…", "会同其他有关部门协同推进…", "会同X部门联合开展…" (cities' regulations).
# A list closed by 等部门 ends there whatever verb follows ("会同X、Y等部门依托…建立…": 依托 is no verb of
# the lookahead of _WITH).
_WITH_END = re.compile(
    r"(?:部门|机关|机构)(?=以|协同|联合)|等(?:有关|相关|其他)?部门(?=[^,。;:、和及与或]{2})"
)


def _names_past_commas(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """``law_names`` of a subject, of each of its lists when commas part them."""
    out: list[str] = []
    for m in re.finditer(r"[^,]+", work[s:e]):
        a, b = s + m.start(), s + m.end()
        out.extend(law_names(text[a:b], work[a:b]))
    return tuple(dict.fromkeys(out))


# A request to the addressees of a letter, with whom it names: "请你单位", "请你厅(局)", "请各地",
# "请各省、自治区…主管部门(以下统称各地)", "各地要…", "各单位在…中要…".
# must not match: "根据你单位确认上报的…" (no request), "请与…联系"
_REQUEST = re.compile(
    r"请(?:你们?|贵)(?:单位|厅|局|委|部门|省|市|区|县|办|院)?(?:\([^)]{1,6}\))?"
    r"|请各(?:地区?|单位|部门|有关单位)?(?:[^,。;:]{0,80}?\(以下(?:统|简)称[^)]{1,10}\))?"
    r"|(?<![\u4e00-\u9fff])各(?:地区?|单位|部门)(?=[^,。;]{0,30}(?:要|应当|务必|须))"
    r"|请(?!与|示|求|予|您|参加)(?=按照|认真|抓紧|尽快|及时|结合|于|做好|组织|加强|统筹)"
)
# A reply names whom it answers in its first sentence: "X申报…的相关材料收悉", "X报来的…收悉".
# must not match: "你厅《关于…的请示》收悉" (no name: the salutation names the addressee)
_APPLICANT = re.compile(r"(?P<who>[^,。;:\n]{2,30}?)(?:报来|报送|申报|上报|呈报|提交)[^。\n]{0,120}?收悉")
# How a letter names its issuer instead of naming it: "我部将适时组织抽查".
_ISSUER = frozenset(("我部", "我厅", "我局", "我委", "我办", "我司", "我省", "我市", "我区"))
# The salutation of a letter: the addressees, ending with a colon, on a line of their own.
_SALUTATION = re.compile(r"[^。;:!?]{2,160}:")


def letter_tasks(text: str, work: str, lines: list[tuple[int, int, int]], year: int | None) -> list[Task]:
    """The tasks of a letter or notice to lower bodies: each paragraph after its salutation that
    hands the addressees work (``_REQUEST``) is a task from the request on, and the addressees
    named in the salutation answer for it (a ministry's letters: 水利部办公厅's and 工业和信息化部
    办公厅's to the provinces' departments; 交通运输部's reply to a province's department)."""
    addressees: tuple[str, ...] = ()
    first = 0
    for i, (s, e, _) in enumerate(lines[:60]):
        if _SALUTATION.fullmatch(work, s, e):
            addressees = _addressees(text, work, s, e - 1)
            if addressees:
                first = i + 1
                break
    if not addressees:
        for s, e, _ in lines[:60]:
            m = _APPLICANT.match(work, s, e)
            if m and _addressees(text, work, s, m.end("who")):
                addressees, first = _addressees(text, work, s, m.end("who")), 0
                break
    if not addressees:
        return []
    tasks: list[Task] = []
    for s, e, _ in lines[first:]:
        if work[e - 1] == ":" or e - s < 8:
            continue
        m = _REQUEST.search(work, s, e)
        if m is None:
            continue
        ts = m.end() if m.group().startswith("请") else m.start()
        if m.group() == "请":  # "请按照…要求,统筹推进…": the work follows the basis
            basis = re.match(r"(?:按照|根据|结合)[^,。;]{0,120}(?:要求|规定|精神|部署),", work[ts:e])
            ts += basis.end() if basis else 0
        while ts < e and work[ts] in " ,":
            ts += 1
        te = e
        if te - ts < 6:
            continue
        # a request that names whom it asks by kind ("请各乡镇、各有关单位务必…") gives the task its
        # lead in its own words, which outrank the salutation (role_fallback.requested_units)
        asked = requested_units(text, work, m.start(), e) if m.group().startswith("请") else ()
        if asked:
            ts = m.start()
        tasks.append(
            Task(
                ref=None,
                measure=None,
                text=text[ts:te],
                lead_units=asked or addressees,
                co_units=(),
                deadline=find_deadline(work[ts:te], text[ts:te], year),
                span=Span(ts, te),
            )
        )
    return tasks


def _addressees(text: str, work: str, s: int, e: int) -> tuple[str, ...]:
    """The addressees of a salutation, one to each part between commas (a part may name a
    collective with 、: "各省、自治区、直辖市水利(水务)厅(局)"), when every part names bodies."""
    out: list[str] = []
    pos = s
    for part in work[s:e].split(","):
        w = part.strip()
        name = w
        while name.endswith(")") and "(" in name:
            name = name[: name.rindex("(")]
        if not name or _PRIVATE.search(name) or not (looks_like_unit(name) or name.endswith(_BODY_END)):
            return ()
        lead = len(part) - len(part.lstrip())
        out.append(text[pos + lead : pos + lead + len(w)])
        pos += len(part) + 1
    return tuple(out)


# What a notice's outline reads as tasks that hand no work to anyone.
# A line that is only a date ("二○○七年三月二十日", "2024年2月1日"), an address, or a label ending with a
# colon ("相关报道:"): the signature and page furniture of notices as web pages give them.
_DATE_ONLY = re.compile(
    r"[〇○零一二三四五六七八九十\d]{2,4}年[〇○零一二三四五六七八九十\d]{1,3}月[〇○零一二三四五六七八九十\d]{1,3}日"
)
_ADDRESS_ONLY = re.compile(r"(?:https?://|www\.)\S+")
# The issuing body speaking of its own part ("我厅将会同省直有关厅局从中遴选…", "我委将常态化开展…"):
# what it will do itself is no task it hands over (a province's department and a city's commission
# write so in their notices to lower bodies). 我省/我市/我区 are places, read elsewhere.
_ISSUER_BODY = frozenset(("我部", "我厅", "我局", "我委", "我办", "我司"))
# The significance of the work, said before what is asked: "推进农业绿色发展,是贯彻新发展理念…的必然要求,
# 是…的重大举措" (the requirements of notices of every level open so), no work in it.
# must not match: "区政府是推进城市体检工作的责任主体,由…牵头…" (whose work it is)
_SIGNIFICANCE = re.compile(
    r"[^。;]{2,40}?,?是[^。;]{2,80}?的(?:必然|内在|客观|根本|迫切)?(?:重要|重大|有效|关键)?"
    r"(?:要求|举措|途径|抓手|保障|基础|前提|任务|需要)(?:,|。|$)"
)
_ASKS = re.compile(r"(?<![重主需必])要(?![求素点])|应当|应(?!急)|必须|须|务必|请")
# A notice that sets up a group: "经国务院同意,成立国务院中医药工作部际协调小组(以下简称协调小组)"
# (国务院办公厅's notices), "决定成立…工作领导小组" (notices of ministries and local governments).
_FOUNDS = re.compile(
    r"成立(?P<group>[^,。;:()]{2,40}?(?:领导小组|协调小组|工作小组|专家组|工作组|专家委员会|委员会|联席会议|工作专班))"
    r"(?:\(以下(?:简|统)?称[^()]{1,12}\))?"
)
# What may follow the act that founds the group in the notice's preamble: nothing but the formula
# that opens its items ("。现将有关事项通知如下:"); a plan's "成立X,统筹推进…" goes on with work.
_FOUNDING_END = re.compile(r"\s*(?:。\s*现将[^。]{0,12}如下[:。]?)?\s*")
# The parts of such a notice that are no task: its members ("组长:…", "成员:…") and the rule for
# replacing them ("协调小组成员需要调整的,由成员单位…提出,报…审批").
_MEMBERS = re.compile(r"(?:组\s*长|副组长|成\s*员|召集人|副召集人)\s*:")
_REPLACING = re.compile(r"[^。]{0,16}(?:成员|组成人员)[^。]{0,16}(?:需要|需)(?:调整|增减|变动)的")
# The heading over the group's duties, written with no subject under it: "一、主要职责".
# "一、主要职责", "(一)专家组职责", "二、工作任务"; not "成员单位职责" (the members' own duties).
_DUTIES_HEAD = re.compile(r"(?![^,。;]*(?:成员|单位|部门))[^,。;]{0,10}?(?:职责(?:任务)?|主要任务|工作任务)")
# The verbs a group's duties open with under that heading ("负责…", "研究…", "统筹…"): not units.DUTY_VERB, the
# modal verbs that lay a duty on a body a clause names.
_GROUP_DUTY_VERB = re.compile(r"负责|研究|统筹|协调|组织|指导|督促|推动|审议")
# The group's office placed in a unit with its duties, written with the unit after 在: "协调小组在中医药局
# 设办公室,主要负责协调小组的日常工作" (国务院办公厅's notices; the outline reads "办公室设在X,承担…").
_OFFICE_IN = re.compile(
    r"[^,。;:]{0,30}?(?:在(?P<unit>[^,。;:]{2,30}?)设(?:立)?(?:办公室|秘书处)|(?:秘书处|秘书组)(?:设在|设于)(?P<at>[^,。;:]{2,30}?)),"
    r"(?=(?:主要|具体)?(?:负责|承担))"
)


def _sentence_then_name(w: str, work: str) -> bool:
    """A short item that is a sentence and then a name ("新建公办幼儿园10所。市教育局"): an item of a
    division of work with its units on the line below it (a table flattened to lines, as 大竹县's
    2016 民生实事 division and 苍南县's 2022 progress table put each unit cell under its item), not a
    signature or a label, which hold no full stop but at their end. A name the document's first
    line holds is its issuer signing below the last item, no unit of it.
    False for "某市人民政府办公室", "市教育局。", and "落实责任。北湖区教育局" in 北湖区教育局's notice."""
    stop = w.rfind("。", 0, len(w) - 1)
    if stop < 0:
        return False
    first = work.find("\n", 0, 200)
    return w[stop + 1 :].strip() not in work[: first if first > 0 else 200]


def notice_tasks(work: str, found: list[Task]) -> list[Task]:
    """``found`` without what a notice's outline reads as tasks that hand over no work: its
    signature, date and address lines, a label, the preamble ending "通知如下:", the issuing body's
    own part (``_ISSUER_BODY``), a statement of the work's significance with nothing asked; in a
    notice that sets up a group (``_FOUNDS``), its members and the rule for replacing them, and the
    group answers for its duties written under their heading with no subject, the unit its office
    is placed in for the office's."""
    founded = _FOUNDS.search(work, 0, 2000)
    out: list[Task] = []
    for t in found:
        if t.lead_units and (founded is None or set(t.lead_units) <= _ISSUER_BODY):
            if not set(t.lead_units) <= _ISSUER_BODY:
                out.append(t)  # the common case, read without normalising its text again
            continue
        w = working_text(t.text).strip()
        act = _FOUNDS.search(w) if founded is not None else None
        if act is not None and act.start() > 0 and _FOUNDING_END.fullmatch(w, act.end()):
            continue  # "为…,经国务院同意,成立X(以下简称Y)。现将有关事项通知如下:": the act that founds it
        if t.lead_units:
            if set(t.lead_units) <= _ISSUER_BODY:
                continue
            out.append(t)
            continue
        if (
            _DATE_ONLY.fullmatch(w)
            or _ADDRESS_ONLY.fullmatch(w)
            or (
                len(w) <= 20
                and (w.endswith(":") or (looks_like_unit(w) and not _sentence_then_name(w, work)))
            )
            or w.endswith("如下:")
            or (_SIGNIFICANCE.match(w) and not _ASKS.search(w))
        ):
            continue
        if founded is not None:
            if _MEMBERS.search(w) or _REPLACING.match(w):
                continue  # its members and the rule for replacing them
            office = _OFFICE_IN.match(w)
            if office is not None:
                pad = len(t.text) - len(t.text.lstrip())  # w is stripped, the text may not be
                g = (
                    "unit" if office.group("unit") else "at"
                )  # "秘书处设在X,负责…" (教育部's and other notices)
                unit = t.text[pad + office.start(g) : pad + office.end(g)]
                out.append(replace(t, lead_units=(unit,)))
                continue
            if t.measure and _DUTIES_HEAD.fullmatch(working_text(t.measure)) and _GROUP_DUTY_VERB.match(w):
                group = founded.group("group")
                out.append(replace(t, lead_units=(group,)))
                continue
        out.append(t)
    return out
