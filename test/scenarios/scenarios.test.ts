import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenarios, type ScenariosResult } from '../../src/toolchain/scenarios/scenarios';
import { FIXTURES, ROOT, positionOf, where } from '../pipeline/fixtures';

const DIR = `${FIXTURES}/scenarios`;
const SETUP = `${DIR}/setup.ts`;
const IDENTIFY = `${DIR}/identify.scenarios.ts`;
const PROBLEMS = `${DIR}/problems.scenarios.ts`;

describe('compileScenarios', () => {
  let result: ScenariosResult;
  beforeAll(async () => {
    result = await compileScenarios({ setup: SETUP, files: [IDENTIFY, PROBLEMS], cwd: ROOT });
  });

  it('turns setup.ts into setup code: exports stripped, test and local imports dropped, sandbox imports required', () => {
    expect(result.setup).toBe([
      "const makeString = require('makeString');",
      'const mockData = { userId: makeString(42), traits: [{ key: "plan", value: "pro" }] };',
      'let identified = [];',
      'function givenAnalyticsStub() {',
      '  mock("callInWindow", (path, id) => {',
      '    identified = [path, id];',
      '  });',
      '}',
    ].join('\n'));
  });

  it('lists the scenarios with literal names in file order', () => {
    expect(result.scenarios.map((s) => s.name)).toEqual([
      'Identify sends the user id',
      'A page call made by the test itself is seen',
      'Uses what the sandbox lacks',
    ]);
  });

  it('takes each body dedented, with require lines for only the sandbox APIs that scenario uses', () => {
    expect(result.scenarios[0].code).toBe([
      'givenAnalyticsStub();',
      'runCode(mockData);',
      'assertThat(identified).isEqualTo(["analytics.identify", "42"]);',
      'assertApi("gtmOnSuccess").wasCalled();',
    ].join('\n'));
    expect(result.scenarios[1].code).toBe([
      "const callPage = require('callInWindow');",
      "const getType = require('getType');",
      'const label = "user ".concat(mockData.userId);',
      'callPage("analytics.identify", label);',
      'assertThat(getType(identified)).isEqualTo("array");',
    ].join('\n'));
  });

  it('reports stray top-level code, non-literal and duplicate names, and gate findings at their TypeScript positions', () => {
    expect(result.diagnostics.map(where)).toEqual([
      where({ rule: 'scenario-top-level', ...positionOf(PROBLEMS, 'const shared') }),
      where({ rule: 'scenario-duplicate', ...positionOf(PROBLEMS, "'Identify sends the user id'") }),
      where({ rule: 'scenario-name', ...positionOf(PROBLEMS, "'Name for ' + shared.userId") }),
      where({ rule: 'no-spread', ...positionOf(PROBLEMS, '...mockData') }),
      where({ rule: 'undeclared', ...positionOf(PROBLEMS, 'notDefinedAnywhere') }),
    ]);
    const duplicate = result.diagnostics.find((d) => d.rule === 'scenario-duplicate');
    const first = positionOf(IDENTIFY, "'Identify sends the user id'");
    expect(duplicate?.message).toBe(`duplicate scenario name 'Identify sends the user id' (first at ${IDENTIFY}:${first.line}:${first.column})`);
  });

  it('counts names declared by the setup as declared in scenarios, and only then', async () => {
    const alone = await compileScenarios({ files: [IDENTIFY], cwd: ROOT });
    expect(alone.setup).toBe('');
    expect(alone.diagnostics.map(where)).toEqual([
      where({ rule: 'undeclared', ...positionOf(IDENTIFY, 'givenAnalyticsStub();') }),
      where({ rule: 'undeclared', ...positionOf(IDENTIFY, 'mockData);') }),
      where({ rule: 'undeclared', ...positionOf(IDENTIFY, 'identified).isEqualTo') }),
      where({ rule: 'undeclared', ...positionOf(IDENTIFY, 'mockData.userId') }),
      where({ rule: 'undeclared', ...positionOf(IDENTIFY, 'identified)).isEqualTo') }),
    ]);
  });
});

describe('compileScenarios with imports the setup also has', () => {
  const SHARED = `${DIR}/shared.scenarios.ts`;

  it('does not require again what the setup requires, and reports a name the setup declares otherwise', async () => {
    const result = await compileScenarios({ setup: SETUP, files: [SHARED], cwd: ROOT });
    expect(result.scenarios.map((s) => s.code)).toEqual([
      'assertThat(makeString(1)).isEqualTo("1");',
      "const mockData = require('getType');\nassertThat(mockData(1)).isEqualTo(\"number\");",
    ]);
    expect(result.diagnostics.map(where)).toEqual([
      where({ rule: 'scenario-import', ...positionOf(SHARED, 'getType as mockData') }),
    ]);
  });
});
