/**
 * The My Number's 12th digit is a check digit (行政手続における特定の個人を識別するための番号の利用等に関する
 * 法律施行令 第8条): with P_n the n-th of the first 11 digits counted from the right and Q_n = n+1 for n ≤ 6,
 * n−5 for 7 ≤ n ≤ 11, r = Σ P_n·Q_n mod 11; the check digit is 0 if r ≤ 1, else 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error('expected 11 digits');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isValidMyNumber(value: string): boolean {
  return /^\d{12}$/.test(value) && myNumberCheckDigit(value.slice(0, 11)) === Number(value[11]);
}
