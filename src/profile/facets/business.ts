// Enterprise facts for the business domain; see README.md beside this file.
// Most are situations an enterprise can state about itself (a demand it faces, an application it makes),
// because the business-environment regulations (国务院令第722号, 重庆市优化营商环境条例 …) grant rights
// that arise in such situations.
import { fact, type FactDeclaration, type FieldLabel } from '../fields.ts';

/** 企业规模 (《中小企业划型标准规定》): large / medium / small / micro. */
export const enterpriseSizes = ['large', 'medium', 'small', 'micro'] as const;

/** Who owes the enterprise an overdue payment (账款). */
export const overdueDebtorKinds = ['state-organ', 'large-enterprise', 'other'] as const;

const enterpriseSizeWords = {
  large: { zh: '大型', en: 'large' },
  medium: { zh: '中型', en: 'medium' },
  small: { zh: '小型', en: 'small' },
  micro: { zh: '微型', en: 'micro' },
} satisfies Record<(typeof enterpriseSizes)[number], FieldLabel>;

const overdueDebtorWords = {
  'state-organ': { zh: '国家机关、事业单位', en: 'state organ or public institution' },
  'large-enterprise': { zh: '大型企业', en: 'large enterprise' },
  other: { zh: '其他', en: 'other' },
} satisfies Record<(typeof overdueDebtorKinds)[number], FieldLabel>;

export const businessFactDeclarations = {
  // Who the enterprise is
  enterpriseSize: fact.enum(enterpriseSizes, {
    zh: '企业规模',
    en: 'enterprise size',
    valueWords: enterpriseSizeWords,
  }),
  privateEnterprise: fact.boolean({ zh: '民营企业', en: 'a private (non-state) enterprise' }),
  technologyEnterprise: fact.boolean({ zh: '科技型企业', en: 'a technology-based enterprise' }),
  foreignInvested: fact.boolean({ zh: '外商投资企业', en: 'a foreign-invested enterprise' }),
  goodCreditRecord: fact.boolean({ zh: '信用良好', en: 'has a good credit record' }),
  fitsIndustrialPolicyWithMarketPotential: fact.boolean({
    zh: '符合产业政策、有市场发展潜力',
    en: 'fits industrial policy and has market development potential',
  }),
  lodgingOperator: fact.boolean({ zh: '住宿业经营者', en: 'operates a lodging business (hotel, guesthouse …)' }),
  westernEncouragedIndustry: fact.boolean({
    zh: '位于西部地区且主营业务属于《西部地区鼓励类产业目录》',
    en: 'located in the western region, with its main business in the Catalogue of Encouraged Industries in the Western Region',
  }),
  ecommerceTechnologyEnterprise: fact.boolean({
    zh: '电子商务技术等企业',
    en: 'an e-commerce technology (or similar) enterprise',
  }),
  meetsHighTechOrAdvancedServiceCriteria: fact.boolean({
    zh: '符合高新技术企业或技术先进型服务企业认定条件',
    en: 'meets the criteria for a high-tech enterprise or an advanced technology service enterprise',
  }),
  approvedExporter: fact.boolean({
    zh: '经核准出口商',
    en: 'an approved exporter (may make its own declarations of origin)',
  }),
  importsRcepOriginPerishablesOrExpress: fact.boolean({
    zh: '进口RCEP原产易腐货物或快件',
    en: 'imports perishable goods or express consignments originating in RCEP members',
  }),
  submittedCompleteArrivalInformation: fact.boolean({
    zh: '货物已抵达海关监管作业场所且完整提交相关信息',
    en: 'the goods have reached the customs-controlled site and all required information has been submitted',
  }),

  // Market access
  businessInMarketAccessNegativeList: fact.boolean({
    zh: '经营领域属于市场准入负面清单',
    en: 'the business lies in a field on the national market-access negative list',
  }),
  businessInForeignInvestmentNegativeList: fact.boolean({
    zh: '经营领域属于外商投资准入负面清单',
    en: 'the business lies in a field on the foreign-investment access negative list',
  }),

  // Demands the enterprise faces
  apportionmentDemanded: fact.boolean({
    zh: '被要求在法律、法规规定之外提供财力、物力或者人力（摊派）',
    en: 'asked to contribute money, goods or labour beyond what laws and regulations require (apportionment)',
  }),
  associationMembershipMandatedByLaw: fact.boolean({
    zh: '法律、法规规定须加入（或不得退出）该行业协会商会',
    en: 'a law or regulation requires membership of (or forbids leaving) the trade association',
  }),
  compelledToJoinAppraisalActivities: fact.boolean({
    zh: '被强制或者变相强制参加评比、达标、表彰、培训、考核、考试以及类似活动',
    en: 'compelled to take part in ratings, standard-attainment, commendation, training, assessment, exams or the like',
  }),
  appraisalActivityRequiredByLaw: fact.boolean({
    zh: '法律、法规规定须参加该评比、达标、培训等活动',
    en: 'a law or regulation requires taking part in that activity',
  }),
  intermediaryServiceImposed: fact.boolean({
    zh: '被行政机关指定或者强制（变相强制）接受中介服务',
    en: 'an administrative organ designates an intermediary or compels the enterprise to use an intermediary service',
  }),
  intermediaryServiceStatutory: fact.boolean({
    zh: '该中介服务属于法定行政审批中介服务（有法律、法规或者国务院决定依据）',
    en: 'the intermediary service is a statutory approval intermediary service (based on a law, regulation or State Council decision)',
  }),
  agencyCommissionedTechnicalService: fact.boolean({
    zh: '行政机关在行政审批过程中委托中介服务机构开展技术性服务',
    en: 'the approving authority commissioned an intermediary to do technical work during the approval',
  }),
  certificateDemandedOutsideList: fact.boolean({
    zh: '被索要证明事项清单之外的证明',
    en: 'asked for a certificate that is not on the published list of certification items',
  }),
  certificateOnCommitmentList: fact.boolean({
    zh: '所需证明列入证明事项告知承诺制清单',
    en: 'the certificate required is on the notification-and-commitment list',
  }),
  feeDemandedOutsideCatalogue: fact.boolean({
    zh: '被收取政府性基金、涉企行政事业性收费、涉企保证金或政府定价经营服务性收费目录清单之外的收费或保证金',
    en: 'charged a government fund, administrative fee, deposit or government-priced service fee that is not in the published catalogue',
  }),
  portFeeOutsideCatalogue: fact.boolean({
    zh: '口岸经营服务企业在口岸收费目录清单之外收费',
    en: 'a port service operator charges a fee outside the port-fee catalogue',
  }),
  bankImposedProhibitedCreditTerms: fact.boolean({
    zh: '商业银行等金融机构在授信中设置歧视性规定、强制搭售保险理财、强制贷转存、以存款作为贷款前提或其他不合理限制条件',
    en: 'a bank imposes discriminatory credit rules, tied insurance or wealth products, forced loan-to-deposit conversion, deposits as a precondition or other unreasonable conditions',
  }),
  shutdownForStatutoryReasonApproved: fact.boolean({
    zh: '该普遍停产、停业措施涉及人民群众生命安全、发生重特大事故或者举办国家重大活动，并报经有权机关批准',
    en: 'the general shutdown concerns lives, a major accident or a major national event, and a competent authority approved it',
  }),
  suspectsRegulationConflict: fact.boolean({
    zh: '认为地方性法规同行政法规相抵触，或者认为规章同法律、行政法规相抵触',
    en: 'believes a local regulation conflicts with an administrative regulation, or a rule with a law or administrative regulation',
  }),
  generalShutdownOrdered: fact.boolean({
    zh: '所在区域被采取要求相关行业、领域市场主体普遍停产、停业的措施',
    en: 'a measure orders businesses of the sector in the area to stop production or operation generally',
  }),
  requiredToRegisterLocally: fact.boolean({
    zh: '被要求必须在某地登记注册或者设立分公司',
    en: 'required to register in a particular place or to set up a branch there',
  }),
  registrationLocationRequiredByLaw: fact.boolean({
    zh: '法律法规明确规定须在该地登记注册',
    en: 'a law or regulation expressly requires registration in that place',
  }),
  nonLocalHigherRequirements: fact.boolean({
    zh: '作为外地企业在资质认定、业务许可等方面被设定明显高于本地经营者的资质要求、技术要求、检验标准或评审标准',
    en: 'as a non-local enterprise, faces qualification, technical, inspection or review requirements clearly higher than local operators',
  }),
  preServiceSelfTestingDemanded: fact.boolean({
    zh: '在办理政务服务前被要求自行检测、检验、认证、鉴定、公证或者提供证明',
    en: 'required, before a government service is provided, to arrange testing, inspection, certification, appraisal or notarisation, or to supply a certificate',
  }),
  preServiceDemandHasLegalBasis: fact.boolean({
    zh: '该要求有法律法规依据',
    en: 'that requirement has a basis in a law or regulation',
  }),
  tiedPurchaseRequired: fact.boolean({
    zh: '被限定经营、购买、使用特定经营者提供的商品和服务',
    en: 'required to deal in, buy or use the goods or services of a designated operator',
  }),
  participatesInTendering: fact.boolean({
    zh: '参与招标投标或者政府采购活动',
    en: 'takes part in tendering or government procurement',
  }),
  unlawfulTenderRestriction: fact.boolean({
    zh: '招标采购中被违法限定或者指定特定的专利、商标、品牌、零部件、原产地、供应商，被违法设定与项目不相适应的资格、技术、商务条件，或者被违法限定投标人所在地、所有制形式、组织形式或设定其他不合理条件',
    en: 'in the tender, particular patents, trademarks, brands, parts, origins or suppliers were unlawfully required, qualification, technical or commercial conditions unsuited to the project were unlawfully set, or bidders were unlawfully restricted by location, ownership or organisational form or by other unreasonable conditions',
  }),

  // The government and payments
  policyCommitmentChanged: fact.boolean({
    zh: '政府及其部门因国家利益、社会公共利益需要（或法律法规调整）改变向企业作出的政策承诺或合同约定',
    en: 'the government changed a policy commitment or contract with the enterprise for the national or public interest (or a change of law)',
  }),
  lossFromCommitmentChange: fact.boolean({
    zh: '企业因政策承诺、合同约定改变受到损失',
    en: 'the enterprise suffered a loss from that change',
  }),
  overdueDebtor: fact.enum(overdueDebtorKinds, {
    zh: '违约拖欠企业货物、工程、服务等账款的一方',
    en: 'who is in arrears on payments owed to the enterprise',
    valueWords: overdueDebtorWords,
  }),
  forcedNonCashPayment: fact.boolean({
    zh: '国家机关、事业单位强制企业接受商业汇票等非现金支付方式',
    en: 'a state organ or public institution forces the enterprise to accept commercial bills or other non-cash payment',
  }),

  // Registration and deregistration
  startingBusiness: fact.boolean({
    zh: '申请开办企业（营业执照、印章、发票、社保登记、公积金缴存登记等）',
    en: 'applying to start a business (licence, seal, invoices, social-insurance and housing-fund registration)',
  }),
  applicationMaterialsComplete: fact.boolean({
    zh: '申请材料齐全、符合法定形式',
    en: 'the application materials are complete and in the statutory form',
  }),
  // 重庆市优化营商环境条例 第十九条（一）至（三）: registration on commitment
  applyingForMarketEntityRegistration: fact.boolean({
    zh: '向市场监管部门申请市场主体注册登记（设立、变更等）',
    en: 'applying to the market-regulation authority for a market-entity registration (establishment, change …)',
  }),
  registrationMaterialsCommitment: fact.boolean({
    zh: '申请人承诺所提交的申请材料真实、合法、有效',
    en: 'the applicant undertakes that the application materials are true, lawful and valid',
  }),
  registeringDomicileOrPremises: fact.boolean({
    zh: '申请登记住所（经营场所）',
    en: 'the registration concerns the domicile (business premises)',
  }),
  domicileCommitmentMade: fact.boolean({
    zh: '申请人对住所（经营场所）权属关系、法定用途、使用功能等作出符合事实和有关法律规定的承诺',
    en: 'the applicant undertakes, truthfully and lawfully, as to the ownership, statutory use and function of the domicile (premises)',
  }),
  applyingForRegistrationChange: fact.boolean({
    zh: '申请变更股东姓名（名称）、住所、经营范围等登记事项',
    en: "applying to change registered particulars such as shareholders' names, domicile or business scope",
  }),
  registrationSimplificationExcludedByLaw: fact.boolean({
    zh: '法律、行政法规对该登记另有规定（不适用简化措施）',
    en: 'a law or administrative regulation provides otherwise for this registration (the simplification does not apply)',
  }),
  operatesOutsideDomicile: fact.boolean({
    zh: '在住所以外开展经营活动',
    en: 'operates at premises other than its registered domicile',
  }),
  premisesInSameDistrict: fact.boolean({
    zh: '该经营场所属于同一区县（自治县）登记机关管辖',
    en: 'those premises fall under the same district (county) registration authority',
  }),
  relocatedDomicile: fact.boolean({ zh: '企业迁移（变更住所）', en: 'the enterprise moved its domicile' }),
  holdsValidLicences: fact.boolean({ zh: '持有有效许可证件', en: 'holds valid licences or permits' }),
  licenceReissueRequiredByLaw: fact.boolean({
    zh: '法律、法规、规章规定迁移后须重新办理该许可证件',
    en: 'a law, regulation or rule requires those licences to be re-issued after a move',
  }),
  neverOperated: fact.boolean({
    zh: '设立后未开展生产经营活动',
    en: 'has not carried on any business since it was set up',
  }),
  noDebtsOrClaims: fact.boolean({ zh: '无债权债务', en: 'has no claims or debts' }),

  // Government services
  applyingForGovernmentService: fact.boolean({
    zh: '正在办理政务服务事项',
    en: 'is applying for a government service (an administrative approval or public service)',
  }),
  applicationNeedsSupplement: fact.boolean({
    zh: '办理政务服务事项需要补正材料、手续',
    en: 'the application needs further materials or formalities',
  }),
  hasElectronicDocuments: fact.boolean({
    zh: '以符合法律规定的电子证照、电子证明或者加盖电子印章、使用电子签名的电子材料办理',
    en: 'applies with lawful electronic licences or certificates, or electronic materials with an e-seal or e-signature',
  }),
  inZoneWithRegionalAssessment: fact.boolean({
    zh: '项目位于已推行区域评估的开发区、新区或者其他区域',
    en: 'the project lies in a development zone, new area or other area where a regional assessment has been carried out',
  }),
  applyingForLowVoltageConnection: fact.boolean({
    zh: '申请接入低压供电',
    en: 'applying for a low-voltage power connection',
  }),
  majorConstructionProject: fact.boolean({ zh: '重大工程建设项目', en: 'a major construction project' }),
  missingOnlyNonKeyMaterials: fact.boolean({
    zh: '缺少的仅为不影响安全和公共利益的非关键要件',
    en: 'only non-key materials that do not affect safety or the public interest are missing',
  }),
  smallLowRiskProject: fact.boolean({
    zh: '社会投资小型低风险建设项目',
    en: 'a small, low-risk construction project financed by private investment',
  }),

  // Courts, appraisals, bankruptcy
  filedLawsuitOnline: fact.boolean({
    zh: '通过网上立案方式递交诉状',
    en: 'filed a statement of claim through online case filing',
  }),
  commissionedForensicAppraisal: fact.boolean({
    zh: '委托司法鉴定',
    en: 'commissioned a forensic (judicial) appraisal',
  }),
  appraisalTimeLimitAgreed: fact.boolean({
    zh: '与司法鉴定机构约定了鉴定时限',
    en: 'agreed a time limit with the appraisal institution',
  }),
  inBankruptcyProceedings: fact.boolean({ zh: '处于破产程序中', en: 'in bankruptcy proceedings' }),
  abnormalTaxpayerStatus: fact.boolean({
    zh: '被税务机关认定为非正常户',
    en: 'classed by the tax authority as an abnormal taxpayer (非正常户)',
  }),

  // rules-cq1 additions (issue #10)
  enterpriseDepositRequired: fact.boolean({
    zh: '被要求缴纳涉企保证金',
    en: 'required to pay an enterprise-related deposit (涉企保证金)',
  }),
  applyingForConstructionEnterpriseQualification: fact.boolean({
    zh: '申请建筑业企业资质',
    en: 'applying for a construction-enterprise qualification (建筑业企业资质)',
  }),
  buildingNewUrbanCivilBuilding: fact.boolean({
    zh: '在城镇新建民用建筑',
    en: 'constructing a new civil building in an urban area',
  }),
  partyToCourtEnforcementCase: fact.boolean({
    zh: '是人民法院执行案件的当事人',
    en: 'a party to a court enforcement case (执行案件)',
  }),
  // rules-national additions (issue #10)
  // 国务院令第722号 第四十条 (and 重庆条例 第四十五条): a demand for a permit outside the published list.
  licenceRequiredOutsidePublishedList: fact.boolean({
    zh: '被要求办理清单之外的许可',
    en: 'asked to obtain a licence or permit that is not on the published administrative licence list',
  }),
  cancelledLicenceStillDemanded: fact.boolean({
    zh: '被要求办理已取消的行政许可（含变相实施或由行业协会商会等组织实施）',
    en: 'asked to obtain a cancelled licence (openly, in disguise, or through a trade association or other body)',
  }),
  normativeDocumentBurdensEnterprise: fact.boolean({
    zh: '行政规范性文件减损企业合法权益、增加其义务、设置市场准入和退出条件或者干预其正常生产经营活动',
    en: 'an administrative normative document cuts the rights of the enterprise, adds to its duties, sets entry or exit conditions or interferes with its normal business',
  }),
  normativeDocumentBurdenHasLegalBasis: fact.boolean({
    zh: '该规范性文件的要求有法律、法规或者国务院决定和命令依据',
    en: 'that requirement has a basis in a law, a regulation or a State Council decision or order',
  }),
  unpublishedNormativeDocumentApplied: fact.boolean({
    zh: '行政机关以未经公布的涉企行政规范性文件作为行政管理依据',
    en: 'an authority acts on an administrative normative document that was never published',
  }),
} satisfies Record<string, FactDeclaration>;
