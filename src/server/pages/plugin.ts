// The browser pages of `huiqi serve`: the self-check (`/`), the batch page (`/screen`), profile and report
// downloads, the profile upload, and the static assets (CSS, enhancement scripts, the Noto Sans SC font).
// A fastify plugin; the server registers @fastify/formbody and @fastify/multipart before it (so does a test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
// The request decorations (req.file, req.isMultipart) of @fastify/multipart, which the server registers.
import type {} from '@fastify/multipart';
import { stringify as toYaml } from 'yaml';
import { decodeText } from '../../io/encoding.ts';
import { parseStructuredText } from '../../io/read.ts';
import { InputError } from '../../io/input-error.ts';
import { parseProfile } from '../../profile/load.ts';
import { messageIn } from '../../profile/messages.ts';
import { packagePath } from '../../io/paths.ts';
import { buildClientReport, clientReportMarkdown } from '../../report/client-report.ts';
import { fontFaceCss, fontFilesDir, fontSubsets } from '../../report/font.ts';
import { clientReportHtml } from '../../report/html.ts';
import type { RuleBase } from '../../engine/rule-base.ts';
import { screenPage } from './screen.ts';
import {
  applyAnswers,
  applyBasics,
  BASIC_FIELDS,
  applyIncident,
  pageStep,
  incidentFormFacts,
  profileOf,
  readState,
  StateError,
  type FieldErrors,
  type FormBody,
  type SelfCheckState,
} from './state.ts';
import { problemPage, selfCheckPage } from './view.ts';
import { pageLang, pageWords, type PageLang } from './words.ts';

export interface PagesOptions {
  rules: RuleBase;
  /** The evaluation date (YYYY-MM-DD); default: the day of each request. */
  asOf?: string;
}

/** A saved profile uploaded to continue: a profile file is a few kB; this leaves room for many incidents. */
export const PROFILE_UPLOAD_LIMIT = 256 * 1024;

const assetsDir = packagePath('src', 'server', 'pages', 'assets');
const asset = (name: string) => readFileSync(join(assetsDir, name), 'utf8');

/** The self-check's script as the build made it (bin/build-assets.js bundles it with the USCC check of src/profile/uscc.ts). */
const builtAssetsDir = packagePath('dist', 'assets');
function builtAsset(name: string): string | undefined {
  try {
    return readFileSync(join(builtAssetsDir, name), 'utf8');
  } catch {
    return undefined; // not built: served as not found, and said so
  }
}

/**
 * A profile file's bytes: decoded and parsed as the CLI reads a file (src/io/read.ts: encodings, nesting
 * bounded); JSON by its name or its first character, YAML otherwise.
 */
function parseProfileFile(bytes: Buffer, file: string): unknown {
  const text = decodeText(bytes, file, undefined, () => {});
  const json = /\.json$/i.test(file) || text.trimStart().startsWith('{');
  return parseStructuredText(text, file, json ? 'json' : 'yaml');
}

/** The upload's own messages, in the page's language (a profile's errors come from the profile reader). */
const uploadWords = {
  zh: {
    notMultipart: '请通过页面上的上传表单选择文件再上传。',
    noFile: '没有收到文件，请先选择已保存的企业信息文件。',
    tooLarge: (file: string, kb: number) => `${file}：文件超过 ${kb} kB；企业信息文件通常只有几 kB。`,
  },
  en: {
    notMultipart: 'expected a multipart/form-data upload with a file field "profile"',
    noFile: 'no file uploaded (field "profile")',
    tooLarge: (file: string, kb: number) => `${file}: larger than ${kb} kB; a profile is a few kB`,
  },
} as const;

/** What a page says of a posted state it cannot take. */
const stateProblem = (lang: PageLang, e: StateError) => (e.tooDeep ? pageWords[lang].tooDeep : pageWords[lang].invalidState);

const today = () => new Date().toISOString().slice(0, 10);
const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(body);

/** A file name from the enterprise name: letters, digits and CJK kept, the rest dropped. */
const fileStem = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'profile';
const attachment = (reply: FastifyReply, file: string) =>
  reply.header('content-disposition', `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file)}`);

export const pagesPlugin: FastifyPluginAsync<PagesOptions> = async (app, opts) => {
  const { rules } = opts;
  const incidentFacts = incidentFormFacts(rules);
  const asOf = () => opts.asOf ?? today();
  const css = `${fontFaceCss('/assets/fonts/')}\n${asset('app.css')}`;
  const selfCheck = builtAsset('self-check.js');
  const scripts: Record<string, string> = { 'screen.js': asset('screen.js'), ...(selfCheck !== undefined && { 'self-check.js': selfCheck }) };
  const fonts = new Set(fontSubsets().map((s) => s.file));

  async function render(reply: FastifyReply, lang: PageLang, state: SelfCheckState, errors: FieldErrors = {}, after?: 'incident', typed?: Record<string, string>) {
    const profile = profileOf(state.data, rules);
    const ev = profile ? await pageStep(profile, rules, asOf(), state.skipped) : undefined;
    return html(
      reply,
      Object.keys(errors).length ? 422 : 200,
      selfCheckPage({ lang, state, errors, ev, asOf: asOf(), incidentFacts, ...(after && { after }), ...(typed && { typed }) }),
    );
  }

  app.get<{ Querystring: { lang?: string } }>('/', async (req, reply) => render(reply, pageLang(req.query.lang), { data: {}, skipped: [] }));

  app.post<{ Body: FormBody }>('/', async (req, reply) => {
    const body = req.body ?? {};
    const lang = pageLang(body.lang);
    let state: SelfCheckState;
    try {
      state = readState(body);
    } catch (e) {
      if (e instanceof StateError) return html(reply, 400, problemPage(lang, stateProblem(lang, e)));
      throw e;
    }
    const step = body.step;
    const apply =
      step === 'basics'
        ? applyBasics
        : step === 'answers'
          ? applyAnswers
          : step === 'incident'
            ? (s: SelfCheckState, b: FormBody, r: RuleBase) => applyIncident(s, b, incidentFacts, r)
            : undefined;
    if (!apply) return render(reply, lang, state);
    try {
      const { state: next, errors } = apply(state, body, rules);
      const typed = step === 'basics' ? Object.fromEntries(BASIC_FIELDS.map((f) => [f, String(body[f] ?? '').trim()])) : undefined;
      return render(reply, lang, next, errors, step === 'incident' ? 'incident' : undefined, typed);
    } catch (e) {
      if (e instanceof StateError) return html(reply, 400, problemPage(lang, stateProblem(lang, e)));
      throw e;
    }
  });

  /** The profile the posted state holds, or a 400 page when it does not validate. */
  function postedProfile(body: FormBody, reply: FastifyReply) {
    const lang = pageLang(body.lang);
    try {
      const state = readState(body);
      const profile = profileOf(state.data, rules);
      if (profile) return { lang, state, profile };
    } catch (e) {
      if (!(e instanceof StateError)) throw e;
      html(reply, 400, problemPage(lang, stateProblem(lang, e)));
      return undefined;
    }
    html(reply, 400, problemPage(lang, pageWords[lang].invalidState));
    return undefined;
  }

  app.post<{ Body: FormBody }>('/download/profile', async (req, reply) => {
    const posted = postedProfile(req.body ?? {}, reply);
    if (!posted) return reply;
    const json = req.body.format === 'json';
    // The data as entered (what a profile file holds), validated: every CLI command loads it.
    const text = json ? `${JSON.stringify(posted.state.data, null, 2)}\n` : toYaml(posted.state.data);
    attachment(reply, `${fileStem(posted.profile.name)}.${json ? 'json' : 'yaml'}`);
    return reply.type(json ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8').send(text);
  });

  app.post<{ Body: FormBody }>('/download/report', async (req, reply) => {
    const posted = postedProfile(req.body ?? {}, reply);
    if (!posted) return reply;
    const { profile, lang } = posted;
    const results = (await pageStep(profile, rules, asOf(), [])).results;
    const report = buildClientReport({ profile, results, asOf: asOf(), lang, catalog: rules.catalog });
    const markdown = req.body.format === 'markdown';
    attachment(reply, `${fileStem(profile.name)}-report.${markdown ? 'md' : 'html'}`);
    return reply.type(markdown ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8').send(markdown ? clientReportMarkdown(report) : clientReportHtml(report));
  });

  app.post<{ Body: FormBody }>('/download/calendar', async (req, reply) => {
    const posted = postedProfile(req.body ?? {}, reply);
    if (!posted) return reply;
    const { profile, lang } = posted;
    const { calendarText, dueEvents } = await import('../../calendar/calendar.ts');
    const results = (await pageStep(profile, rules, asOf(), [])).results;
    const events = dueEvents(profile, results, asOf(), { lang, catalog: rules.catalog });
    attachment(reply, `${fileStem(profile.name)}-due.ics`);
    return reply.type('text/calendar; charset=utf-8').send(calendarText(events, { lang, remindDays: 7, name: `${pageWords[lang].deadlines}: ${profile.name}` }));
  });

  app.post('/upload', async (req, reply) => {
    let lang: PageLang = 'zh';
    const fail = (message: string) => html(reply, 422, problemPage(lang, message));
    if (!req.isMultipart()) return fail(uploadWords[lang].notMultipart);
    const file = await req.file({ limits: { fileSize: PROFILE_UPLOAD_LIMIT, files: 1 } });
    if (!file) return fail(uploadWords[lang].noFile);
    const langField = file.fields.lang;
    if (langField && !Array.isArray(langField) && langField.type === 'field') lang = pageLang(langField.value);
    const buffer = await file.toBuffer().catch((e: Error & { code?: string }) => {
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') return undefined;
      throw e;
    });
    if (!buffer) return fail(uploadWords[lang].tooLarge(file.filename, PROFILE_UPLOAD_LIMIT / 1024));
    try {
      const data = parseProfileFile(buffer, file.filename);
      parseProfile(data, file.filename); // an InputError naming every bad field
      return render(reply, lang, { data: data as Record<string, unknown>, skipped: [] });
    } catch (e) {
      if (e instanceof InputError) return fail(messageIn(e.message, lang));
      throw e;
    }
  });

  app.get<{ Querystring: { lang?: string } }>('/screen', async (req, reply) => html(reply, 200, screenPage(pageLang(req.query.lang))));

  app.get('/assets/app.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(css));
  app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
    const script = scripts[req.params.name];
    if (script === undefined)
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(req.params.name === 'self-check.js' ? 'not built: run npm run build' : 'not found');
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script);
  });
  app.get<{ Params: { file: string } }>('/assets/fonts/:file', async (req, reply) => {
    // Only the package's own subset files: a name outside that list (../, another file) is not found.
    if (!fonts.has(req.params.file)) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return reply
      .type('font/woff2')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(readFileSync(join(fontFilesDir, req.params.file)));
  });
};
