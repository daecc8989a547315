import { z } from 'zod'
import { fieldMessages, type Locale } from './messages'

// Why an import row (or one of its cells) cannot be imported: a stable `code` with the column,
// the field and the value it is about. import_rows stores this shape; the server writes the
// text in the reader's language when it answers (preview, report, failed-rows CSV), the way
// problem+json field issues are localised from the same tables (messages.ts).

export type ImportProblem = {
  code: string
  /** The file's column, when the problem is one cell; absent for the whole row. */
  column?: string
  /** The field the column is mapped to (`email`, `custom.region`) or an API field path. */
  field?: string
  /** The cell's text, or what the problem is about (an owner's email). */
  value?: string
  /** Further numbers or names the text needs (a line, a count, allowed values). */
  params?: Record<string, string | number>
}

/** A problem as the API answers it: the stored facts plus the text in the reader's language. */
export const importProblemSchema = z.object({
  code: z.string().describe('Stable code, e.g. `invalid_email`; switch on this, not the text'),
  column: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
})
export type ImportProblemAnswer = z.infer<typeof importProblemSchema>

type Text = (p: ImportProblem, q: (s: string | number | undefined) => string) => string
const param = (p: ImportProblem, key: string) => p.params?.[key] ?? ''

// Finnish quotes a value ”like this”, English "like this".
const quote: Record<Locale, (s: string | number | undefined) => string> = {
  fi: (s) => `”${s ?? ''}”`,
  en: (s) => `"${s ?? ''}"`,
}

const erasedKinds: Record<Locale, Record<string, string>> = {
  fi: {
    email: 'sähköpostiosoite kuuluu',
    phone: 'puhelinnumero kuuluu',
    'email,phone': 'sähköpostiosoite ja puhelinnumero kuuluvat',
  },
  en: { email: 'email', phone: 'phone', 'email,phone': 'email and phone' },
}

export const importProblemTexts: Record<string, Record<Locale, Text>> = {
  invalid_email: {
    fi: (p, q) => `${q(p.value)} ei ole sähköpostiosoite`,
    en: (p, q) => `${q(p.value)} is not an email address`,
  },
  invalid_phone: {
    fi: (p, q) => `${q(p.value)} ei ole puhelinnumero`,
    en: (p, q) => `${q(p.value)} is not a phone number`,
  },
  invalid_date: {
    fi: (p, q) => `${q(p.value)} ei ole päivämäärä (31.12.2025 tai 2025-12-31)`,
    en: (p, q) => `${q(p.value)} is not a date (31.12.2025 or 2025-12-31)`,
  },
  invalid_lifecycle_stage: {
    fi: (p, q) => `${q(p.value)} ei ole elinkaaren vaihe (${param(p, 'allowed')})`,
    en: (p, q) => `${q(p.value)} is not a lifecycle stage (${param(p, 'allowed')})`,
  },
  invalid_business_id: {
    fi: (p, q) => `${q(p.value)} ei ole kelvollinen Y-tunnus`,
    en: (p, q) => `${q(p.value)} is not a valid business ID (Y-tunnus)`,
  },
  invalid_domain: {
    fi: (p, q) => `${q(p.value)} ei ole verkkotunnus`,
    en: (p, q) => `${q(p.value)} is not a web domain`,
  },
  invalid_tier: {
    fi: (p, q) => `${q(p.value)} ei ole asiakasluokka (${param(p, 'allowed')})`,
    en: (p, q) => `${q(p.value)} is not a tier (${param(p, 'allowed')})`,
  },
  unknown_custom_field: {
    fi: (p, q) => `Lisäkenttää ${q(param(p, 'key'))} ei ole`,
    en: (p, q) => `Custom field ${q(param(p, 'key'))} does not exist`,
  },
  import_unclosed_quote: {
    fi: (p) => `Rivillä ${param(p, 'line')} alkavaa lainausmerkkiä ei ole suljettu`,
    en: (p) => `Quote opened on line ${param(p, 'line')} is never closed`,
  },
  import_too_many_cells: {
    fi: (p) => `Rivillä on ${param(p, 'cells')} solua, mutta otsikkorivillä ${param(p, 'width')}`,
    en: (p) => `Row has ${param(p, 'cells')} cells but the header has ${param(p, 'width')}`,
  },
  import_cell_too_long: {
    fi: (p) => `Solussa ${param(p, 'cell')} on yli ${param(p, 'max')} merkkiä`,
    en: (p) => `Cell ${param(p, 'cell')} is longer than ${param(p, 'max')} characters`,
  },
  import_card_not_ended: {
    fi: () => 'Käyntikortti päättyy kesken (END:VCARD puuttuu)',
    en: () => 'The card has no END:VCARD',
  },
  import_owner_not_member: {
    fi: (p, q) => `${q(p.value)} ei ole tämän työtilan käyttäjä`,
    en: (p, q) => `${q(p.value)} is not a member of this workspace`,
  },
  import_company_name_missing: {
    fi: () => 'Yrityksen nimi puuttuu',
    en: () => 'The company name is empty',
  },
  import_matched_contact_gone: {
    fi: () => 'Löytynyt yhteyshenkilö poistettiin tuonnin aikana',
    en: () => 'The matched contact disappeared',
  },
  import_matched_company_gone: {
    fi: () => 'Löytynyt yritys poistettiin tuonnin aikana',
    en: () => 'The matched company disappeared',
  },
  // The database's own words stay in `detail` (English): they are for whoever debugs it.
  import_not_saved: {
    fi: (p) => `Ei tallennettu: ${param(p, 'detail')}`,
    en: (p) => `Not saved: ${param(p, 'detail')}`,
  },
  import_previously_erased: {
    fi: (p) =>
      `Aiemmin poistettu henkilö: rivin ${erasedKinds.fi[param(p, 'kinds')] ?? param(p, 'kinds')} henkilölle, jonka tiedot on poistettu, joten riviä ei tuotu. Lisää hänet käsin, jos hän on pyytänyt päästä takaisin`,
    en: (p) =>
      `Previously erased person: their ${erasedKinds.en[param(p, 'kinds')] ?? param(p, 'kinds')} was erased earlier, so the row was not imported; add them by hand if they asked to come back`,
  },
}

/** One problem's text in `locale`; a code without an import text uses the API's field texts. */
export function importProblemText(p: ImportProblem, locale: Locale): string {
  const text = importProblemTexts[p.code]?.[locale]
  if (text) return text(p, quote[locale])
  const field = fieldMessages[p.code]?.[locale] ?? fieldMessages.invalid_value![locale]
  return p.value ? `${field}: ${quote[locale](p.value)}` : field
}

/** A row's problems as one line, each after its column (or field): the report's `error`. */
export function importProblemsLine(problems: ImportProblem[], locale: Locale): string {
  return problems
    .map((p) => {
      const where = p.column || p.field
      const text = importProblemText(p, locale)
      return where ? `${where}: ${text}` : text
    })
    .join('; ')
}

/** The API shape of a stored problem, its text in `locale`. */
export function importProblemAnswer(p: ImportProblem, locale: Locale): ImportProblemAnswer {
  return {
    code: p.code,
    column: p.column ?? null,
    field: p.field ?? null,
    value: p.value ?? null,
    message: importProblemText(p, locale),
  }
}
