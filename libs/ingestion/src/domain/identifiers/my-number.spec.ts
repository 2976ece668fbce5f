import { isValidMyNumber, myNumberCheckDigit } from './my-number.js';

describe('My Number check digit', () => {
  // Worked by hand from the definition. 12345678901: digits from the right P1..P11 = 1,0,9,8,7,6,5,4,3,2,1;
  // weights Q = 2,3,4,5,6,7,2,3,4,5,6 → 2+0+36+40+42+42+10+12+12+10+6 = 212; 212 mod 11 = 3; 11−3 = 8.
  it('computes 8 for 12345678901', () => expect(myNumberCheckDigit('12345678901')).toBe(8));
  // 00000000000 → r = 0 ≤ 1 → 0. 00000000010: P2 = 1, Q2 = 3 → r = 3 → 8.
  it('gives 0 when r ≤ 1', () => expect(myNumberCheckDigit('00000000000')).toBe(0));
  it('weights the second digit from the right by 3', () => expect(myNumberCheckDigit('00000000010')).toBe(8));
  // 10000000000: P11 = 1, Q11 = 6 → r = 6 → 5. 00000100000: P6 = 1, Q6 = 7 → 7 → 4; 00001000000: P7 = 1, Q7 = 2 → 9.
  it('weights the leftmost digit by 6', () => expect(myNumberCheckDigit('10000000000')).toBe(5));
  it('switches weights between the 6th and 7th digit from the right', () => {
    expect(myNumberCheckDigit('00000100000')).toBe(4);
    expect(myNumberCheckDigit('00001000000')).toBe(9);
  });
  it('accepts a number whose 12th digit is right and refuses one whose digit is wrong', () => {
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789017')).toBe(false);
    expect(isValidMyNumber('12345678901')).toBe(false);
    expect(isValidMyNumber('12345678901a')).toBe(false);
  });
});
