// `npm run demo`: the dealer demo site on 127.0.0.1 (PORT, or a free port), printed at start.
import { startDemo } from '../src/demo/server';

const port = process.env.PORT ? Number(process.env.PORT) : 0;
const demo = await startDemo({ root: process.cwd(), port });
console.log(`Dealer demo: ${demo.url}/  (Ctrl+C stops it)`);
console.log(`  ${demo.url}/?via=bridge        the dataLayer bridge instead of the container preview`);
console.log(`  ${demo.url}/?consent=denied    start with analytics_storage denied`);
console.log(`  ${demo.url}/?fail=gist         Gist's script answers 404`);
