// ISO 4217 codes accepted for deal, product and quote amounts. Amounts are integer minor units;
// every listed currency has two decimals except the ones in zeroDecimalCurrencies.
export const currencyCodes = [
  'EUR',
  'SEK',
  'NOK',
  'DKK',
  'ISK',
  'USD',
  'GBP',
  'CHF',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'CNY',
  'HKD',
  'SGD',
  'INR',
  'KRW',
  'BRL',
  'MXN',
  'ZAR',
  'TRY',
  'AED',
  'SAR',
  'ILS',
  'UAH',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'TWD',
  'CLP',
  'COP',
  'ARS',
  'EGP',
] as const
export type CurrencyCode = (typeof currencyCodes)[number]

export const zeroDecimalCurrencies: readonly string[] = ['ISK', 'JPY', 'KRW', 'CLP']

export function isCurrencyCode(code: string): code is CurrencyCode {
  return (currencyCodes as readonly string[]).includes(code)
}

/** Minor units to a display string in the given locale, e.g. 123450 EUR → "1 234,50 €". */
export function formatMoney(minor: number, currency: string, locale: 'fi' | 'en'): string {
  const digits = zeroDecimalCurrencies.includes(currency) ? 0 : 2
  return new Intl.NumberFormat(locale === 'fi' ? 'fi-FI' : 'en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits)
}
