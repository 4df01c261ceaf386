// Enterprise facts for the bonded-zone domain; see README.md beside this file.
// Comprehensive bonded zones (综合保税区): whether and where the enterprise is, what it does there,
// and the goods and projects the measures of 国发〔2019〕3号 (as Chongqing, Jiangsu and Hubei restate
// them) ask about. Goods facts describe the enterprise's current goods or project.
import { z } from 'zod';
import { fact, type FactDeclaration, type FieldLabel } from '../fields.ts';

/** 在综合保税区内开展的业务 (activities in the zone), as the texts name them. */
export const bondedZoneActivityKinds = [
  'processing-manufacturing', // 加工制造（保税加工）
  'rd-design', // 研发设计（保税研发）
  'bonded-testing', // 保税检测
  'global-repair', // 全球维修、保税维修
  'remanufacturing', // 再制造
  'warehousing-logistics', // 仓储物流、物流分拨（保税物流）
  'cross-border-ecommerce', // 跨境电商
  'financial-leasing', // 融资租赁
  'service-outsourcing', // 国际服务外包
  'sales-settlement', // 销售、结算
] as const;

/** The activities' words: a list cell, an answer or a checkbox says them. */
const bondedZoneActivityWords = {
  'processing-manufacturing': { zh: '加工制造（保税加工）', en: 'processing and manufacturing (bonded processing)', also: ['加工制造', '保税加工'] },
  'rd-design': { zh: '研发设计（保税研发）', en: 'R&D and design (bonded R&D)', also: ['研发设计', '保税研发'] },
  'bonded-testing': { zh: '保税检测', en: 'bonded testing' },
  'global-repair': { zh: '全球维修（保税维修）', en: 'global repair (bonded repair)', also: ['全球维修', '保税维修'] },
  remanufacturing: { zh: '再制造', en: 'remanufacturing' },
  'warehousing-logistics': { zh: '仓储物流（保税物流、物流分拨）', en: 'warehousing and logistics (bonded logistics, distribution)', also: ['仓储物流', '保税物流', '物流分拨'] },
  'cross-border-ecommerce': { zh: '跨境电商', en: 'cross-border e-commerce' },
  'financial-leasing': { zh: '融资租赁', en: 'financial leasing' },
  'service-outsourcing': { zh: '国际服务外包', en: 'international service outsourcing', also: ['服务外包'] },
  'sales-settlement': { zh: '销售、结算', en: 'sales and settlement', also: ['销售结算'] },
} satisfies Record<(typeof bondedZoneActivityKinds)[number], FieldLabel & { also?: readonly string[] }>;

/** 在综合保税区内生产制造并内销的产品 (zone-made products sold on the domestic market). */
export const zoneMadeProductKinds = ['mobile-phones', 'auto-parts', 'other'] as const;

/** 进口医疗器械的用途 (use of imported medical devices). */
export const importedMedicalDeviceUses = ['rd', 'display', 'domestic-sale-or-use'] as const;

const importedMedicalDeviceUseWords = {
  rd: { zh: '研发', en: 'research and development' },
  display: { zh: '展示', en: 'display' },
  'domestic-sale-or-use': { zh: '进入国内销售、使用', en: 'sale or use in China' },
} satisfies Record<(typeof importedMedicalDeviceUses)[number], FieldLabel>;

export const bondedZoneFactDeclarations = {
  // Where
  inComprehensiveBondedZone: fact.boolean({
    zh: '综合保税区内企业（注册、经营在综合保税区内）',
    en: 'located (registered and operating) in a comprehensive bonded zone',
  }),
  prospectiveBondedZoneEnterprise: fact.boolean({
    zh: '拟入区企业（已获准入驻尚在建设或验收中的综合保税区）',
    en: 'a prospective zone enterprise (admitted to a zone not yet built or accepted)',
  }),
  bondedZoneName: fact.of('string', z.string().trim().min(1, 'must not be empty'), {
    zh: '所在综合保税区（如 西永综合保税区、两路果园港综合保税区、江津综合保税区、涪陵综合保税区）',
    en: 'name of the comprehensive bonded zone, as the texts name it',
  }),
  bondedZoneApprovalDate: fact.date({
    zh: '国务院批准设立所在综合保税区之日',
    en: 'date the State Council approved the zone',
  }),
  bondedZoneGeneralTaxpayerPilot: fact.boolean({
    zh: '所在综合保税区已开展增值税一般纳税人资格试点',
    en: 'the zone runs the VAT general-taxpayer qualification pilot',
  }),
  bondedZoneAtVehicleImportPort: fact.boolean({
    zh: '所在综合保税区位于汽车整车进口口岸',
    en: 'the zone is at a designated port for imported whole vehicles',
  }),
  bondedZoneHasInspectionFacilities: fact.boolean({
    zh: '所在综合保税区具备必要监管查验条件',
    en: 'the zone has the necessary supervision and inspection facilities',
  }),

  // What the enterprise does there
  bondedZoneActivities: fact.enumList(bondedZoneActivityKinds, {
    zh: '在综合保税区内开展的业务（可多选）',
    en: 'activities in the zone (tick all that apply)',
    valueWords: bondedZoneActivityWords,
  }),
  newlyEstablishedInBondedZone: fact.boolean({ zh: '综合保税区内新设企业', en: 'newly established in the zone' }),
  assessedAsMeetingZoneCreditStandards: fact.boolean({
    zh: '经评定符合有关标准（综合保税区新设企业直接赋予最高信用等级的标准）',
    en: 'assessed as meeting the relevant standards for the highest credit rating of new zone enterprises',
  }),
  hasSurplusProductionCapacity: fact.boolean({ zh: '有剩余（闲置）产能', en: 'has surplus (idle) production capacity' }),
  zoneMadeProductsSoldDomestically: fact.enumList(zoneMadeProductKinds, {
    zh: '在综合保税区内生产制造并内销的产品（可多选）',
    en: 'zone-made products sold on the domestic market (tick all that apply)',
    valueWords: {
      'mobile-phones': { zh: '手机', en: 'mobile phones' },
      'auto-parts': { zh: '汽车零部件', en: 'auto parts' },
      other: { zh: '其他', en: 'other' },
    },
  }),
  sellsZoneGoodsDomestically: fact.boolean({
    zh: '区内加工制造的货物内销（销往境内区外）',
    en: 'sells goods processed or made in the zone on the domestic market outside the zone',
  }),
  nationalInnovationInstitution: fact.boolean({
    zh: '国家产业创新中心、国家技术创新中心、国家工程研究中心、新型研发机构等研发创新机构',
    en: 'a national industrial or technology innovation centre, national engineering research centre, new-type R&D institution or similar',
  }),
  thirdPartyInspectionCertificationBody: fact.boolean({
    zh: '第三方检验检测认证机构',
    en: 'a third-party inspection, testing and certification body',
  }),
  zoneRepairTestingHighTechHighValue: fact.boolean({
    zh: '保税检测和全球维修业务属高技术、高附加值',
    en: 'the bonded testing and global repair business is high-tech and high value-added',
  }),
  zoneRepairTestingMeetsEnvironmentalRequirements: fact.boolean({
    zh: '保税检测和全球维修业务符合环保要求',
    en: 'the bonded testing and global repair business meets environmental requirements',
  }),
  highTechHighValueRemanufacturing: fact.boolean({
    zh: '再制造业务属高技术含量、高附加值的航空航天、工程机械、数控机床等再制造',
    en: 'the remanufacturing is high-tech, high value-added remanufacturing of aerospace, construction machinery, CNC machine tools or the like',
  }),
  leasesLargeEquipment: fact.boolean({
    zh: '融资租赁进出口飞机、船舶和海洋工程结构物等大型设备',
    en: 'imports or exports aircraft, ships, offshore engineering structures or similar large equipment under financial leases',
  }),
  leasedEquipmentCrossesCustomsDistricts: fact.boolean({
    zh: '租赁设备进出口涉及跨关区',
    en: 'the import or export of the leased equipment crosses customs districts',
  }),
  leasedEquipmentCannotEnterZone: fact.boolean({
    zh: '租赁设备不具备实际入区条件',
    en: 'the leased equipment cannot physically enter the zone',
  }),
  generalTaxpayerPilotEnterprise: fact.boolean({
    zh: '增值税一般纳税人资格试点企业',
    en: 'an enterprise in the VAT general-taxpayer qualification pilot',
  }),
  bondedZoneProjectAnnualImportExport: fact.yuan({
    zh: '综合保税区项目年进出口额（元）',
    en: 'annual import-export value of the zone project (CNY)',
  }),
  appliesForAeoCertification: fact.boolean({
    zh: '申请海关企业认证（AEO）',
    en: 'applies for customs AEO certification',
  }),

  // Goods
  selfUseEquipmentImportDate: fact.date({
    zh: '入区企业进口自用机器设备等之日',
    en: 'date the zone enterprise imports machinery and equipment for its own use',
  }),
  importsGoodsForInZoneRd: fact.boolean({
    zh: '从境外进口且在区内用于研发的货物、物品',
    en: 'imports goods or articles from abroad for R&D in the zone',
  }),
  rdGoodsProhibitedFromEntry: fact.boolean({
    zh: '研发用货物、物品属禁止进境的',
    en: 'the R&D goods are prohibited from entry',
  }),
  importedMedicalDeviceUse: fact.enum(importedMedicalDeviceUses, {
    zh: '区内企业进口医疗器械的用途',
    en: 'use of the medical devices the zone enterprise imports',
    valueWords: importedMedicalDeviceUseWords,
  }),
  bringsDomesticGoodsIntoZone: fact.boolean({
    zh: '有境内入区的货物、物品',
    en: 'brings goods or articles into the zone from the domestic market',
  }),
  zoneEntryGoodsSubjectToExportDuty: fact.boolean({
    zh: '境内入区货物涉出口关税',
    en: 'the goods entering the zone from the domestic market are subject to export duty',
  }),
  zoneEntryGoodsNeedTradeControlDocuments: fact.boolean({
    zh: '境内入区货物涉贸易管制证件',
    en: 'the goods entering the zone need trade-control documents',
  }),
  zoneEntryGoodsClaimExportRefund: fact.boolean({
    zh: '境内入区货物要求退税',
    en: 'an export tax refund is claimed for the goods entering the zone',
  }),
  zoneEntryGoodsInCustomsStatistics: fact.boolean({
    zh: '境内入区货物纳入海关统计',
    en: 'the goods entering the zone are included in customs statistics',
  }),
  bringsRelicsArtworksFromAbroadIntoZone: fact.boolean({
    zh: '文物及文化艺术品从境外入区（存储、展示等）',
    en: 'brings cultural relics or artworks into the zone from abroad (for storage, display and the like)',
  }),
  importsApprovedVaccinesOrIvdReagents: fact.boolean({
    zh: '从境外进口已获批的人用疫苗或体外诊断试剂',
    en: 'imports approved human vaccines or in-vitro diagnostic reagents from abroad',
  }),
  importsFoodIntoZoneNeedingTesting: fact.boolean({
    zh: '境外入区的食品需检测',
    en: 'food entering the zone from abroad needs testing',
  }),
  importsAnimalPlantProductsIntoZone: fact.boolean({
    zh: '境外入区动植物产品（有检验项目）',
    en: 'animal or plant products entering the zone from abroad (with inspection items)',
  }),
  importsEquipmentForServiceOutsourcing: fact.boolean({
    zh: '进口专业设备开展软件测试、文化创意等国际服务外包业务',
    en: 'imports professional equipment for software testing, cultural-creative or similar international service outsourcing',
  }),
  importsPoultryMeat: fact.boolean({ zh: '进口禽肉企业', en: 'imports poultry meat' }),

  // rules-cq2-zones additions (issue #10)
  // Hubei 第15条 gives tailored support to 重点项目 only: being a key project is a condition beside the trade figure.
  bondedZoneKeyProject: fact.boolean({
    zh: '项目为综合保税区重点项目（列入重点项目清单等）',
    en: 'the project is a key project of the comprehensive bonded zone (on the key-project list or the like)',
  }),
} satisfies Record<string, FactDeclaration>;
