"""Names the engine finds without a declaration: a word ending in a company word (腾讯控股, 皇家加勒比集团).

Shared by who a value is about (kinds/roles_reading.py: a name other than a known mention) and by the
qualifier words of a sentence (kinds/sentence.py: no word is read across a name's end)."""

from __future__ import annotations

import re

# a name ending in a company word: 腾讯控股, 光线传媒, 某某有限公司 (not 该集团, 母公司的, 证券市场)
COMPANY_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}(?:有限公司|集团|集團|控股|股份|银行|銀行|证券|證券|国际|國際"
                          r"|传媒|傳媒|影业|影業|Inc\.?|Corp\.?|Ltd\.?|Group)"
                          # 证券市场, 银行业, 控股股东, 传媒股, 银行体系, 银行间, 银行同业: a sector, not a name
                          r"(?![市行板股业業东東权權类類间間]|体系|體系|系统|系統|同业|同業)")
# 母公司, 该集团, 上市公司; and shares of a market, not a company: A股股份, H股股份, 港股银行
# 发行股份, 购买股份, 配售股份: shares an action is done with, not a company's name
_NOT_A_NAME_BEFORE_SUFFIX = re.compile(r"(?:[母子该該其本此家下市属屬营營的][\u4e00-\u9fff]?|上市|旗下|这家|這家|该|該|其|本|股"
                                      # a superlative (沽空金額最多股份為, 歐洲最大銀行, 最高银行监管官员): a rank, no name
                                      r"|最[\u4e00-\u9fff]"
                                      r"|发行|發行|增发|增發|认购|認購|持有|转让|轉讓|购买|購買|收购|收購|出售"
                                      r"|配售|配发|配發|回购|回購|减持|減持|增持|质押|質押|发售|發售"
                                      # a verb before a common noun (为保持银行体系流动性, 反映银行资金成本,
                                      # 贴近集团预测水平): the company word is a noun the verb governs, no name's end
                                      r"|保持|反映|贴近|貼近|接近|维持|維持|支持|推动|推動|要求|鼓励|鼓勵|引导|引導"
                                      r"|包括|成为|成為|负责|負責|通过|通過|提高|加强|加強|影响|影響|促进|促進"
                                      r"|满足|滿足|针对|針對|帮助|幫助|服务|服務|面向|符合|低于|低於|高于|高於|超过|超過)$")


def company_names(text: str) -> list[tuple[int, int]]:
    """Where a company-suffixed name stands in `text` (勒比集团 of 皇家加勒比集团: its start is a guess, its end is not),
    leaving out a company word after a word that makes it a common noun (母公司, 该集团, 发行股份)."""
    return [(found.start(), found.end()) for found in COMPANY_NAME.finditer(text)
            if not _NOT_A_NAME_BEFORE_SUFFIX.search(text, max(0, found.start() - 2), found.start() + 2)]
