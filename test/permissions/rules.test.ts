import { describe, expect, it } from 'vitest';
import { WEB_APIS } from '../../src/sandbox/apis';
import { FUNCTION_RULES, MEMBER_RULES } from '../../src/toolchain/permissions/rules';

describe('the permission rules table', () => {
  it('names only function APIs the sandbox has', () => {
    const notFunctions = Object.keys(FUNCTION_RULES).filter((api) => WEB_APIS[api]?.kind !== 'function');
    expect(notFunctions).toEqual([]);
  });

  it('names only members the sandbox object APIs have, and every member of a guarded object', () => {
    for (const [api, members] of Object.entries(MEMBER_RULES)) {
      expect(WEB_APIS[api]?.kind, api).toBe('object');
      expect(Object.keys(members).sort(), api).toEqual([...(WEB_APIS[api].members ?? [])].sort());
    }
  });
});
