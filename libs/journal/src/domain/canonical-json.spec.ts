import { CanonicalJsonError, canonicalJson } from './canonical-json.js';

// The examples of RFC 8785 itself: §3.2.2 (serialization), §3.2.3 (sorting), Appendix B (numbers).
describe('RFC 8785 JSON canonicalization', () => {
  it('serializes the example of §3.2.2', () => {
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`);
    expect(canonicalJson(input)).toBe(String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`);
  });

  it('sorts member names by UTF-16 code units (§3.2.3)', () => {
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"
    }`);
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  const ieee = (hex: string) => Buffer.from(hex, 'hex').readDoubleBE(0);
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('prints the IEEE 754 number %s as %s (Appendix B)', (hex, expected) => {
    expect(canonicalJson(ieee(hex))).toBe(expected);
  });

  it('refuses what JSON cannot hold, naming where', () => {
    expect(() => canonicalJson({ a: [1, ieee('7fffffffffffffff')] })).toThrow(new CanonicalJsonError('$.a[1]', 'NaN is not a JSON number'));
    expect(() => canonicalJson({ b: ieee('7ff0000000000000') })).toThrow('$.b: Infinity is not a JSON number');
    expect(() => canonicalJson({ c: 'x\ud800' })).toThrow('$.c: holds a lone UTF-16 surrogate');
    expect(() => canonicalJson({ d: new Date(0) })).toThrow('$.d: a Date is not a JSON value');
    expect(() => canonicalJson({ e: 1n })).toThrow('$.e: a bigint is not a JSON value');
  });
});
