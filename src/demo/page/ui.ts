// The page's controls: runtime switch, consent buttons, sign-in form, logout link, and the
// panel listing every call each vendor received (and, in container mode, each tag that fired).
import { VENDORS, type DemoSettings, type Received } from '../shared';
import { clearReceived, onReceived, receivedCalls } from './recorder';
import { saveSettings, setSignedInUser, signedInUser } from './settings';

type Win = Window & Record<string, any>;

export interface TagLog {
  tag: string;
  event: string;
  status: string;
  logs?: string[];
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** One line per call: the method and its arguments, short. */
function describe(call: Received): string {
  const args = call.seen === 'network' ? [pick(call.args[0] as Record<string, unknown>, ['userId', 'anonymousId', 'traits'])] : call.args;
  return `${call.method}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
}

function pick(value: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (value?.[key] !== undefined) out[key] = value[key];
  return out;
}

function renderReceived(doc: Document): void {
  const panel = doc.getElementById('received');
  if (!panel) return;
  const calls = receivedCalls();
  panel.innerHTML = VENDORS.map((vendor) => {
    const mine = calls.filter((c) => c.vendor === vendor);
    const rows = mine.map((c) => `<li data-vendor="${vendor}" data-method="${escape(c.method)}"><code>${escape(describe(c))}</code> <small>${c.seen === 'network' ? 'captured request' : 'SDK call'} · via ${c.via}</small></li>`);
    return `<section class="vendor" data-vendor="${vendor}"><h3>${vendor} <small>(${mine.length})</small></h3><ul>${rows.join('') || '<li class="none">nothing yet</li>'}</ul></section>`;
  }).join('');
}

function renderTags(doc: Document, tagLog: TagLog[]): void {
  const list = doc.getElementById('tags');
  if (!list) return;
  list.innerHTML = tagLog.map((t) => `<li><b>${escape(t.tag)}</b> on <code>${escape(t.event)}</code>: ${escape(t.status)}</li>`).join('') || '<li class="none">no tag fired yet</li>';
}

function renderSettings(doc: Document, settings: DemoSettings): void {
  const state = doc.getElementById('consent-state');
  if (state) state.textContent = settings.consent ?? 'not set (granted)';
  for (const link of Array.from(doc.querySelectorAll<HTMLAnchorElement>('[data-via]'))) {
    link.classList.toggle('active', link.dataset.via === settings.via);
  }
  const who = doc.getElementById('who');
  const user = signedInUser();
  if (who) who.textContent = user ? `Signed in as ${user.email}` : 'Not signed in';
}

export function startUi(win: Win, settings: DemoSettings, tagLog: TagLog[]): void {
  const doc = win.document;
  const ready = () => {
    renderSettings(doc, settings);
    renderReceived(doc);
    renderTags(doc, tagLog);
    onReceived(() => renderReceived(doc));
    win.addEventListener('demo:tags', () => renderTags(doc, tagLog));

    for (const button of Array.from(doc.querySelectorAll<HTMLButtonElement>('[data-consent]'))) {
      button.addEventListener('click', () => {
        settings.consent = button.dataset.consent as 'granted' | 'denied';
        saveSettings(settings);
        win.gtag('consent', 'update', { analytics_storage: settings.consent });
        renderSettings(doc, settings);
      });
    }
    doc.getElementById('clear-log')?.addEventListener('click', () => clearReceived());

    doc.getElementById('sign-in')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
      const user = { userId: field('userId'), email: field('email'), traits: { firstName: field('firstName'), plan: field('plan') } };
      setSignedInUser(user);
      win.dataLayer.push({ event: 'user_sign_in', ...user });
      renderSettings(doc, settings);
    });
    doc.getElementById('logout')?.addEventListener('click', (event) => {
      event.preventDefault();
      setSignedInUser(null);
      win.dataLayer.push({ event: 'user_logout', userId: undefined, email: undefined, traits: undefined });
      renderSettings(doc, settings);
    });
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', ready);
  else ready();
}
