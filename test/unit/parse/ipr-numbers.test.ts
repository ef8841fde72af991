import { describe, expect, it } from 'vitest';
import { findIprs } from '../../../src/parse/ipr.js';

const iprs = (text: string) => findIprs({ source: 'body', text }).map((r) => ({
  type: r.type, number: r.registrationNumber, jurisdiction: r.jurisdiction, classes: r.classes, kind: r.patentKind,
}));

describe('registration numbers and the office that issued them', () => {
  it.each([
    ['The PALMETTA mark was registered with the China National Intellectual Property Administration under No. 31122447 in class 21.', { type: 'trademark', number: '31122447', jurisdiction: 'CN', classes: [21] }],
    ['Our mark is registered in Singapore (IPOS) under Reg. No. 40201908765X for class 9.', { type: 'trademark', jurisdiction: 'SG', classes: [9] }],
    ['TIDEMARK is registered with MyIPO as TM2020004567 in class 18.', { type: 'trademark', number: 'TM2020004567', jurisdiction: 'MY', classes: [18] }],
    ['Registration number IDM000912345 (class 30) was granted to us in 2021.', { type: 'trademark', number: 'IDM000912345', jurisdiction: 'ID', classes: [30] }],
    ['Philippine registration No. 4-2021-004411 covers class 25.', { type: 'trademark', number: '4-2021-004411', jurisdiction: 'PH', classes: [25] }],
    ['The EUTM No. 018765432 covers classes 3 and 5.', { type: 'trademark', number: '018765432', jurisdiction: 'EU', classes: [3, 5] }],
    ['We rely on International Registration No. 1456789 under the Madrid Protocol.', { type: 'trademark', number: '1456789', jurisdiction: 'WIPO' }],
    ['本公司“青柚”商标注册号为27654321，核定使用商品第 29 类。', { type: 'trademark', number: '27654321', jurisdiction: 'CN', classes: [29] }],
    ['“山茶”商标（注册号：第9988776号）由商标局核准注册。', { type: 'trademark', number: '9988776', jurisdiction: 'CN' }],
  ])('%s', (text, want) => {
    expect(iprs(text)[0]).toMatchObject(want);
  });

  it('prefers the office named to a country mentioned nearby', () => {
    const text = 'Chinese sellers copy our shirts. The mark is registered with DJKI under registration number IDM000554433.';
    expect(iprs(text)[0]).toMatchObject({ jurisdiction: 'ID' });
  });

  it('leaves out a class the text excludes', () => {
    expect(iprs('商标（第 35 类除外，注册号：第20011223号，核定使用商品第 3 类）')[0]?.classes).toEqual([3]);
    expect(iprs('Registered under No. 20011223 in class 14, except class 35.')[0]?.classes).toEqual([14]);
  });

  it('does not take a street number for a registration', () => {
    expect(iprs('Our shop is at No. 18 Huaihai Road, where we sell the genuine goods.')).toEqual([]);
  });
});

describe('patent numbers', () => {
  it.each([
    ['Lumen Oy owns US Design Patent No. US D945,112 S for the lamp shade.', { number: 'US D945,112 S', jurisdiction: 'US', kind: 'design' }],
    ['The handle is covered by design patent number D876,543.', { number: 'D876,543', jurisdiction: 'US', kind: 'design' }],
    ['U.S. Patent No. 11,234,567, issued by the USPTO, claims the hinge.', { number: '11,234,567', jurisdiction: 'US' }],
    ['我司外观设计专利（专利号为ZL 2021 3 0456789.1）被仿冒。', { jurisdiction: 'CN', kind: 'design' }],
    ['Chinese patent no. 202120987654.3 (utility model) protects the clip.', { number: '202120987654.3', jurisdiction: 'CN', kind: 'utility_model' }],
    ['Paten sederhana IDS000004321 granted by DJKI covers the valve.', { number: 'IDS000004321', jurisdiction: 'ID', kind: 'utility_model' }],
  ])('%s', (text, want) => {
    expect(iprs(text)[0]).toMatchObject({ type: 'patent', ...want });
  });
});
