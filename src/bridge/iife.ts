// The entry of dist/identify-bridge.min.js: defines window.identifyBridge and, when the page
// set window.identifyBridgeConfig before loading the script, starts it (the handle is kept as
// identifyBridge.running). Loading the script twice keeps the first copy.
import { start } from './index';
import type { BridgeConfig, BridgeHandle } from './index';

const page = window as unknown as { identifyBridge?: unknown; identifyBridgeConfig?: BridgeConfig };
if (!page.identifyBridge) {
  const bridge: { start: (config: BridgeConfig) => BridgeHandle; running?: BridgeHandle } = {
    start: (config) => start(config, window),
  };
  page.identifyBridge = bridge;
  if (page.identifyBridgeConfig) bridge.running = bridge.start(page.identifyBridgeConfig);
}
