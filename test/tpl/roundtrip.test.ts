import { describe, expect, it } from 'vitest';
import { GALLERY_TERMS_OF_SERVICE } from '../../src/toolchain/tpl';
import type { TemplateModel } from '../../src/toolchain/tpl/model';
import { failing } from '../../src/toolchain/diagnostics/diagnostic';
import { readTemplate } from '../../src/toolchain/tpl/read';
import { renderTemplate, writeTemplate } from '../../src/toolchain/tpl/write';
import { fixture, fixtureNames } from './fixtures';

describe('round trip of GTM-shaped templates', () => {
  it('covers a tag, a variable, a server template and vendor details', () => {
    expect(fixtureNames().sort()).toEqual(['consent-vendor.tpl', 'identify-tag.tpl', 'server-variable.tpl', 'trait-variable.tpl']);
  });

  for (const name of fixtureNames()) {
    it(`${name} reads without errors and writes back byte for byte`, () => {
      const text = fixture(name);
      const { model, problems } = readTemplate(text);
      expect(failing(problems)).toEqual([]);
      expect(writeTemplate(model)).toBe(text);
    });

    it(`${name} is already in GTM's canonical format (no source text reused)`, () => {
      const text = fixture(name);
      const { model } = readTemplate(text);
      const result = renderTemplate(model, { keepSource: false });
      expect(result.text).toBe(text);
      expect(renderTemplate(model)).toMatchObject({ keptText: [], keptFraming: [], keptOrder: false });
    });
  }

  it('a CRLF copy of a template round-trips with CRLF line endings', () => {
    const text = fixture('identify-tag.tpl').replace(/\n/g, '\r\n');
    const { model, problems } = readTemplate(text);
    expect(failing(problems)).toEqual([]);
    expect(model.lineEnding).toBe('\r\n');
    expect(model.code).not.toContain('\r');
    expect(model.tests?.setup).toBe("const calls = [];\nconst mockData = {userId: 'u1', action: 'identify', traits: [{key: 'plan', value: 'pro'}]};");
    expect(writeTemplate(model)).toBe(text);
  });

  it('a template without BOM stays without BOM and one with BOM keeps it', () => {
    const withBom = fixture('identify-tag.tpl');
    const withoutBom = fixture('trait-variable.tpl');
    expect(withBom.startsWith('\uFEFF')).toBe(true);
    expect(withoutBom.startsWith('\uFEFF')).toBe(false);
    expect(readTemplate(withBom).model.bom).toBe(true);
    expect(readTemplate(withoutBom).model.bom).toBe(false);
    expect(writeTemplate({ ...readTemplate(withoutBom).model, bom: true })).toBe('\uFEFF' + withoutBom);
  });

  it('a model built in code writes the same bytes as the GTM-shaped fixture', () => {
    const model: TemplateModel = {
      termsOfService: GALLERY_TERMS_OF_SERVICE,
      info: {
        type: 'TAG',
        id: 'cvt_temp_public_id',
        version: 1,
        securityGroups: [],
        displayName: 'Consent banner',
        brand: { id: 'brand_dummy', displayName: '', thumbnail: '' },
        description: 'Shows a banner.',
        containerContexts: ['WEB'],
      },
      vendorDetails: {
        vendorName: 'Example Consent',
        homepageUrl: 'https://consent.example.com/',
        freeTrial: true,
        price: 0,
        countries: ['DE', 'FR'],
        screenshots: [],
      },
      parameters: [],
      code: "const readTitle = require('readTitle');\nreadTitle();\ndata.gtmOnSuccess();",
      codeSection: 'web',
      permissions: [{ publicId: 'read_title', versionId: '1', params: {}, isRequired: true }],
      tests: { scenarios: [] },
      notes: 'Created on 4. 5. 2025, 06:07:08',
      bom: false,
    };
    expect(writeTemplate(model)).toBe(fixture('consent-vendor.tpl'));
  });
});
