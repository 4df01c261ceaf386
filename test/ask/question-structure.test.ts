// The questions' structure (src/profile/facets/situations.ts): the two checklists answer the family gates,
// a fact's question waits for the situation that opens it, and a skipped checklist leaves its facts to be
// asked one by one. Checked on the one sequence (questionSequence) the page, `ask` and the API use.
import { describe, expect, it } from 'vitest';
import { questionSequence } from '../../src/ask/sequence.ts';
import { enterpriseFactSet } from '../../src/engine/evaluate.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';

const rules = loadRuleSet();
const asOf = '2025-06-30';
const basics = { name: '重庆某某制造有限公司', uscc: '91500106MA60Q2002P', province: 'chongqing', customsCredit: 'registered' };
const facts = async (data: Record<string, unknown>, skipped: string[] = []) =>
  (await questionSequence(rules.parseProfile({ ...basics, ...data }), { rules, asOf, skipped: skipped.map((fact) => ({ fact })) })).questions.map((q) => q.fact);

describe('the situations checklist (企业情况)', () => {
  it('is the first question of an enterprise that has stated only its basics', async () => {
    expect((await facts({}))[0]).toBe('situations');
  });

  it('answers the yes/no facts its items name: ticked yes, unticked no; 出口 or 进口 makes a 对外贸易经营者', () => {
    const set = enterpriseFactSet(rules.parseProfile({ ...basics, situations: ['exports', 'comprehensive-bonded-zone'] }), asOf);
    expect(set).toMatchObject({
      foreignTradeEnterprise: true,
      inComprehensiveBondedZone: true,
      inSpecialCustomsSupervisionZone: true,
      crossBorderEcommerceEnterprise: false,
      processingTradeEnterprise: false,
    });
    const none = enterpriseFactSet(rules.parseProfile({ ...basics, situations: [] }), asOf);
    expect(none).toMatchObject({ foreignTradeEnterprise: false, inComprehensiveBondedZone: false, inSpecialCustomsSupervisionZone: false });
  });

  it('leaves a fact answered on its own as answered, and says nothing before it is answered', () => {
    expect(enterpriseFactSet(rules.parseProfile({ ...basics, situations: [], foreignTradeEnterprise: true }), asOf).foreignTradeEnterprise).toBe(true);
    expect(enterpriseFactSet(rules.parseProfile(basics), asOf).inComprehensiveBondedZone).toBeUndefined();
  });

  it('accepts its items in the words a clerk uses (出口货物, 综合保税区, 注销)', () => {
    expect(rules.parseProfile({ ...basics, situations: ['出口货物', '加工贸易企业'] }).situations).toEqual(['exports', 'processing-trade']);
    // The short words a list cell uses.
    expect(rules.parseProfile({ ...basics, situations: ['综合保税区', '跨境电商'], pendingMatters: ['注销'] })).toMatchObject({
      situations: ['comprehensive-bonded-zone', 'cross-border-ecommerce'],
      pendingMatters: ['deregistration'],
    });
  });

  it('skipped, its facts are asked one by one: the zone question comes back as itself', async () => {
    const asked = await facts({}, ['situations']);
    expect(asked).not.toContain('situations');
    expect(asked).toContain('inComprehensiveBondedZone');
  });
});

describe('a question waits for the situation that opens it', () => {
  it('an enterprise outside a comprehensive bonded zone is asked nothing about zone activities or zone repair', async () => {
    const asked = await facts({ situations: ['exports'], pendingMatters: [] });
    for (const zoneFact of ['bondedZoneActivities', 'zoneRepairTestingHighTechHighValue', 'bondedZoneGeneralTaxpayerPilot', 'processingTradeSupervision'])
      expect(asked).not.toContain(zoneFact);
  });

  it('in a zone, the activities are asked before the repair questions; once repair is among them, the two conditions of 保税检测和全球维修 follow before any other zone question', async () => {
    const zone = await facts({ situations: ['comprehensive-bonded-zone'], pendingMatters: [] });
    expect(zone).toContain('bondedZoneActivities');
    expect(zone).not.toContain('zoneRepairTestingHighTechHighValue');
    const repair = await facts({ situations: ['comprehensive-bonded-zone'], pendingMatters: [], bondedZoneActivities: ['global-repair'] });
    // Before any other zone question (only a general question that settles more, such as 电子口岸, may come between).
    const zoneQuestions = repair.filter((fact) => rules.catalog.definition(fact)?.askedIf);
    expect(zoneQuestions.slice(0, 2).sort()).toEqual(['zoneRepairTestingHighTechHighValue', 'zoneRepairTestingMeetsEnvironmentalRequirements']);
    expect(repair.indexOf('zoneRepairTestingMeetsEnvironmentalRequirements')).toBeLessThan(3);
    const manufacturing = await facts({ situations: ['comprehensive-bonded-zone'], pendingMatters: [], bondedZoneActivities: ['processing-manufacturing'] });
    expect(manufacturing).not.toContain('zoneRepairTestingHighTechHighValue');
  });

  it('the conditions of 简易注销 (未开业、无债权债务) are asked only of an enterprise applying to deregister', async () => {
    const none = await facts({ situations: [], pendingMatters: [] });
    expect(none).not.toContain('neverOperated');
    const deregistering = await facts({ situations: [], pendingMatters: ['deregistration'] });
    expect(deregistering).toContain('neverOperated');
    expect(deregistering).toContain('noDebtsOrClaims');
  });

  it('海关总署公告2023年第178号 第四条 (the carrier amends a manifest): 进出境铁路运输工具负责人 is asked of a logistics or international-rail enterprise only', async () => {
    expect(await facts({ situations: ['exports'], pendingMatters: [] })).not.toContain('railCarrierResponsiblePerson');
    expect(await facts({ situations: ['logistics'], pendingMatters: [] })).toContain('railCarrierResponsiblePerson');
    expect(await facts({ situations: ['international-rail'], pendingMatters: [] })).toContain('railCarrierResponsiblePerson');
  });

  it('重庆市优化营商环境条例第十九条第（四）项 (增加经营场所登记): premises outside the domicile are asked of an enterprise starting or changing its registration only', async () => {
    expect(await facts({ situations: [], pendingMatters: [] })).not.toContain('operatesOutsideDomicile');
    expect(await facts({ situations: [], pendingMatters: ['registration-change'] })).toContain('operatesOutsideDomicile');
    expect(await facts({ situations: [], pendingMatters: ['starting-business'] })).toContain('operatesOutsideDomicile');
  });

  it('湖北综合保税区措施第11条 (试点企业的设备账簿): whether the enterprise is a general-taxpayer pilot enterprise waits until it says it is in a zone', async () => {
    expect(await facts({ province: 'hubei' })).not.toContain('generalTaxpayerPilotEnterprise');
    expect(await facts({ province: 'hubei', situations: ['comprehensive-bonded-zone'], pendingMatters: [] })).toContain('generalTaxpayerPilotEnterprise');
  });

  it('every gate names a fact of the catalog, and a checklist item it has', () => {
    const gated = rules.catalog.all.filter((f) => f.askedIf);
    expect(gated.length).toBeGreaterThan(50);
    for (const f of gated) {
      const opener = rules.catalog.definition(f.askedIf!.fact);
      expect(opener, f.name).toBeDefined();
      for (const value of [f.askedIf!.includes ?? []].flat()) expect(opener!.values, `${f.name} → ${value}`).toContain(value);
    }
  });
});
