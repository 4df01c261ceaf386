// Two checklists a clerk answers first, because each item opens or closes a whole family of measures:
// the enterprise's situations (企业情况: a zone's, cross-border e-commerce's, processing trade's …) and
// the matters it has under way with the authorities (正在办理的事项: registration, deregistration …).
// Ticking an item says yes to the yes/no facts it answers, leaving it unticked says no, once the list is
// answered at all (src/facts/situations.ts); a fact answered on its own keeps its own answer.
// `questionGates` then says which questions a situation opens: asked once it holds, not before.
import { fact, type AskedIf, type FieldLabel } from '../fields.ts';

/** The situations checklist's items, in the order a clerk reads them. */
export const situationKinds = [
  'exports',
  'imports',
  'comprehensive-bonded-zone',
  'entering-bonded-zone',
  'other-special-customs-zone',
  'cross-border-ecommerce',
  'processing-trade',
  'foreign-invested',
  'domestic-investment-project',
  'logistics',
  'international-rail',
  'container-trucks',
  'express-delivery',
] as const;

/** The matters-under-way checklist's items. */
export const pendingMatterKinds = [
  'starting-business',
  'registration-change',
  'deregistration',
  'relocation',
  'construction-project',
  'low-voltage-connection',
  'government-service',
  'litigation',
  'bankruptcy',
] as const;

export const situationWords = {
  exports: { zh: '出口货物', en: 'exports goods', also: ['出口'] },
  imports: { zh: '进口货物', en: 'imports goods', also: ['进口'] },
  'comprehensive-bonded-zone': { zh: '注册、经营在综合保税区内', en: 'registered and operating in a comprehensive bonded zone', also: ['综合保税区', '综保区'] },
  'entering-bonded-zone': {
    zh: '已获准入驻综合保税区（该区尚在建设或验收中）',
    en: 'admitted to a comprehensive bonded zone still being built or accepted',
    also: ['拟入区企业', '拟入区'],
  },
  'other-special-customs-zone': {
    zh: '注册、经营在其他海关特殊监管区域内（保税港区、保税区等）',
    en: 'registered and operating in another special customs supervision zone (bonded port area, bonded area …)',
    also: ['海关特殊监管区域', '保税港区', '保税区'],
  },
  'cross-border-ecommerce': { zh: '开展跨境电商业务', en: 'runs cross-border e-commerce business', also: ['跨境电商', '跨境电子商务'] },
  'processing-trade': { zh: '加工贸易企业', en: 'a processing-trade enterprise', also: ['加工贸易'] },
  'foreign-invested': { zh: '外商投资企业', en: 'a foreign-invested enterprise', also: ['外资企业', '外商投资'] },
  'domestic-investment-project': { zh: '实施国内投资项目（进口项目自用设备）', en: 'carries out a domestic investment project (imports equipment for it)', also: ['国内投资项目'] },
  logistics: { zh: '物流企业', en: 'a logistics enterprise', also: ['物流'] },
  'international-rail': { zh: '进出口货物经国际铁路联运运输', en: 'ships import or export goods by international through rail', also: ['国际铁路联运', '中欧班列'] },
  'container-trucks': { zh: '有国际标准集装箱运输车辆', en: 'runs international standard container trucks', also: ['集装箱运输车辆', '集装箱货车'] },
  'express-delivery': { zh: '快件企业（快件运营人）', en: 'an express-delivery enterprise (express consignment operator)', also: ['快件企业', '快件运营人'] },
} satisfies Record<(typeof situationKinds)[number], FieldLabel & { also: readonly string[] }>;

export const pendingMatterWords = {
  'starting-business': {
    zh: '申请开办企业（设立登记、营业执照、印章、发票等）',
    en: 'starting a business (registration, licence, seals, invoices …)',
    also: ['开办企业', '设立登记'],
  },
  'registration-change': { zh: '申请变更登记（股东、住所、经营范围等）', en: 'applying to change its registration (shareholders, domicile, business scope …)', also: ['变更登记'] },
  deregistration: { zh: '申请注销登记', en: 'applying to deregister', also: ['注销', '注销登记'] },
  relocation: { zh: '迁移住所（搬迁）', en: 'moving its domicile', also: ['迁移住所', '搬迁'] },
  'construction-project': { zh: '投资建设工程项目', en: 'investing in a construction project', also: ['建设项目', '工程建设项目'] },
  'low-voltage-connection': { zh: '申请接入供电', en: 'applying for a power connection', also: ['接电', '用电报装'] },
  'government-service': {
    zh: '办理其他政务服务事项（行政许可、备案、证明等）',
    en: 'another government service (a licence, a filing, a certificate …)',
    also: ['政务服务', '行政许可'],
  },
  litigation: { zh: '涉及诉讼、执行或司法鉴定', en: 'involved in litigation, enforcement or forensic appraisal', also: ['诉讼', '司法鉴定'] },
  bankruptcy: { zh: '处于破产程序中', en: 'in bankruptcy proceedings', also: ['破产'] },
} satisfies Record<(typeof pendingMatterKinds)[number], FieldLabel & { also: readonly string[] }>;

/** The yes/no facts a ticked item answers (yes when any of its items is ticked), in the words of the fact's own label. */
export const checklistAnswers: Readonly<Record<string, { list: 'situations' | 'pendingMatters'; items: readonly string[] }>> = {
  foreignTradeEnterprise: { list: 'situations', items: ['exports', 'imports'] },
  inComprehensiveBondedZone: { list: 'situations', items: ['comprehensive-bonded-zone'] },
  // A comprehensive bonded zone is a special customs supervision zone (海关特殊监管区域).
  inSpecialCustomsSupervisionZone: { list: 'situations', items: ['comprehensive-bonded-zone', 'other-special-customs-zone'] },
  prospectiveBondedZoneEnterprise: { list: 'situations', items: ['entering-bonded-zone'] },
  crossBorderEcommerceEnterprise: { list: 'situations', items: ['cross-border-ecommerce'] },
  processingTradeEnterprise: { list: 'situations', items: ['processing-trade'] },
  foreignInvested: { list: 'situations', items: ['foreign-invested'] },
  domesticInvestmentProject: { list: 'situations', items: ['domestic-investment-project'] },
  logisticsEnterprise: { list: 'situations', items: ['logistics'] },
  shipsByInternationalRail: { list: 'situations', items: ['international-rail'] },
  expressDeliveryEnterprise: { list: 'situations', items: ['express-delivery'] },
  startingBusiness: { list: 'pendingMatters', items: ['starting-business'] },
  // 向市场监管部门申请市场主体注册登记（设立、变更等）
  applyingForMarketEntityRegistration: { list: 'pendingMatters', items: ['starting-business', 'registration-change'] },
  applyingForRegistrationChange: { list: 'pendingMatters', items: ['registration-change'] },
  relocatedDomicile: { list: 'pendingMatters', items: ['relocation'] },
  applyingForLowVoltageConnection: { list: 'pendingMatters', items: ['low-voltage-connection'] },
  inBankruptcyProceedings: { list: 'pendingMatters', items: ['bankruptcy'] },
  // 正在办理政务服务事项: registration, deregistration, a move's registration and a project's approvals are such matters too.
  applyingForGovernmentService: {
    list: 'pendingMatters',
    items: ['starting-business', 'registration-change', 'deregistration', 'relocation', 'construction-project', 'government-service'],
  },
};

const situation = (...items: (typeof situationKinds)[number][]): AskedIf => ({ fact: 'situations', includes: items });
const matter = (...items: (typeof pendingMatterKinds)[number][]): AskedIf => ({ fact: 'pendingMatters', includes: items });
const zoneActivity = (...items: string[]): AskedIf => ({ fact: 'bondedZoneActivities', includes: items });

/**
 * Which questions a situation opens (the fact's askedIf): each fact's question presupposes the situation
 * its own label names (a zone's facility, an export's destination, a processing-trade account …).
 */
export const questionGates: Readonly<Record<string, AskedIf>> = {
  // exports
  exportsToSerbia: situation('exports'),
  appliesForCertificatesOfOrigin: situation('exports'),
  approvedExporter: situation('exports'),
  exporterActualShipper: situation('exports'),
  exportsAquaticProducts: situation('exports'),
  exportEnterpriseCategory: situation('exports'),
  agencyRefundFiledAwaitingFirstCheck: situation('exports'),
  exportsToOverseasWarehouse: situation('exports'),
  exportCreditInsuranceViaSingleWindow: situation('exports'),
  exportCreditInsuranceViaUnifiedPlatform: situation('exports'),
  smallMicroTradeEnterpriseForCreditInsurance: situation('exports'),
  smeTradeEnterpriseForCreditInsurance: situation('exports'),
  // imports or exports
  holdsAdvanceRuling: situation('exports', 'imports'),
  tradesFreshPerishableAgriFood: situation('exports', 'imports'),
  leasesLargeEquipment: situation('exports', 'imports'),
  leasedEquipmentCrossesCustomsDistricts: { fact: 'leasesLargeEquipment' },
  leasedEquipmentCannotEnterZone: { fact: 'leasesLargeEquipment' },
  // imports
  serbianAeoSupplierCodes: situation('imports'),
  customsFiled: situation('imports'),
  consigneeInShanghaiFtz: situation('imports'),
  hasSalesContractWithOverseasExporter: situation('imports'),
  needsQualityCertificate: { fact: 'importsLeadZincConcentrate' },
  importsLeadZincConcentrate: situation('imports'),
  importsRcepOriginPerishablesOrExpress: situation('imports'),
  importInlandFreightKind: situation('imports'),
  inBiopharmaRdImportPilotList: situation('imports'),
  importsPoultryMeat: situation('imports'),
  // a comprehensive bonded zone
  bondedZoneActivities: { fact: 'inComprehensiveBondedZone' },
  importedMedicalDeviceUse: { fact: 'inComprehensiveBondedZone' },
  selfUseEquipmentImportDate: { fact: 'inComprehensiveBondedZone' },
  assessedAsMeetingZoneCreditStandards: { fact: 'newlyEstablishedInBondedZone' },
  bondedZoneName: { fact: 'inComprehensiveBondedZone' },
  bondedZoneApprovalDate: { fact: 'inComprehensiveBondedZone' },
  bondedZoneGeneralTaxpayerPilot: { fact: 'inComprehensiveBondedZone' },
  // 增值税一般纳税人资格试点 is a zone enterprise's pilot, as its zone's (the line above).
  generalTaxpayerPilotEnterprise: { fact: 'inComprehensiveBondedZone' },
  bondedZoneAtVehicleImportPort: { fact: 'inComprehensiveBondedZone' },
  bondedZoneHasInspectionFacilities: { fact: 'inComprehensiveBondedZone' },
  newlyEstablishedInBondedZone: { fact: 'inComprehensiveBondedZone' },
  zoneMadeProductsSoldDomestically: { fact: 'inComprehensiveBondedZone' },
  sellsZoneGoodsDomestically: { fact: 'inComprehensiveBondedZone' },
  bondedZoneKeyProject: { fact: 'inComprehensiveBondedZone' },
  bondedZoneProjectAnnualImportExport: { fact: 'inComprehensiveBondedZone' },
  bringsDomesticGoodsIntoZone: { fact: 'inComprehensiveBondedZone' },
  zoneEntryGoodsSubjectToExportDuty: { fact: 'bringsDomesticGoodsIntoZone' },
  zoneEntryGoodsNeedTradeControlDocuments: { fact: 'bringsDomesticGoodsIntoZone' },
  zoneEntryGoodsClaimExportRefund: { fact: 'bringsDomesticGoodsIntoZone' },
  zoneEntryGoodsInCustomsStatistics: { fact: 'bringsDomesticGoodsIntoZone' },
  bringsRelicsArtworksFromAbroadIntoZone: { fact: 'inComprehensiveBondedZone' },
  importsApprovedVaccinesOrIvdReagents: { fact: 'inComprehensiveBondedZone' },
  importsFoodIntoZoneNeedingTesting: { fact: 'inComprehensiveBondedZone' },
  importsAnimalPlantProductsIntoZone: { fact: 'inComprehensiveBondedZone' },
  // what the enterprise does in the zone
  zoneRepairTestingHighTechHighValue: zoneActivity('bonded-testing', 'global-repair'),
  zoneRepairTestingMeetsEnvironmentalRequirements: zoneActivity('bonded-testing', 'global-repair'),
  highTechHighValueRemanufacturing: zoneActivity('remanufacturing'),
  importsGoodsForInZoneRd: zoneActivity('rd-design'),
  rdGoodsProhibitedFromEntry: { fact: 'importsGoodsForInZoneRd' },
  importsEquipmentForServiceOutsourcing: zoneActivity('service-outsourcing'),
  hasSurplusProductionCapacity: zoneActivity('processing-manufacturing'),
  // special customs supervision zones (第148号、第185号、第200号)
  batchInOutCentralDeclaration: { fact: 'inSpecialCustomsSupervisionZone' },
  bondedGuaranteeExemption: { fact: 'batchInOutCentralDeclaration' },
  lawExcludesGuaranteeExemption: { fact: 'batchInOutCentralDeclaration' },
  missedCentralDeclarationDeadline: { fact: 'batchInOutCentralDeclaration' },
  movesZoneSuppliesAcrossCheckpoint: { fact: 'inSpecialCustomsSupervisionZone' },
  movesOtherCheckpointRegisteredGoods: { fact: 'inSpecialCustomsSupervisionZone' },
  domesticEquipmentWithExportRefundInZone: { fact: 'inSpecialCustomsSupervisionZone' },
  equipmentSupervisionPeriodExpired: { fact: 'domesticEquipmentWithExportRefundInZone' },
  hasSeparatedInspectionArea: { fact: 'inSpecialCustomsSupervisionZone' },
  inspectionAreaFullVideoSurveillance: { fact: 'hasSeparatedInspectionArea' },
  inspectionVideoRetentionMonths: { fact: 'hasSeparatedInspectionArea' },
  inspectionAreaHoldsOnlyTransferGoods: { fact: 'hasSeparatedInspectionArea' },
  // processing trade
  processingTradeSupervision: { fact: 'processingTradeEnterprise' },
  hasEnterpriseUnitAccount: { fact: 'processingTradeEnterprise' },
  centralisedDeepProcessingTransfer: { fact: 'processingTradeEnterprise' },
  switchingProcessingTradeAccounts: { fact: 'processingTradeEnterprise' },
  inGroupProcessingTradeIndustries: { fact: 'processingTradeEnterprise' },
  centralisedDomesticSales: { fact: 'processingTradeEnterprise' },
  // cross-border e-commerce
  cbecExporter: { fact: 'crossBorderEcommerceEnterprise' },
  cbecSeller: { fact: 'crossBorderEcommerceEnterprise' },
  cbecThirdPartyPlatform: { fact: 'crossBorderEcommerceEnterprise' },
  cbecImportSupplyChainLeader: { fact: 'crossBorderEcommerceEnterprise' },
  cbecVerticalPlatformOrIndependentSite: { fact: 'crossBorderEcommerceEnterprise' },
  cbecPaymentFunctionCenterInChongqing: { fact: 'crossBorderEcommerceEnterprise' },
  independentSiteOverseasMarketing: { fact: 'crossBorderEcommerceEnterprise' },
  overseasTrademarkCertificationOrPatent: { fact: 'crossBorderEcommerceEnterprise' },
  cbecBondedImportInZone: { fact: 'crossBorderEcommerceEnterprise' },
  cbecBondedImport1210: { fact: 'crossBorderEcommerceEnterprise' },
  cbecReturnCenterWarehouseEnterprise: { fact: 'crossBorderEcommerceEnterprise' },
  meetsReturnCenterWarehouseConditions: { fact: 'cbecReturnCenterWarehouseEnterprise' },
  meetsCbecReturnExemptionConditions: { fact: 'crossBorderEcommerceEnterprise' },
  meetsCbecIncomeTaxDeemedConditions: { fact: 'crossBorderEcommerceEnterprise' },
  cbecReturnReimportDate: { fact: 'crossBorderEcommerceEnterprise' },
  ratedDigitalCommerceOrEcommerceDemoEnterprise: { fact: 'crossBorderEcommerceEnterprise' },
  individualTradeOperatorInCbec: { fact: 'crossBorderEcommerceEnterprise' },
  inCbecComprehensivePilotZone: { fact: 'crossBorderEcommerceEnterprise' },
  // foreign investment
  recognizedForeignRdCenter: { fact: 'foreignInvested' },
  recognizedForeignHeadquarters: { fact: 'foreignInvested' },
  keyForeignInvestmentProject: { fact: 'foreignInvested' },
  fieReinvestmentEnterprise: { fact: 'foreignInvested' },
  fieEntrustedLoanToDomesticAffiliate: { fact: 'foreignInvested' },
  fieBorrowsForeignDebt: { fact: 'foreignInvested' },
  fdiProjectNewOrCapitalIncrease: { fact: 'foreignInvested' },
  fdiAnnualCapitalInPlaceUsd: { fact: 'fdiProjectNewOrCapitalIncrease' },
  fdiProjectRealEstateOrFinance: { fact: 'fdiProjectNewOrCapitalIncrease' },
  fdiManufacturingProject: { fact: 'fdiProjectNewOrCapitalIncrease' },
  encouragedForeignInvestmentProject: { fact: 'foreignInvested' },
  landPaidByForeignExchangeSettlement: { fact: 'foreignInvested' },
  landPriceDueDate: { fact: 'landPaidByForeignExchangeSettlement' },
  landPricePaidDate: { fact: 'landPaidByForeignExchangeSettlement' },
  lateLandPaymentNotEnterpriseFault: { fact: 'landPaidByForeignExchangeSettlement' },
  businessInForeignInvestmentNegativeList: { fact: 'foreignInvested' },
  // a domestic investment project
  // … or a foreign-invested one (鼓励类项目 equipment: 《国家鼓励发展的内外资项目确认书》)
  holdsEncouragedProjectConfirmation: situation('domestic-investment-project', 'foreign-invested'),
  importsOwnUseEquipmentWithinTotalInvestment: situation('domestic-investment-project', 'foreign-invested'),
  importedGoodsInNonExemptCatalogues: situation('domestic-investment-project', 'foreign-invested'),
  encouragedProjectConfirmationDate: { fact: 'holdsEncouragedProjectConfirmation' },
  projectInEncouragedCategory2024: { fact: 'domesticInvestmentProject' },
  projectInEncouragedCategory2019: { fact: 'domesticInvestmentProject' },
  projectApprovalDate: { fact: 'domesticInvestmentProject' },
  projectUnderConstruction: { fact: 'domesticInvestmentProject' },
  projectEquipmentAlreadyTaxed: { fact: 'domesticInvestmentProject' },
  // transport
  containerTruckClass: situation('container-trucks'),
  specificEtcInstalled: { fact: 'containerTruckClass' },
  // The carrier (进出境铁路运输工具负责人) carries others' goods: a transport (logistics) enterprise, or one that
  // runs international through rail (中欧班列), whether or not the goods are its own.
  railCarrierResponsiblePerson: situation('logistics', 'international-rail'),
  fastClearanceManifestChangeConditionsMet: { fact: 'railCarrierResponsiblePerson' },
  inspectedWithoutIssueAtCqRailwayPort: { fact: 'shipsByInternationalRail' },
  // 市级物流重点项目生产性用房（厂房和仓储）: a construction project, whoever builds it.
  municipalKeyLogisticsProject: matter('construction-project'),
  productionBuildingFactoryOrWarehouse: matter('construction-project'),
  // an advance ruling held
  advanceRulingExpiryDate: { fact: 'holdsAdvanceRuling' },
  advanceRulingContentUnchanged: { fact: 'holdsAdvanceRuling' },
  advanceRulingLapsedOrRevoked: { fact: 'holdsAdvanceRuling' },
  applicantIdentityChangedSinceRuling: { fact: 'holdsAdvanceRuling' },
  advanceRulingSupersededByRules: { fact: 'holdsAdvanceRuling' },
  // an electronic port registration under way
  eportApplicationMatchesLicence: { fact: 'electronicPortUser', is: false },
  // a government service under way
  certificateOnCommitmentList: { fact: 'applyingForGovernmentService' },
  applicationNeedsSupplement: { fact: 'applyingForGovernmentService' },
  hasElectronicDocuments: { fact: 'applyingForGovernmentService' },
  // matters under way
  applicationMaterialsComplete: matter('starting-business'),
  registrationMaterialsCommitment: matter('starting-business', 'registration-change'),
  registeringDomicileOrPremises: matter('starting-business', 'registration-change'),
  domicileCommitmentMade: matter('starting-business', 'registration-change'),
  registrationSimplificationExcludedByLaw: matter('starting-business', 'registration-change'),
  // 增加经营场所登记 instead of a branch: a registration the enterprise makes when it starts or changes its registration.
  operatesOutsideDomicile: matter('starting-business', 'registration-change'),
  premisesInSameDistrict: { fact: 'operatesOutsideDomicile' },
  neverOperated: matter('deregistration'),
  noDebtsOrClaims: matter('deregistration'),
  holdsValidLicences: { fact: 'relocatedDomicile' },
  licenceReissueRequiredByLaw: { fact: 'relocatedDomicile' },
  smallLowRiskProject: matter('construction-project'),
  inZoneWithRegionalAssessment: matter('construction-project'),
  filedLawsuitOnline: matter('litigation'),
  commissionedForensicAppraisal: matter('litigation'),
  appraisalTimeLimitAgreed: { fact: 'commissionedForensicAppraisal' },
  partyToCourtEnforcementCase: matter('litigation'),
  abnormalTaxpayerStatus: { fact: 'inBankruptcyProceedings' },
};

export const situationFactDeclarations = {
  situations: fact.enumList(situationKinds, {
    zh: '以下哪些情况符合贵企业（可多选；未选的视为不符合）',
    en: 'which of these describe the enterprise (tick all that apply; an unticked one is taken as no)',
    valueWords: situationWords,
  }),
  pendingMatters: fact.enumList(pendingMatterKinds, {
    zh: '贵企业正在办理、即将办理或刚办理过以下哪些事项（可多选；未选的视为没有）',
    en: 'which of these matters the enterprise has under way, is about to start or has just done (tick all that apply; an unticked one is taken as none)',
    valueWords: pendingMatterWords,
  }),
};
