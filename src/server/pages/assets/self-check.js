// Progressive enhancement of the self-check: the page works without this file. Here: the 统一社会信用代码
// is checked as it is typed, with the same check-character function as the server (bundled into this
// file by bin/build-assets.js, which `npm run build` runs), and after a submit keyboard focus moves to
// what is new (the heading `#next`: the errors, the new questions or the results).
import { usccCheckCharacter } from '../../../profile/uscc.ts';

if (location.hash === '#next') document.getElementById('next')?.focus();

const zh = document.documentElement.lang.startsWith('zh');
const messages = {
  ok: zh ? '校验码正确' : 'check character correct',
  length: (n) => (zh ? `应为18位，已输入${n}位` : `18 characters needed, ${n} typed`),
  char: (c) => (zh ? `字符“${c}”不允许（数字和除 I、O、S、V、Z 外的大写字母）` : `character "${c}" is not allowed (digits and A–Y without I, O, S, V, Z)`),
  check: (got, want) => (zh ? `校验码为“${got}”，按 GB 32100-2015 应为“${want}”` : `check character is "${got}" but GB 32100-2015 gives "${want}"`),
};
const ALLOWED = /^[0-9ABCDEFGHJKLMNPQRTUWXY]$/;

function problem(code) {
  const bad = [...code].find((c) => !ALLOWED.test(c));
  if (bad !== undefined) return messages.char(bad);
  if (code.length !== 18) return messages.length(code.length);
  const want = usccCheckCharacter(code.slice(0, 17));
  return want === code[17] ? undefined : messages.check(code[17], want);
}

for (const input of document.querySelectorAll('input[data-uscc]')) {
  const live = document.getElementById('uscc-live');
  const show = () => {
    const code = input.value.trim().toUpperCase();
    if (!code) {
      live.textContent = '';
      input.removeAttribute('aria-invalid');
      return;
    }
    const p = problem(code);
    live.textContent = p ?? messages.ok;
    live.className = `live ${p ? 'bad' : 'ok'}`;
    if (p && code.length >= 18) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', show);
  input.form.addEventListener('submit', (e) => {
    const code = input.value.trim().toUpperCase();
    if (code && problem(code)) {
      e.preventDefault();
      show();
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  });
}
