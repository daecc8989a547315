import type { Lang } from './privacy.texts'

// What the server itself writes into a data subject request's evidence. Evidence is read later
// by the workspace's own staff (and shown to a supervisory authority), so it is written in the
// workspace's language and its time zone, once, when the action happens.

export type EvidenceLocale = { language: Lang; timeZone: string }

/** "23. marraskuuta 2026 klo 8.21.22 (Europe/Helsinki)" / "23 November 2026 at 08:21:22 (…)". */
export function evidenceTime(locale: EvidenceLocale, at: Date): string {
  const formatted = new Intl.DateTimeFormat(locale.language === 'fi' ? 'fi-FI' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'medium',
    timeZone: locale.timeZone,
  }).format(at)
  return `${formatted} (${locale.timeZone})`
}

const evidence = {
  fi: {
    erased: (when: string) => `Henkilötiedot poistettu ${when}.`,
    askedThroughLink: (linkId: string) =>
      `Henkilö pyysi tietojensa poistamista tietosuojasivun linkillä ${linkId}.`,
  },
  en: {
    erased: (when: string) => `Personal data erased ${when}.`,
    askedThroughLink: (linkId: string) =>
      `The person asked for erasure through preference-centre link ${linkId}.`,
  },
} satisfies Record<Lang, Record<string, (arg: string) => string>>

export function erasedEvidence(locale: EvidenceLocale, erasedAt: Date): string {
  return evidence[locale.language].erased(evidenceTime(locale, erasedAt))
}

export function askedThroughLinkEvidence(locale: EvidenceLocale, linkId: string): string {
  return evidence[locale.language].askedThroughLink(linkId)
}
