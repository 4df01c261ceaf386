// The self-check and batch pages' own words, zh and en. Fact labels, rule titles, outcomes and citations
// come from the catalog and the rules; the result groups' words from src/report/groups.ts (groupWords), the report's from
// src/report/client-report.ts.
import { LIMITS } from '../../io/limits.ts';

export const pageWords = {
  zh: {
    lang: 'zh', skip: '跳到正文', title: '惠企政策自查', tagline: '填写几项基本信息，逐步回答最关键的问题，即可查看适用的政策措施及其依据。',
    otherLang: 'English', otherLangLabel: '切换语言', basics: '第一步：企业基本信息', name: '企业名称', uscc: '统一社会信用代码',
    usccHint: '18位，数字和大写字母（不含 I、O、S、V、Z），最后一位为校验码', province: '所在省份', credit: '海关信用等级',
    unknown: '不清楚', choose: '请选择', start: '开始自查', update: '更新基本信息', yes: '是', no: '否', dontKnow: '不清楚',
    questions: '需要回答的问题（最关键的在前）',
    questionsHint: '留空表示暂不回答。', decides: (n: number) => `可确定 ${n} 项措施`, next: '提交并继续', noQuestions: '目前没有需要回答的问题。', askSkipped: (n: number) => `重新回答跳过的 ${n} 个问题`,
    incident: '违规行为主动披露（海关总署公告2023年第127号）',
    incidentHint: '如企业发现自身违反海关规定的行为并已（或拟）主动向海关披露，请填写此事项；未知的项目可以留空。',
    incidentId: '事项编号', addIncident: '提交事项', incidentResult: (id: string) => `事项 ${id} 的结果`,
    results: '自查结果', asOf: '评估日期', outcome: '结果', source: '依据', none: '无', gap: '还差什么', actions: '可采取的行动', confirmations: '需确认的事实', deadlines: '期限', lost: '逾期后不再适用',
    save: '保存与下载', downloadProfile: '保存企业信息', downloadReport: '下载完整报告', downloadReportText: '下载纯文本报告', download: '下载',
    saveHint: '保存已填写的企业信息到文件，以后可在下方上传继续填写。', reportHint: '完整报告含所有结果、依据原文和“还差什么”。',
    upload: '上传已保存的企业信息继续自查', uploadFile: '已保存的企业信息文件', uploadButton: '上传继续填写', print: '打印本页只打印适用的措施、下一步和待回答的问题；其余内容见完整报告。',
    ruleId: '规则编号', rightBadge: '权利', moreQuestions: (n: number) => `另有 ${n} 个问题`, incidentResults: '事项的结果', enterpriseResults: '企业的结果',
    addToCalendar: '加入日历', calendarNote: '下载适用和待确认措施的期限（.ics 日历文件，提前7天提醒），可导入 Outlook、苹果或谷歌日历。',
    errors: '请更正以下问题：', invalidState: '页面数据无效，请重新开始。', restart: '重新开始',
    tooDeep: `企业信息的嵌套超过 ${LIMITS.nestingDepth} 层（上限 ${LIMITS.nestingDepth} 层：对象和列表的层层嵌套），无法读取。`,
    usccOk: '校验码正确', usccBad: (msg: string) => `统一社会信用代码无效：${msg}`,
    screenTitle: '批量筛查', screenIntro: '上传企业名单（CSV、XLSX 或 JSONL，每行一家企业），下载逐行筛查结果（与 huiqi screen 相同的列和规则）。',
    screenFile: '企业名单文件', screenButton: '上传并筛查', screenProgress: '处理进度', screenDone: '完成，可下载结果：', screenDownload: '下载结果',
    screenBadRows: '有错误的行', selfCheck: '企业自查', batch: '批量筛查（报关企业）', received: (n: string) => `已接收 ${n}`,
    screenFailed: '筛查失败', row: '第', rowSuffix: '行',
    screenFormat: '结果格式', screenCsv: 'CSV（Excel 可直接打开）', screenXlsx: 'Excel 工作簿（.xlsx）',
    screenPrevious: '上次的筛查结果（可选：比对每家企业新增和失去的措施及原因）', screenChanged: '有变化的企业',
    screenNoMatch: '上次的筛查结果与本名单没有一行对得上（按统一社会信用代码或企业名称）：是否是另一份名单的结果？',
  },
  en: {
    lang: 'en', skip: 'Skip to the content', title: 'Trade-policy benefits self-check', tagline: 'Give a few basic facts, answer the most decisive questions step by step, and see which measures apply and why.',
    otherLang: '中文', otherLangLabel: 'Language', basics: 'Step 1: the enterprise', name: 'Enterprise name', uscc: 'Unified social credit code (统一社会信用代码)',
    usccHint: '18 characters: digits and capital letters (no I, O, S, V, Z); the last is a check character', province: 'Province', credit: 'Customs credit status',
    unknown: 'not sure', choose: 'choose', start: 'Start the self-check', update: 'Update the basics', yes: 'yes', no: 'no', dontKnow: 'not sure',
    questions: 'Questions (the most decisive first)',
    questionsHint: 'Leave a question empty to skip it.', decides: (n: number) => `decides ${n} measure(s)`, next: 'Submit and continue', noQuestions: 'Nothing left to ask for now.', askSkipped: (n: number) => `Take up the ${n} skipped question(s) again`,
    incident: 'Voluntary disclosure of a customs violation (GACC Announcement No. 127 of 2023)',
    incidentHint: 'If the enterprise found a violation of customs rules and has disclosed it (or plans to), describe it here; leave unknown items empty.',
    incidentId: 'Incident id', addIncident: 'Submit the incident', incidentResult: (id: string) => `Result for incident ${id}`,
    results: 'Result', asOf: 'as of', outcome: 'outcome', source: 'source', none: 'none', gap: 'What it would take', actions: 'Actions', confirmations: 'Facts to confirm', deadlines: 'Deadlines', lost: 'lost after that day',
    save: 'Save and download', downloadProfile: 'Save the enterprise details', downloadReport: 'Download the full report', downloadReportText: 'Download the report as plain text', download: 'Download',
    saveHint: 'Saves what you entered to a file; upload it below later to carry on.', reportHint: 'The full report has every result, the quoted texts and "what it would take".',
    upload: 'Upload saved details to continue', uploadFile: 'Saved enterprise details file', uploadButton: 'Upload and continue', print: 'Printing this page prints the measures that apply, the next steps and the open questions; the rest is in the full report.',
    ruleId: 'rule id', rightBadge: 'right', moreQuestions: (n: number) => `${n} more question(s)`, incidentResults: 'Results of the incidents', enterpriseResults: 'Results for the enterprise',
    addToCalendar: 'Add to calendar', calendarNote: 'The deadlines of the measures that apply or are undetermined, as a calendar file (.ics, reminders 7 days ahead) for Outlook, Apple or Google Calendar.',
    errors: 'Please correct:', invalidState: 'The page data is invalid; please start again.', restart: 'Start again',
    tooDeep: `The profile is nested more than ${LIMITS.nestingDepth} levels deep (the limit: ${LIMITS.nestingDepth} levels of objects and lists inside one another); it cannot be read.`,
    usccOk: 'check character correct', usccBad: (msg: string) => `not a valid USCC: ${msg}`,
    screenTitle: 'Batch screening', screenIntro: 'Upload a list of enterprises (CSV, XLSX or JSONL, one per row) and download the screened list (the columns and rules of huiqi screen).',
    screenFile: 'List of enterprises', screenButton: 'Upload and screen', screenProgress: 'Progress', screenDone: 'Done; download the result:', screenDownload: 'Download the result',
    screenBadRows: 'Rows with errors', selfCheck: 'Self-check', batch: 'Batch screening (brokers)', received: (n: string) => `received ${n}`,
    screenFailed: 'Screening failed', row: 'row', rowSuffix: '',
    screenFormat: 'Result format', screenCsv: 'CSV (opens in Excel)', screenXlsx: 'Excel workbook (.xlsx)',
    screenPrevious: 'The previous screening result (optional: what each client gained and lost since, and why)', screenChanged: 'Clients with a change',
    screenNoMatch: 'No row of the previous result matches a row of this list (by USCC or name): is it the result of another list?',
  },
} as const;

export type PageLang = keyof typeof pageWords;
export const pageLang = (value: unknown): PageLang => (value === 'en' ? 'en' : 'zh');
