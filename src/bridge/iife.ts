// The entry of dist/identify-bridge.min.js, the snippet: the engine is loaded next to it when
// the first message a rule may match arrives (loader.ts).
import { scriptLoader } from './loader';
import { installOnPage } from './page';

const current = document.currentScript as HTMLScriptElement | null;
installOnPage({ load: scriptLoader(window, current ? current.src : undefined) });
