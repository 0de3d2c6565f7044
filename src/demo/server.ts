// The demo server (127.0.0.1 only): the dealer pages, the page script and the vendor stand-ins
// bundled with esbuild at start, the bridge bundle, the real analytics.js files from
// node_modules, and the container built in memory from template/template.tpl with demo keys.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { bridgeIifes } from '../bridge/build';
import { containerText } from '../container/build';
import type { ContainerExport } from '../toolchain/container-export/model';
import { carPage, homePage } from './html';
import { DEMO_KEYS, REAL_CLIENTS, VENDORS, vendorOfUrl } from './shared';
import type { StubVendor } from './vendors/stubs';

export interface DemoServer {
  url: string;
  container: ContainerExport;
  close(): Promise<void>;
}

type Asset = { type: string; body: string | Buffer };

const JS = 'text/javascript; charset=utf-8';

async function bundleBrowser(root: string, entry: { path?: string; source?: string }): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'silent',
    ...(entry.path ? { entryPoints: [entry.path] } : { stdin: { contents: entry.source ?? '', resolveDir: join(root, 'src/demo/vendors'), loader: 'ts' } }),
  });
  return result.outputFiles?.[0]?.text ?? '';
}

async function assets(root: string): Promise<{ container: ContainerExport; static: Map<string, Asset>; segmentDir: string }> {
  const template = await readFile(resolve(root, 'template/template.tpl'), 'utf8');
  const built = containerText(template, DEMO_KEYS);
  if (built.problems.length > 0) throw new Error(`the demo container has problems:\n${built.problems.join('\n')}`);
  // Every vendor but those with a real client (Segment's analytics.js); stubs.ts needs a window: not imported here
  const stubs = VENDORS.filter((vendor): vendor is StubVendor => !REAL_CLIENTS.includes(vendor));
  const [bridge, page, ...stubBodies] = await Promise.all([
    bridgeIifes(root),
    bundleBrowser(root, { path: 'src/demo/page/main.ts' }),
    ...stubs.map((vendor) => bundleBrowser(root, { source: `import { STUBS } from './stubs';\nSTUBS.${vendor}();\n` })),
  ]);
  const broken = bridge.find((iife) => iife.text === '');
  if (broken) throw new Error(`the bridge does not build:\n${broken.problems.join('\n')}`);
  // the snippet, its engines and the one-file build, side by side as in dist/
  const files = new Map<string, Asset>([
    ['/assets/demo.js', { type: JS, body: page }],
    ...bridge.map(({ file, text }): [string, Asset] => [file.replace(/^dist\//, '/assets/'), { type: JS, body: text }]),
  ]);
  stubs.forEach((vendor, i) => files.set(`stub:${vendor}`, { type: JS, body: stubBodies[i] }));
  const require = createRequire(join(root, 'package.json'));
  const segmentDir = join(dirname(require.resolve('@segment/analytics-next/package.json')), 'dist/umd');
  return { container: JSON.parse(built.text) as ContainerExport, static: files, segmentDir };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Serves a real analytics.js file: the standalone bundle, or one of its chunks. */
async function segmentFile(dir: string, path: string): Promise<Buffer | null> {
  const standalone = /^\/cdn\/cdn\.segment\.com\/analytics\.js\/v1\/[^/]+\/analytics\.min\.js$/.test(path);
  const chunk = /^\/cdn\/cdn\.segment\.com\/analytics-next\/bundles\/([\w.-]+\.js)$/.exec(path);
  if (!standalone && !chunk) return null;
  try {
    return await readFile(join(dir, standalone ? 'standalone.js' : (chunk as RegExpExecArray)[1]));
  } catch {
    return null;
  }
}

export async function startDemo(options: { root: string; port?: number }): Promise<DemoServer> {
  const { container, static: files, segmentDir } = await assets(options.root);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', homePage(container));
    const car = /^\/cars\/([\w-]+)$/.exec(path);
    if (car) {
      const html = carPage(container, car[1]);
      return html ? send(res, 200, 'text/html; charset=utf-8', html) : send(res, 404, 'text/plain', 'no such car');
    }
    const asset = files.get(path);
    if (asset) return send(res, 200, asset.type, asset.body);
    if (path.startsWith('/cdn/')) {
      // the failing vendor of a scenario: its script route answers 404
      if (url.searchParams.get('down') === '1') return send(res, 404, 'text/plain', 'vendor script down (demo)');
      // /cdn/<host><path> stands for https://<host><path> (shared.ts localScriptUrl)
      const vendor = vendorOfUrl('https://' + path.slice('/cdn/'.length));
      const stub = vendor && files.get(`stub:${vendor}`);
      if (stub) return send(res, 200, JS, stub.body);
      const segment = await segmentFile(segmentDir, path);
      if (segment) return send(res, 200, JS, segment);
    }
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
    return send(res, 404, 'text/plain', 'not found');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    container,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
