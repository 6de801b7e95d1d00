import { describe, expect, it } from 'vitest';
import {
  allRegions,
  citiesOf,
  cityCodeOf,
  countiesOf,
  fullRegionName,
  isKnownRegion,
  isWithin,
  provinceCodeOf,
  regionByCode,
} from './regions.ts';

describe('flattening the 2023 division table', () => {
  it('gives 6-digit codes only, each once', () => {
    const rows = allRegions();
    expect(rows.length).toBeGreaterThan(3000);
    expect(rows.every((r) => /^\d{6}$/.test(r.code))).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it('links every row but provinces to an existing parent one level up', () => {
    const up = { province: null, city: 'province', county: 'city' } as const;
    for (const r of allRegions()) {
      if (r.level === 'province') expect(r.parentCode).toBeNull();
      else expect(regionByCode(r.parentCode!)?.level).toBe(up[r.level]);
    }
  });

  it.each([
    ['140000', '山西省', 'province', null],
    ['140300', '阳泉市', 'city', '140000'],
    ['140302', '城区', 'county', '140300'],
    ['140900', '忻州市', 'city', '140000'],
    ['141100', '吕梁市', 'city', '140000'],
    ['141121', '文水县', 'county', '141100'],
    ['371700', '菏泽市', 'city', '370000'],
    ['231200', '绥化市', 'city', '230000'],
    ['110100', '市辖区', 'city', '110000'],
    ['110105', '朝阳区', 'county', '110100'],
    ['441900', '东莞市', 'city', '440000'],
  ] as const)('%s is %s (%s)', (code, name, level, parent) => {
    expect(regionByCode(code)).toEqual({ code, name, level, parentCode: parent });
  });

  it('leaves out the 9-digit towns of cities without counties', () => {
    expect(countiesOf('441900')).toEqual([]);
    expect(regionByCode('441900003')).toBeUndefined();
  });
});

describe('cityCodeOf', () => {
  it.each([
    ['141121', '141100'], // county → city
    ['140302', '140300'],
    ['140300', '140300'], // city → itself
    ['110105', '110100'], // municipality district → 市辖区
    ['140399', '140300'], // retired/unknown county → its prefix city
    ['140000', undefined], // province has no city
    ['149999', undefined],
    ['abc', undefined],
  ])('%s → %s', (code, city) => expect(cityCodeOf(code)).toBe(city));
});

describe('isWithin', () => {
  it.each([
    ['141121', '141100', true],
    ['141121', '140000', true],
    ['141121', '141121', true],
    ['141121', '140300', false],
    ['140300', '141121', false], // a city is not within its county
    ['140302', '140300', true],
    ['371721', '370000', true],
    ['371721', '140000', false],
    ['140399', '140300', true], // retired code still within by prefix
    ['140300', '140300', true],
    ['14030', '140300', false],
  ] as const)('%s within %s → %s', (code, scope, ok) => expect(isWithin(code, scope)).toBe(ok));
});

describe('countiesOf and the seed cities', () => {
  it('lists Yangquan’s five districts and counties', () => {
    expect(countiesOf('140300').map((r) => r.name)).toEqual(['城区', '矿区', '郊区', '平定县', '盂县']);
  });

  it.each(['140300', '140900', '141100', '371700', '231200'])('seed city %s has counties', (code) => {
    expect(countiesOf(code).length).toBeGreaterThan(3);
    expect(countiesOf(code).every((r) => cityCodeOf(r.code) === code)).toBe(true);
  });

  it('lists Wenshui under Lüliang', () => {
    expect(countiesOf('141100').map((r) => r.code)).toContain('141121');
  });

  it('lists cities of a province', () => {
    expect(citiesOf('140000').map((r) => r.code)).toContain('140300');
  });
});

describe('helpers', () => {
  it('isKnownRegion', () => {
    expect(isKnownRegion('141121')).toBe(true);
    expect(isKnownRegion('140399')).toBe(false);
  });
  it('provinceCodeOf', () => {
    expect(provinceCodeOf('231202')).toBe('230000');
    expect(provinceCodeOf('990101')).toBeUndefined();
  });
  it.each([
    ['141121', '山西省吕梁市文水县'],
    ['110105', '北京市朝阳区'],
    ['371700', '山东省菏泽市'],
  ])('fullRegionName(%s) → %s', (code, name) => expect(fullRegionName(code)).toBe(name));
});
