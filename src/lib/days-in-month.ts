/** Days in a month, `month` counted 1–12 (February by the year's leap rule). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
