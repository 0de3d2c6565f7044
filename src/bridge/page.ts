// What the page's script builds share: window.identifyBridge, started from
// window.identifyBridgeConfig when the page set it before the script (the handle is kept as
// identifyBridge.running). Loading the script twice keeps the first copy.
import type { BridgeConfig } from './config';
import { startBridge, type BridgeHandle, type EngineSource } from './snippet';

export const installOnPage = (source: EngineSource): void => {
  const page = window as unknown as { identifyBridge?: unknown; identifyBridgeConfig?: BridgeConfig };
  if (page.identifyBridge) return;
  const bridge: { start: (config: BridgeConfig) => BridgeHandle; running?: BridgeHandle } = {
    start: (config) => startBridge(config, window, source),
  };
  page.identifyBridge = bridge;
  if (page.identifyBridgeConfig) bridge.running = bridge.start(page.identifyBridgeConfig);
};
