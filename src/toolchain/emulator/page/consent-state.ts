// Consent mode state of a page: a default and an update value per consent type; the update
// wins. A type with no state counts as granted (GTM's isConsentGranted and addConsentListener
// both say so), so a listener only fires when a type's granted-ness really flips.

export type ConsentValue = 'granted' | 'denied';
export type ConsentListener = (consentType: string, granted: boolean) => void;

export class ConsentState {
  private readonly defaults = new Map<string, ConsentValue>();
  private readonly updates = new Map<string, ConsentValue>();
  private readonly listeners: { consentType: string; listener: ConsentListener }[] = [];

  constructor(initialDefaults: Record<string, ConsentValue> = {}) {
    for (const [type, value] of Object.entries(initialDefaults)) this.defaults.set(type, value);
  }

  get(consentType: string): ConsentValue | undefined {
    return this.updates.get(consentType) ?? this.defaults.get(consentType);
  }

  isGranted(consentType: string): boolean {
    return this.get(consentType) !== 'denied';
  }

  addListener(consentType: string, listener: ConsentListener): void {
    this.listeners.push({ consentType, listener });
  }

  setDefault(settings: Record<string, unknown>): void {
    this.apply(this.defaults, settings);
  }

  update(settings: Record<string, unknown>): void {
    this.apply(this.updates, settings);
  }

  private apply(target: Map<string, ConsentValue>, settings: Record<string, unknown>): void {
    const changed: string[] = [];
    for (const [type, value] of Object.entries(settings)) {
      if (value !== 'granted' && value !== 'denied') continue; // region, wait_for_update …
      const before = this.isGranted(type);
      target.set(type, value);
      if (this.isGranted(type) !== before) changed.push(type);
    }
    for (const type of changed) {
      for (const { consentType, listener } of this.listeners.slice()) {
        if (consentType === type) listener(type, this.isGranted(type));
      }
    }
  }
}
