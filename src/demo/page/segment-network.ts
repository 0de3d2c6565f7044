// The real analytics.js (@segment/analytics-next, served from node_modules) runs unchanged; its
// network is captured here: the settings request is answered locally, and every event it sends
// to api.segment.io is recorded instead of leaving the machine.
type Capture = (body: Record<string, unknown>) => void;

export function captureSegmentNetwork(win: Window, capture: Capture): void {
  const original = win.fetch.bind(win);
  win.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const settings = /\/v1\/projects\/([^/]+)\/settings$/.exec(url);
    if (settings) {
      const body = { integrations: { 'Segment.io': { apiKey: settings[1], apiHost: 'api.segment.io/v1' } }, plan: {}, edgeFunction: {} };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    if (/^https:\/\/api\.segment\.io\//.test(url)) {
      try {
        const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
        if (typeof body.type === 'string') capture(body);
      } catch {
        // not an event (metrics): dropped like the rest
      }
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return original(input, init);
  };
}
