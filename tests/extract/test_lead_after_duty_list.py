"""An item's 责任单位 list written before its 牵头单位: the lead is the one named so, the other units of
the list its co-units (SCHEMA: when a lead unit is named, the other listed units are co-units), in
whichever form the two labels stand: two brackets, two sentences, two lines.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

TEXT = """某区2031年重点工作任务分解

1.推进老旧小区改造。完成老旧小区改造20个。责任单位：区住建局、区财政局、各街道。牵头单位：区住建局。
2.加强养老服务。新建社区养老服务站5个。（责任单位：区民政局、区卫健委）（牵头单位：区民政局）
3.新建停车泊位500个。
责任单位：区交通委、区公安分局
牵头单位：区公安分局
4.提升绿化水平。新增绿地10公顷。（牵头单位：区绿化市容局）（责任单位：区绿化市容局、各街道）
"""


def test_the_lead_named_after_the_list_leads_it() -> None:
    got = [(t.lead_units, t.co_units) for t in extract_text(TEXT).tasks]
    assert got == [
        (("区住建局",), ("区财政局", "各街道")),
        (("区民政局",), ("区卫健委",)),
        (("区公安分局",), ("区交通委",)),
        (("区绿化市容局",), ("各街道",)),
    ]
