/**
 * National civil-affairs figures for the base year 2020 (and the few earlier years the presets
 * with a 2015 base need): elder-care beds and residents, dibao, tekun, temporary assistance,
 * certified social workers, the high-age allowance. Each figure is copied exactly from the
 * source named beside it; the full references (document, outlet, URL, trust) are in
 * `models/data/SOURCES.md`, section "National civil-affairs figures, 2020". Nothing is
 * estimated here: derived values (rates, ratios) are computed where they are used and say so.
 */

/** 2020 national figures (year-end unless the comment says otherwise). */
export const NATIONAL_2020 = {
  /** 养老床位合计 821.0万张 (2020年度国家老龄事业发展公报, via 央视网 2021-10-15). */
  bedsTotal: 8_210_000,
  /** 每千名老年人拥有养老床位 31.1张 (same bulletin). */
  bedsPer1000Elderly: 31.1,
  /** 各类机构和社区老年床位 823.8万张: the minister at the SCIO press conference of 2021-02-23 (also the 2021-02-05 inter-ministerial meeting). */
  bedsTotalMinister: 8_238_000,
  /** Elderly living in elder-care institutions, "nearly 2.15 million" (MCA, 李邦华, Xinhua 2020-07-29: a mid-2020 count). */
  institutionResidents: 2_150_000,
  /** Beds of those institutions, "more than 4.29 million" (same report). */
  institutionBeds: 4_290_000,
  /** 城市低保平均保障标准 677.6 元/人·月 (2020年民政事业发展统计公报, via a copy on renrendoc). */
  dibaoStdUrban: 677.6,
  /** 农村低保平均保障标准 5,962.3 元/人·年 (same). */
  dibaoStdRuralYear: 5962.3,
  /** 665 元/人·月 urban, reported by Xinhua on 2020-12-28 before the year-end count (kept as the second source). */
  dibaoStdUrbanXinhua: 665,
  /** 5,842 元/人·年 rural, same Xinhua report. */
  dibaoStdRuralYearXinhua: 5842,
  /** 城市低保对象 805.1万人, 488.9万户 (bulletin). */
  dibaoUrbanPersons: 8_051_000,
  dibaoUrbanHouseholds: 4_889_000,
  /** 农村低保对象 3,620.8万人, 1,985.0万户 (bulletin). */
  dibaoRuralPersons: 36_208_000,
  dibaoRuralHouseholds: 19_850_000,
  /** 全年支出城市低保资金 537.3亿元; 农村 1,426.3亿元 (bulletin). */
  dibaoUrbanSpending: 53.73e9,
  dibaoRuralSpending: 142.63e9,
  /** 农村特困人员 446.3万人, 城市特困人员 31.2万人 (bulletin). */
  tekunRural: 4_463_000,
  tekunUrban: 312_000,
  /** 农村特困人员救助供养资金 424.0亿元; 城市 44.6亿元 (bulletin). */
  tekunRuralSpending: 42.40e9,
  tekunUrbanSpending: 4.46e9,
  /** 全年共实施临时救助 1,380.6万人次 (bulletin; the minister: "about 13.8 million", 2021-09-17). */
  tempAssistCases: 13_806_000,
  /** 持证社会工作者 66.9万 at end-2020, 13.8万 newly certified in 2020 (series reported by 环球网校, 2023-05-07). */
  socialWorkersCertified: 669_000,
  /** 享受高龄补贴的老年人 3,104.4万人 (2020年度国家老龄事业发展公报, via 央视网). */
  highAgeAllowanceRecipients: 31_044_000,
} as const;

/** Certified social workers by year-end and newly certified each year, 2016–2020 (环球网校 series; 2019 also 社会组织蓝皮书 2020). */
export const CERTIFIED_SOCIAL_WORKERS = {
  stock: { 2016: 288_000, 2017: 327_000, 2018: 439_000, 2019: 531_000, 2020: 669_000 },
  newlyCertified: { 2016: 82_000, 2017: 38_000, 2018: 112_000, 2019: 92_000, 2020: 138_000 },
} as const;

/** July 2019 (央视网 via china.com.cn, 2019-07-31): 33.2万 助理社会工作师 + 10.7万 社会工作师 certified; 社会工作者总量 120万. */
export const SOCIAL_WORKERS_2019_07 = { certified: 439_000, professionals: 1_200_000 } as const;

/** 《民政事业发展第十三个五年规划》(2016): 社会工作专业人才占全国总人口的比例达到 1‰ 以上 by 2020. */
export const SW_PROFESSIONALS_PERMILLE_13TH_FYP = 1;

/** 2015 national figures for the presets with a 2015 base. */
export const NATIONAL_2015 = {
  /** 全国城市低保平均标准 451.1 元/人·月 (2015年社会服务发展统计公报; data/national-targets.csv). */
  dibaoStdUrban: 451.1,
  /** 全国农村低保平均标准 3,177.6 元/人·年 (same). */
  dibaoStdRuralYear: 3177.6,
  /** 城镇居民人均可支配收入 31,195 元; 农村 11,422 元 (NBS, 2016-01-19, via 中国经济网). */
  incomeUrban: 31_195,
  incomeRural: 11_422,
  /** 各类养老床位 672.7万张 (2015年社会服务发展统计公报, via 健康报网 2016-07-14). */
  bedsTotal: 6_727_000,
} as const;

/** Temporary assistance in 2017, the latest year whose bulletin gives the average amount (人民日报 2018-08-14). */
export const TEMP_ASSIST_2017 = { cases: 9_703_000, spending: 10.77e9, averagePerCase: 1109.9, dibaoStdUrban: 540.6 } as const;
