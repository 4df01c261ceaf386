// Enterprise facts for the trade domain; see README.md beside this file.
// Terms follow the Chongqing foreign-trade policies (渝府办发〔2023〕92号、91号, 〔2022〕107号、35号,
// 渝府发〔2024〕10号, 渝口岸物流发〔2024〕5号, 渝开放高地办发〔2024〕1号).
import { z } from 'zod';
import { fact, type FactDeclaration, type FieldLabel, notNegative, numeric } from '../fields.ts';

/** 出口企业分类管理类别 (一类 … 四类), as the tax authority rates exporters for export refunds. */
export const exportEnterpriseCategories = ['1', '2', '3', '4'] as const;

/** Inland freight segments of imported goods that Chongqing lists for deduction from the customs value. */
export const importInlandFreightKinds = [
  'western-corridor-rail-sea', // 西部陆海新通道铁海联运境内段运费
  'china-europe-return', // 中欧班列回程境内段运费
  'inland-waterway', // 内河运输及其相关费用
  'other',
] as const;

const exportEnterpriseCategoryWords = {
  '1': { zh: '一类', en: 'category 1' },
  '2': { zh: '二类', en: 'category 2' },
  '3': { zh: '三类', en: 'category 3' },
  '4': { zh: '四类', en: 'category 4' },
} satisfies Record<(typeof exportEnterpriseCategories)[number], FieldLabel>;

const importInlandFreightWords = {
  'western-corridor-rail-sea': { zh: '西部陆海新通道铁海联运境内段', en: 'western corridor rail-sea' },
  'china-europe-return': { zh: '中欧班列回程境内段', en: 'China-Europe return train' },
  'inland-waterway': { zh: '内河运输', en: 'inland waterway' },
  other: { zh: '其他', en: 'other' },
} satisfies Record<(typeof importInlandFreightKinds)[number], FieldLabel>;

export const tradeFactDeclarations = {
  // --- general foreign-trade status -------------------------------------------------------------
  foreignTradeEnterprise: fact.boolean({ zh: '外贸企业（从事进出口业务的对外贸易经营者）', en: 'foreign-trade enterprise (an importer or exporter)' }),
  specializedLittleGiant: fact.boolean({
    zh: '纳入工业和信息化部专精特新"小巨人"清单',
    en: 'on the MIIT list of specialised and sophisticated "little giant" enterprises',
  }),
  exportEnterpriseCategory: fact.enum(exportEnterpriseCategories, {
    zh: '出口企业分类管理类别（1 一类 / 2 二类 / 3 三类 / 4 四类）',
    en: 'export-refund enterprise category rated by the tax authority (1 to 4)',
    valueWords: exportEnterpriseCategoryWords,
  }),
  highCreditLevelTaxpayer: fact.boolean({
    zh: '出口退税高信用级别企业（税务机关认定）',
    en: 'rated a high-credit enterprise for export refunds by the tax authority',
  }),
  tradesFreshPerishableAgriFood: fact.boolean({ zh: '进出口鲜活易腐农食产品', en: 'imports or exports fresh, perishable agricultural or food products' }),
  tradesTimeSensitiveGoods: fact.boolean({
    zh: '进出口快件、易腐货物等高时效性商品',
    en: 'imports or exports time-sensitive goods such as express consignments or perishables',
  }),
  inPilotFreeTradeZone: fact.boolean({ zh: '自由贸易试验区内企业', en: 'located in a pilot free trade zone' }),
  foreignTradeComprehensiveServiceEnterprise: fact.boolean({ zh: '外贸综合服务企业（综服企业）', en: 'foreign-trade comprehensive service enterprise' }),
  fulfilledReasonableReviewDuty: fact.boolean({ zh: '综服企业严格履行合理审查义务', en: 'the service enterprise strictly fulfilled its duty of reasonable review' }),
  intentOrGrossNegligence: fact.boolean({ zh: '有故意或重大过失', en: 'acted intentionally or with gross negligence' }),
  agencyRefundFiledAwaitingFirstCheck: fact.boolean({
    zh: '已经办理代办退税备案但尚未进行过首次申报退（免）税实地核查的生产企业',
    en: 'a manufacturer filed for agency export refunds whose first on-site refund check has not yet taken place',
  }),
  individualTradeOperatorInCbec: fact.boolean({
    zh: '从事跨境电商的个人对外贸易经营者或个体工商户',
    en: 'an individual foreign-trade operator or individual business engaged in cross-border e-commerce',
  }),
  inCqKeyServiceDirectory: fact.boolean({ zh: '纳入海关和税务部门重点服务名录库', en: 'in the customs and tax key-service directory' }),
  exportsFoodCosmeticsHazardousOrBiological: fact.boolean({
    zh: '出口食品、化妆品、危险化学品、危险货物包装、生物材料',
    en: 'exports food, cosmetics, hazardous chemicals, dangerous-goods packaging or biological materials',
  }),
  exportsAquaticProducts: fact.boolean({ zh: '出口水产品', en: 'exports aquatic products' }),
  noInspectionFindingsLastYear: fact.boolean({ zh: '上一年内无查发', en: 'no inspection findings in the previous year' }),
  exporterActualShipper: fact.boolean({ zh: '出口货物实际发货人', en: 'actual shipper of exported goods' }),
  logisticsEnterprise: fact.boolean({ zh: '物流企业', en: 'logistics enterprise' }),
  importInlandFreightKind: fact.enum(importInlandFreightKinds, {
    zh: '进口货物境内段运费类别（西部陆海新通道铁海联运境内段 / 中欧班列回程境内段 / 内河运输 / 其他）',
    en: 'kind of inland freight of imported goods (western corridor rail-sea, China-Europe return train, inland waterway, other)',
    valueWords: importInlandFreightWords,
  }),
  meetsInlandFreightDeductionConditions: fact.boolean({
    zh: '符合境内段运费不计入完税价格的条件',
    en: 'meets the conditions for leaving inland freight out of the customs value',
  }),
  // --- foreign-trade finance and export credit insurance ---------------------------------------
  exportCreditInsuranceViaSingleWindow: fact.boolean({
    zh: '通过中国国际贸易"单一窗口"投保出口信用保险',
    en: 'insures export credit through the China International Trade Single Window',
  }),
  exportCreditInsuranceViaUnifiedPlatform: fact.boolean({
    zh: '通过小微外贸企业出口信用保险统一投保平台投保',
    en: 'insures export credit through a unified insurance platform for small and micro foreign-trade enterprises',
  }),
  smallMicroTradeEnterpriseForCreditInsurance: fact.boolean({
    zh: '按出口信用保险认定标准（放宽至500万美元）属小微外贸企业',
    en: 'a small or micro foreign-trade enterprise by the export-credit-insurance standard (widened to USD 5 million)',
  }),
  smeTradeEnterpriseForCreditInsurance: fact.boolean({
    zh: '按出口信用保险认定标准（中型放宽至5000万美元、小微放宽至500万美元）属中小微外贸企业',
    en: 'a small, medium or micro foreign-trade enterprise by the export-credit-insurance standard (USD 50 million / 5 million)',
  }),
  fxHedgingWithDerivatives: fact.boolean({
    zh: '采用远期结售汇等外汇衍生品开展汇率避险',
    en: 'hedges exchange-rate risk with forwards or other FX derivatives',
  }),
  completedListingFinancing: fact.boolean({ zh: '完成上市融资', en: 'has completed a listing (IPO) financing' }),
  localLegalPersonFinancialInstitution: fact.boolean({ zh: '地方法人金融机构', en: 'a locally incorporated financial institution' }),
  goodInclusiveSmallMicroLending: fact.boolean({
    zh: '发放普惠小微企业贷款较好（人民银行评定）',
    en: 'performed well in inclusive lending to small and micro enterprises (as the central bank judges)',
  }),
  businessPropertyInvolvedInCase: fact.boolean({ zh: '企业的经营性财物涉案', en: "the enterprise's business property is involved in a case" }),
  // --- cross-border e-commerce -----------------------------------------------------------------
  crossBorderEcommerceEnterprise: fact.boolean({ zh: '跨境电商企业（开展跨境电商业务）', en: 'cross-border e-commerce enterprise (runs cross-border e-commerce business)' }),
  cbecExporter: fact.boolean({ zh: '开展跨境电商出口业务', en: 'exports through cross-border e-commerce' }),
  cbecThirdPartyPlatform: fact.boolean({ zh: '跨境电商第三方平台企业', en: 'third-party cross-border e-commerce platform' }),
  cbecPlatformAnnualGmv: fact.yuan({ zh: '年度全球商品交易总额（元）', en: 'annual global gross merchandise value (CNY)' }),
  cbecImportSupplyChainLeader: fact.boolean({ zh: '跨境电商进口供应链链主企业', en: 'chain-leader of a cross-border e-commerce import supply chain' }),
  cbecAnnualImportValue: fact.yuan({ zh: '跨境电商年度进口总额（元）', en: 'annual cross-border e-commerce imports (CNY)' }),
  cbecSeller: fact.boolean({ zh: '跨境电商卖家', en: 'cross-border e-commerce seller' }),
  cbecAnnualExportValue: fact.yuan({ zh: '跨境电商年度出口总额（元）', en: 'annual cross-border e-commerce exports (CNY)' }),
  cbecVerticalPlatformOrIndependentSite: fact.boolean({
    zh: '建设行业垂直类跨境电商平台或独立站',
    en: 'runs an industry-vertical cross-border e-commerce platform or an independent web shop',
  }),
  cbecPaymentFunctionCenterInChongqing: fact.boolean({
    zh: '跨境电商第三方支付企业在渝设立全国性或区域性功能中心并开展跨境电商支付业务',
    en: 'a third-party payment firm with a national or regional function centre in Chongqing doing cross-border e-commerce payments',
  }),
  ratedDigitalCommerceOrEcommerceDemoEnterprise: fact.boolean({
    zh: '获评市级数字商务企业或电商示范企业',
    en: 'rated a municipal digital-commerce enterprise or e-commerce demonstration enterprise',
  }),
  independentSiteOverseasMarketing: fact.boolean({ zh: '开展自有独立站境外营销推广', en: 'markets its own independent web shop abroad' }),
  overseasTrademarkCertificationOrPatent: fact.boolean({
    zh: '在跨境出口目的国注册自有商标、开展产品国际认证或申请专利',
    en: 'registers its own trademark, obtains international product certification or applies for patents in the export destination',
  }),
  cbecBondedImportInZone: fact.boolean({
    zh: '在综合保税区或保税物流中心（B型）内开展跨境电商网购保税进口',
    en: 'runs bonded online-shopping cross-border e-commerce imports in a comprehensive bonded zone or a type-B bonded logistics centre',
  }),
  meetsBondedConversionSupervisionConditions: fact.boolean({
    zh: '网购保税进口商品与进境保税货物互转满足监管条件',
    en: 'meets the supervision conditions for converting between bonded e-commerce imports and other bonded goods',
  }),
  cbecReturnReimportDate: fact.date({
    zh: '原跨境电商出口商品退运进境之日',
    en: 'date cross-border e-commerce export goods were returned into China',
  }),
  meetsCbecReturnExemptionConditions: fact.boolean({
    zh: '退运进境原跨境电商出口商品符合免税政策条件',
    en: 'the returned cross-border e-commerce export goods meet the conditions of the tax-exemption policy',
  }),
  exportsToOverseasWarehouse: fact.boolean({ zh: '出口至海外仓销售', en: 'exports goods for sale from overseas warehouses' }),
  inCbecComprehensivePilotZone: fact.boolean({ zh: '跨境电子商务综合试验区（综试区）内企业', en: 'located in a cross-border e-commerce comprehensive pilot zone' }),
  meetsCbecIncomeTaxDeemedConditions: fact.boolean({
    zh: '符合跨境电商企业所得税核定征收条件',
    en: 'meets the conditions for deemed (assessed) income tax of cross-border e-commerce enterprises',
  }),
  cbecReturnCenterWarehouseEnterprise: fact.boolean({ zh: '跨境电商零售进口退货中心仓企业', en: 'return centre warehouse enterprise for cross-border e-commerce retail imports' }),
  meetsReturnCenterWarehouseConditions: fact.boolean({ zh: '符合退货中心仓企业条件', en: 'meets the conditions for a return centre warehouse enterprise' }),
  inSpecialCustomsSupervisionZone: fact.boolean({ zh: '位于海关特殊监管区域内', en: 'located in a special customs supervision zone' }),
  cbecBondedImport1210: fact.boolean({ zh: '开展跨境电商网购保税进口（1210）业务', en: 'runs bonded online-shopping cross-border e-commerce imports (customs mode 1210)' }),
  needsGiftSamePackageShipping: fact.boolean({ zh: '确有国内入区赠品同包发货需求', en: 'genuinely needs to ship domestic gifts in the same parcel' }),
  meetsGiftPilotSupervisionRequirements: fact.boolean({ zh: '满足赠品同包发货试点监管要求', en: 'meets the supervision requirements of the gift same-parcel pilot' }),
  // --- logistics and the western land-sea corridor ---------------------------------------------
  municipalKeyLogisticsProject: fact.boolean({ zh: '经市政府认定的市级物流重点项目', en: 'a municipal key logistics project recognised by the Chongqing government' }),
  productionBuildingFactoryOrWarehouse: fact.boolean({ zh: '生产性用房（厂房和仓储）', en: 'the building is production space (factory or warehouse)' }),
  inspectedWithoutIssueAtCqRailwayPort: fact.boolean({
    zh: '在重庆铁路口岸海关查验无问题',
    en: 'customs inspection at the Chongqing railway port found no problem',
  }),
  containerTruckClass: fact.of('number', numeric(z.number().int().min(1).max(6), 'a class 1 to 6'), {
    zh: '国际标准集装箱运输车辆收费车型类别（1–6类）',
    en: 'toll vehicle class of the international standard container truck (1 to 6)',
  }),
  specificEtcInstalled: fact.boolean({
    zh: '按照交通运输部有关规定安装特定ETC车载装置',
    en: 'has the specific ETC on-board unit required by the Ministry of Transport',
  }),
  // --- imports ----------------------------------------------------------------------------------
  inBiopharmaRdImportPilotList: fact.boolean({
    zh: '生物医药研发用物品进口"试点清单"内的企业和物品',
    en: 'enterprise and goods on the "pilot list" for importing biomedical R&D items',
  }),
  // --- foreign investment -----------------------------------------------------------------------
  fdiProjectNewOrCapitalIncrease: fact.boolean({ zh: '在我市设立的外资新项目或增资项目', en: 'a new or capital-increase foreign-investment project in Chongqing' }),
  fdiAnnualCapitalInPlaceUsd: fact.of('number', numeric(z.number().nonnegative(notNegative), 'a number of US dollars'), {
    zh: '当年实际到位外资金额（美元，不含外方股东贷款）',
    en: 'foreign capital actually paid in this year (USD, excluding foreign shareholder loans)',
  }),
  fdiProjectRealEstateOrFinance: fact.boolean({ zh: '房地产业、金融业及类金融业项目', en: 'a real-estate, financial or quasi-financial project' }),
  fdiManufacturingProject: fact.boolean({ zh: '制造业项目', en: 'a manufacturing project' }),
  recognizedForeignRdCenter: fact.boolean({ zh: '认定符合条件的外资研发中心', en: 'a recognised qualifying foreign-invested R&D centre' }),
  recognizedForeignHeadquarters: fact.boolean({ zh: '认定的外资总部企业', en: 'a recognised foreign-invested headquarters' }),
  encouragedForeignInvestmentProject: fact.boolean({
    zh: '属于《鼓励外商投资产业目录》范围的外资项目',
    en: 'a foreign-investment project within the Catalogue of Industries for Encouraging Foreign Investment',
  }),
  fieReinvestmentEnterprise: fact.boolean({ zh: '外商投资再投资企业', en: 'an enterprise set up by reinvestment of a foreign-invested enterprise' }),
  keyForeignInvestmentProject: fact.boolean({ zh: '重点外资项目', en: 'a key foreign-investment project' }),
  landPaidByForeignExchangeSettlement: fact.boolean({
    zh: '土地竞得人以外资结汇形式缴纳土地综合价款',
    en: 'the land buyer pays the land price by converting foreign capital',
  }),
  lateLandPaymentNotEnterpriseFault: fact.boolean({
    zh: '非因企业原因无法及时办理结汇事宜导致未能按时付款',
    en: 'the late payment arose because the FX settlement could not be done in time for reasons not of the enterprise',
  }),
  landPriceDueDate: fact.date({ zh: '土地综合价款应缴之日', en: 'date the land price was due' }),
  landPricePaidDate: fact.date({ zh: '土地综合价款实际缴清之日', en: 'date the land price was actually paid' }),

  // rules-cq2-zones additions (issue #10)
  // 渝府办发〔2022〕107号 外资行动计划 三、（四）11: capital-account facilitation and the choice of foreign-debt mode.
  fieEntrustedLoanToDomesticAffiliate: fact.boolean({
    zh: '拟以外商投资企业人民币资本金向境内关联企业发放委托贷款',
    en: 'wants to use its RMB registered capital for entrusted loans to domestic affiliates',
  }),
  fieBorrowsForeignDebt: fact.boolean({ zh: '借用或拟借用外债', en: 'borrows or plans to borrow foreign debt' }),
  // 渝府办发〔2023〕91号 五、（十四）: 专精特新 enterprises (any level, not only the national 小巨人 list of specializedLittleGiant).
  specializedSophisticatedEnterprise: fact.boolean({
    zh: '“专精特新”企业（经认定的专精特新中小企业，含专精特新“小巨人”）',
    en: 'a recognised specialised, refined, distinctive and innovative (专精特新) enterprise, little giants included',
  }),
} satisfies Record<string, FactDeclaration>;
