// localStorage (strings, access_local_storage per key) and templateStorage (references kept
// for the page's lifetime, per template, access_template_storage).
import { makeString } from '../../../sandbox/lang';
import type { ApiFactory } from './context';

const localStorage: ApiFactory = ({ page, permissions }) => ({
  getItem(key: string): string | null {
    permissions.enforce('access_local_storage', 'read', key);
    return page.localStorage?.getItem(key) ?? null;
  },
  /** false when the browser refuses (no storage, quota). */
  setItem(key: string, value: unknown): boolean {
    permissions.enforce('access_local_storage', 'write', key);
    try {
      if (!page.localStorage) return false;
      page.localStorage.setItem(key, makeString(value));
      return true;
    } catch {
      return false;
    }
  },
  removeItem(key: string): void {
    permissions.enforce('access_local_storage', 'write', key);
    page.localStorage?.removeItem(key);
  },
});

const templateStorage: ApiFactory = ({ page, permissions, templateId }) => {
  const items = () => {
    permissions.enforce('access_template_storage');
    return page.templateStorage(templateId);
  };
  return {
    getItem: (key: string): unknown => items().get(key),
    setItem: (key: string, value: unknown): void => {
      items().set(key, value);
    },
    removeItem: (key: string): void => {
      items().delete(key);
    },
    clear: (): void => {
      items().clear();
    },
  };
};

export const STORAGE_APIS: Record<string, ApiFactory> = { localStorage, templateStorage };
