// The demo site's pages: a home page with the sign-in form and the car list, and one page per
// car with its "Get Dealer Details" buttons (tagged with data attributes only; a second,
// untagged button relies on the page's oemname in the data layer). Every page shows the panel.
import type { ContainerExport } from '../toolchain/container-export/model';
import { CARS } from './shared';

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2433;background:#f5f6f8}
header{background:#13294b;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header a{color:#fff}nav a{margin-right:12px}
#settings{background:#e8ecf3;padding:8px 24px;display:flex;gap:18px;flex-wrap:wrap;align-items:center;font-size:13px}
#settings a.active{font-weight:700;text-decoration:none;color:#13294b}
main{display:grid;grid-template-columns:minmax(320px,1fr) minmax(360px,1.2fr);gap:24px;padding:24px}
.card{background:#fff;border-radius:8px;padding:16px 20px;box-shadow:0 1px 3px #0002}
form label{display:block;margin:6px 0}input{width:100%;padding:6px;box-sizing:border-box}
button{background:#d8232a;color:#fff;border:0;border-radius:4px;padding:8px 14px;font-size:15px;cursor:pointer}
button.secondary{background:#5b6b85}
.vendor h3{margin:12px 0 4px;font-size:15px}.vendor ul{margin:0;padding-left:18px;font-size:12px}
.none{color:#889}code{word-break:break-all}
`;

export interface PageOptions {
  title: string;
  body: string;
  container: ContainerExport;
  brand?: string;
}

/** JSON safe inside a <script> element. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function layout(o: PageOptions): string {
  const demoPage = { brand: o.brand, container: o.container };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${o.title} · Dealer demo</title>
<style>${STYLE}</style>
<script>window.demoPage = ${inlineJson(demoPage)};</script>
<script src="/assets/demo.js"></script>
</head><body>
<header><b>AutoHaus demo</b><nav><a href="/">Home</a>${CARS.map((c) => `<a href="/cars/${c.slug}">${c.brand}</a>`).join('')}</nav>
<span id="who"></span><a href="#" id="logout">Log out</a></header>
<div id="settings">
  <span>Runtime: <a href="?via=container" data-via="container">GTM container (template preview)</a> · <a href="?via=bridge" data-via="bridge">dataLayer bridge</a></span>
  <span>Consent (analytics_storage): <b id="consent-state"></b> <button class="secondary" data-consent="granted">Grant</button> <button class="secondary" data-consent="denied">Deny</button></span>
  <button class="secondary" id="clear-log">Clear log</button>
</div>
<main><div>${o.body}</div>
<div class="card"><h2>What each vendor received</h2><div id="received"></div>
<h2>Tags fired (container preview)</h2><ul id="tags"></ul></div></main>
</body></html>
`;
}

export function homePage(container: ContainerExport): string {
  const body = `<div class="card"><h1>Sign in</h1>
<form id="sign-in">
  <label>Customer number <input name="userId" value="C-1042"></label>
  <label>Email <input name="email" value="jane.doe@example.com"></label>
  <label>First name <input name="firstName" value="Jane"></label>
  <label>Plan <input name="plan" value="premium"></label>
  <button type="submit" id="sign-in-button">Sign in</button>
</form></div>
<div class="card"><h2>Our cars</h2><ul>${CARS.map((c) => `<li><a href="/cars/${c.slug}">${c.brand} ${c.model}</a></li>`).join('')}</ul></div>`;
  return layout({ title: 'Home', body, container });
}

export function carPage(container: ContainerExport, slug: string): string | null {
  const car = CARS.find((c) => c.slug === slug);
  if (!car) return null;
  const body = `<div class="card"><h1>${car.brand} ${car.model}</h1>
<p>Ask your nearest ${car.brand} dealer for a test drive.</p>
<button id="dealer-tagged" data-identify-event="get_dealer_details" data-identify-brand="${car.brand}">Get Dealer Details</button></div>
<div class="card"><p>Still deciding? Compare prices at a dealer.</p>
<button id="dealer-text" class="secondary">Get Dealer Details</button></div>`;
  return layout({ title: `${car.brand} ${car.model}`, body, container, brand: car.brand });
}
