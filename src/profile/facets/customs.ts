// Enterprise facts for the customs domain; see README.md beside this file.
// Sources: the 海关总署 announcements of 2023–2024 and the Chongqing 高资信企业 measures in seed 003.
import { z } from 'zod';
import { fact, type FactDeclaration, notNegative, numeric } from '../fields.ts';

/** 中国海关 AEO 编码: AEOCN + the 10-digit enterprise code (海关总署公告2023年第102号第三条). */
export const CHINA_AEO_CODE = /^AEOCN\d{10}$/;
/** 塞尔维亚 AEO 企业编码: RS + AEOF/AEOS + a 24-character enterprise code (同上第四条). */
export const SERBIAN_AEO_CODE = /^RSAEO[FS][0-9A-Z]{24}$/;

const chinaAeoCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(CHINA_AEO_CODE, 'must be AEOCN followed by the 10-digit customs enterprise code, e.g. AEOCN0123456789 (海关总署公告2023年第102号第三条)');
const serbianAeoCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(SERBIAN_AEO_CODE, 'must be RS, then AEOF or AEOS, then the 24-character enterprise code, e.g. RSAEOF123456789012345678901234 (海关总署公告2023年第102号第四条)');

export const customsFactDeclarations = {
  // ---- AEO and credit (海关总署公告2023年第102号; 重庆高资信企业措施) ----
  chinaAeoCode: fact.of('string', chinaAeoCode, { zh: '中国海关AEO编码（AEOCN+10位企业编码）', en: 'Chinese customs AEO code (AEOCN + 10-digit enterprise code)' }),
  serbianAeoSupplierCodes: fact.of('string[]', z.array(serbianAeoCode), {
    zh: '进口货物的塞尔维亚AEO企业（境外发货人）编码',
    en: 'AEO codes of the Serbian AEO enterprises the enterprise imports from (RS + AEOF/AEOS + 24 characters)',
  }),
  exportsToSerbia: fact.boolean({ zh: '向塞尔维亚出口货物', en: 'exports goods to Serbia' }),
  firstAeoAdvancedCertification: fact.boolean({
    zh: '首次获得海关AEO高级认证资质',
    en: 'obtained AEO advanced certification for the first time',
  }),
  onChongqingHighCreditList: fact.boolean({
    zh: '列入重庆市进出口领域高资信企业名单（重庆海关、重庆市税务局、重庆市商务委2024年5月20日通知附件）',
    en: 'listed in the Chongqing high-credit enterprise list (annex to the notice of 20 May 2024)',
  }),
  meetsForeignTradeLoanSubsidyConditions: fact.boolean({
    zh: '符合外经贸优惠贷款贴息项目支持条件',
    en: 'meets the conditions of the foreign-trade preferential-loan interest subsidy programme',
  }),
  joinsCqOrganisedOverseasFairs: fact.boolean({
    zh: '参加由重庆市商务委统一组织的境外重点展会',
    en: 'takes part in key overseas trade fairs organised by the Chongqing Commerce Commission',
    change: { actions: { true: { zh: '报名参加市商务委统一组织的境外重点展会', en: 'sign up for a key overseas fair organised by the Commerce Commission' } } },
  }),
  expressDeliveryEnterprise: fact.boolean({ zh: '快件企业（快件运营人）', en: 'express-delivery enterprise (express consignment operator)' }),

  // ---- customs registration and e-port (第164号、第136号、2024年第32号) ----
  customsFiled: fact.boolean({
    zh: '已在中国海关备案（报关单位备案）',
    en: 'filed with Chinese customs (customs declaration unit filing)',
    change: { actions: { true: { zh: '办理海关报关单位备案', en: 'file with customs as a declaration unit' } } },
  }),
  electronicPortUser: fact.boolean({ zh: '已办理电子口岸入网手续（电子口岸用户）', en: 'already registered as an electronic-port (China E-Port) user' }),
  eportApplicationMatchesLicence: fact.boolean({
    zh: '电子口岸入网申请信息经核实与营业执照信息一致',
    en: 'the E-Port registration details match the business licence',
  }),
  appliesForCertificatesOfOrigin: fact.boolean({ zh: '出口货物原产地证书申请人', en: 'applies for certificates of origin for exported goods' }),

  // ---- advance rulings (海关总署公告2024年第32号) ----
  holdsAdvanceRuling: fact.boolean({ zh: '持有海关《预裁定决定书》', en: 'holds a customs advance ruling' }),
  advanceRulingExpiryDate: fact.date({ zh: '《预裁定决定书》有效期截止日', en: 'expiry date of the advance ruling' }),
  advanceRulingContentUnchanged: fact.boolean({
    zh: '《预裁定决定书》所涉及的海关事务类别、商品基本信息、预裁定事项等内容未发生变化',
    en: 'the customs matter, goods information and ruling subject of the advance ruling are unchanged',
  }),
  advanceRulingLapsedOrRevoked: fact.boolean({ zh: '《预裁定决定书》已失效或被撤销', en: 'the advance ruling has lapsed or been revoked' }),
  applicantIdentityChangedSinceRuling: fact.boolean({
    zh: '申请人名称、企业代码、统一社会信用代码在预裁定后发生变更',
    en: "the applicant's name, enterprise code or USCC changed since the ruling",
  }),
  advanceRulingSupersededByRules: fact.boolean({
    zh: '《预裁定决定书》制发后有关海关规章、海关总署公告已对其涉及的海关事务作出明确规定',
    en: 'customs regulations or GACC announcements issued after the ruling now settle its matter expressly',
  }),
  consigneeInShanghaiFtz: fact.boolean({
    zh: '中国（上海）自由贸易试验区（含临港新片区）内的进口货物收货人',
    en: 'an import consignee inside the China (Shanghai) Pilot Free Trade Zone, Lin-gang included',
  }),
  hasSalesContractWithOverseasExporter: fact.boolean({
    zh: '已与境外出口商或生产商签订货物销售合同',
    en: 'has a sales contract with an overseas exporter or producer',
  }),

  // ---- equipment imports for encouraged projects (海关总署公告2024年第13号) ----
  domesticInvestmentProject: fact.boolean({ zh: '国内投资项目', en: 'a domestic investment project' }),
  projectInEncouragedCategory2024: fact.boolean({
    zh: '项目属于《产业结构调整指导目录（2024年本）》鼓励类范围',
    en: 'the project is in the encouraged category of the Industrial Structure Adjustment Catalogue (2024)',
  }),
  projectInEncouragedCategory2019: fact.boolean({
    zh: '项目属于《产业结构调整指导目录（2019年本）》鼓励类范围',
    en: 'the project is in the encouraged category of the Industrial Structure Adjustment Catalogue (2019)',
  }),
  projectApprovalDate: fact.date({
    zh: '项目审批、核准或完成备案的日期',
    en: 'date the project was approved, authorised or filed',
  }),
  holdsEncouragedProjectConfirmation: fact.boolean({
    zh: '取得《国家鼓励发展的内外资项目确认书》或《适用鼓励类产业政策条目确认通知单》',
    en: 'holds the encouraged-project confirmation (确认书) or the encouraged-item confirmation notice (确认通知单)',
  }),
  encouragedProjectConfirmationDate: fact.date({
    zh: '《国家鼓励发展的内外资项目确认书》或《适用鼓励类产业政策条目确认通知单》的出具日期',
    en: 'date the encouraged-project confirmation or confirmation notice was issued',
  }),
  projectUnderConstruction: fact.boolean({ zh: '国内投资在建项目', en: 'the domestic investment project is under construction' }),
  importsOwnUseEquipmentWithinTotalInvestment: fact.boolean({
    zh: '在投资总额内进口自用设备（以及按照合同随设备进口的技术和配套件、备件）',
    en: 'imports equipment for own use within the total investment (with the technology, parts and spares under the contract)',
  }),
  importedGoodsInNonExemptCatalogues: fact.boolean({
    zh: '进口商品列入《国内投资项目不予免税的进口商品目录》或《进口不予免税的重大技术装备和产品目录》',
    en: 'the imported goods are on the catalogue of goods not exempt for domestic projects or of major equipment not exempt',
  }),
  projectEquipmentAlreadyTaxed: fact.boolean({ zh: '进口设备已经征税', en: 'duties were already levied on the imported equipment' }),

  // ---- processing trade (海关总署公告2024年第66号、2023年第166号) ----
  processingTradeEnterprise: fact.boolean({ zh: '加工贸易企业', en: 'a processing-trade enterprise' }),
  processingTradeSupervision: fact.enum(['handbook', 'account'] as const, {
    zh: '加工贸易监管方式',
    en: 'processing-trade supervision',
    valueWords: { handbook: { zh: '手册管理', en: 'handbook' }, account: { zh: '账册管理', en: 'account' } },
  }),
  hasEnterpriseUnitAccount: fact.boolean({
    zh: '已设立"以企业为单元"加工贸易账册',
    en: 'holds an existing enterprise-unit (以企业为单元) processing-trade account',
  }),
  centralisedDeepProcessingTransfer: fact.boolean({
    zh: '采用集中申报方式办理深加工结转业务',
    en: 'declares deep-processing transfers centrally',
  }),
  switchingProcessingTradeAccounts: fact.boolean({ zh: '涉及新旧加工贸易账册切换', en: 'switching from an old to a new processing-trade account' }),
  inGroupProcessingTradeIndustries: fact.boolean({
    zh: '属于信息技术、人工智能、生物医药、新能源、新材料、重大装备制造等行业',
    en: 'in information technology, AI, biomedicine, new energy, new materials, major equipment manufacturing or a like industry',
  }),
  internalManagementStandardised: fact.boolean({
    zh: '内部管理规范',
    en: 'internal management is standardised',
    change: { actions: { true: { zh: '规范内部管理', en: 'standardise internal management' } } },
  }),
  informationSystemsComplete: fact.boolean({
    zh: '信息化系统完备',
    en: 'information systems are complete',
    change: { actions: { true: { zh: '完善信息化系统', en: 'complete the information systems' } } },
  }),
  centralisedDomesticSales: fact.boolean({ zh: '加工贸易集中内销', en: 'sells processing-trade goods domestically under centralised tax payment' }),

  // ---- comprehensive bonded zones (第148号、第166号第五条、第185号、第200号) ----
  // inComprehensiveBondedZone (综合保税区内企业) is defined in bonded-zone.ts and reused here.
  batchInOutCentralDeclaration: fact.boolean({
    zh: '开展批次进出、集中申报（分送集报）业务',
    en: 'uses batch entry/exit with centralised declaration (分送集报)',
  }),
  bondedGuaranteeExemption: fact.enum(['not-applied', 'in-use', 'suspended'] as const, {
    zh: '分送集报免除担保措施的适用状态（未申请 / 正在适用 / 已暂停）',
    en: 'state of the 分送集报 guarantee exemption (not applied, in use, suspended)',
    valueWords: {
      'not-applied': { zh: '未申请', en: 'not applied' },
      'in-use': { zh: '正在适用', en: 'in use' },
      suspended: { zh: '已暂停', en: 'suspended' },
    },
  }),
  missedCentralDeclarationDeadline: fact.boolean({
    zh: '存在区内企业或区外收发货人未在规定期限内办理集中申报手续、依法缴纳关税和进出口环节税的情形（尚未解除）',
    en: 'an unresolved case of the zone enterprise or the outside consignor/consignee missing the deadline for central declaration and tax payment',
  }),
  lawExcludesGuaranteeExemption: fact.boolean({
    zh: '法律、行政法规对免除担保另有规定',
    en: 'a law or administrative regulation provides otherwise on the guarantee exemption',
  }),
  domesticEquipmentWithExportRefundInZone: fact.boolean({
    zh: '从境内（区外）进入综合保税区并已享受出口退税的设备',
    en: 'holds equipment that entered the zone from the domestic market with an export refund',
  }),
  equipmentSupervisionPeriodExpired: fact.boolean({ zh: '设备监管期限届满', en: "the equipment's customs supervision period has expired" }),
  hasSeparatedInspectionArea: fact.boolean({
    zh: '通过物理隔离方式设置专门"待检区"',
    en: 'has a dedicated, physically separated pending-inspection area (待检区)',
    change: { actions: { true: { zh: '通过物理隔离方式设置专门“待检区”', en: 'set up a physically separated pending-inspection area' } } },
  }),
  inspectionAreaFullVideoSurveillance: fact.boolean({
    zh: '向海关提供具备符合监管要求的全方位无盲区视频监控',
    en: 'provides customs with full, blind-spot-free video surveillance meeting supervision requirements',
    change: { actions: { true: { zh: '为“待检区”配备全方位无盲区视频监控', en: 'install full, blind-spot-free video surveillance of the area' } } },
  }),
  inspectionVideoRetentionMonths: fact.of('number', numeric(z.number().nonnegative(notNegative), 'a number of months'), {
    zh: '视频存储时间（月）',
    en: 'video retention period (months)',
    change: {}, // the enterprise can keep video longer
  }),
  inspectionAreaHoldsOnlyTransferGoods: fact.boolean({
    zh: '"待检区"内未存放与区内直转业务无关的货物',
    en: 'the pending-inspection area holds no goods unrelated to in-zone direct transfers',
    change: { actions: { true: { zh: '清出“待检区”内与区内直转无关的货物', en: 'clear goods unrelated to direct transfers out of the area' } } },
  }),
  hasCompliantWms: fact.boolean({
    zh: '使用符合海关监管要求的计算机仓储管理系统（WMS系统），能够全程跟踪货物状态、存储位置并分别存放、分开管理保税与非保税货物',
    en: 'uses a warehouse management system meeting customs requirements: tracks status and location, keeps bonded and non-bonded goods apart',
    change: { actions: { true: { zh: '使用符合海关监管要求的WMS系统', en: 'adopt a WMS that meets customs requirements' } } },
  }),
  movesZoneSuppliesAcrossCheckpoint: fact.boolean({
    zh: '区内建设所需的基建物资、自用办公用品、劳保用品、生活消费品等境内货物进出区',
    en: 'moves construction materials, own office supplies, protective gear or daily consumables between the zone and the domestic market',
  }),
  movesOtherCheckpointRegisteredGoods: fact.boolean({
    zh: '其他实施卡口登记管理的货物进出区',
    en: 'moves other goods under checkpoint registration across the zone checkpoint',
  }),

  // ---- goods and transport (第178号、第108号) ----
  shipsByInternationalRail: fact.boolean({
    zh: '进出口货物经国际铁路联运（境内段铁路）运输',
    en: 'ships import or export goods by international through rail',
  }),
  railCarrierResponsiblePerson: fact.boolean({
    zh: '进出境铁路运输工具负责人',
    en: 'the person in charge of an inbound/outbound rail means of transport (carrier)',
  }),
  fastClearanceManifestChangeConditionsMet: fact.boolean({
    zh: '快通货物符合舱单变更条件',
    en: 'the fast-clearance goods meet the manifest-change conditions',
  }),
  importsLeadZincConcentrate: fact.boolean({
    zh: '进口铅矿砂及其精矿、锌矿砂及其精矿',
    en: 'imports lead or zinc ores and concentrates',
  }),
  needsQualityCertificate: fact.boolean({ zh: '需要海关出具品质证书', en: 'needs a customs quality certificate' }),

  // rules-cq2-zones additions (issue #10)
  // The one-off reward for a first AEO advanced certification (重庆高资信企业措施第2条) rewards a certification
  // obtained under the measures (on or after 2024-05-20), so the date is asked beside the boolean.
  aeoAdvancedCertificationDate: fact.date({
    zh: '首次获得海关AEO高级认证的日期',
    en: 'date the enterprise was first certified AEO advanced',
  }),
} satisfies Record<string, FactDeclaration>;
