import type { Purpose } from '../../../shared/privacy.schema'

// Finnish and English texts of the pages and emails a person sees (not the staff web app).

export type Lang = 'fi' | 'en'

export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'fi' || query === 'en') return query
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase()
    if (tag === 'fi' || tag === 'en') return tag
  }
  return 'fi'
}

export const texts = {
  fi: {
    title: 'Tietosi ja valintasi',
    confirmTitle: 'Vahvista tilaus',
    confirmLead: (org: string) =>
      `Vahvista, että ${org} saa käyttää tietojasi tähän tarkoitukseen:`,
    confirmButton: 'Vahvistan',
    confirmed: 'Kiitos! Suostumuksesi on vahvistettu.',
    dataHeading: 'Meillä olevat tietosi',
    correctHeading: 'Korjaa tietosi',
    firstName: 'Etunimi',
    lastName: 'Sukunimi',
    email: 'Sähköposti',
    phone: 'Puhelin',
    save: 'Tallenna',
    saved: 'Muutokset tallennettu.',
    consentsHeading: 'Suostumukset ja viestintäkanavat',
    granted: 'Annettu',
    withdrawn: 'Peruttu',
    pending: 'Odottaa vahvistusta',
    none: 'Ei annettu',
    grant: 'Annan suostumuksen',
    withdraw: 'Peru suostumus',
    saveChannels: 'Tallenna kanavat',
    object: 'Vastustan tätä käsittelyä',
    allow: 'En enää vastusta',
    channels: 'Kanavat',
    channelNames: { email: 'Sähköposti', sms: 'Tekstiviesti', phone: 'Puhelu', post: 'Posti' },
    legalBasis: {
      consent: 'Suostumus',
      contract: 'Sopimus',
      legitimate_interest: 'Oikeutettu etu',
      legal_obligation: 'Lakisääteinen velvoite',
    },
    downloadHeading: 'Lataa tietosi',
    download: 'Lataa kaikki tietosi (ZIP: JSON ja CSV)',
    erasureHeading: 'Tietojen poistaminen',
    erasureLead: 'Voit pyytää, että poistamme tietosi. Käsittelemme pyynnön 30 päivän kuluessa.',
    erasureButton: 'Pyydän tietojeni poistamista',
    erasureReceived: 'Poistopyyntösi on vastaanotettu. Käsittelemme sen 30 päivän kuluessa.',
    errors: {
      tampered: 'Linkki on virheellinen.',
      unknown: 'Linkkiä ei löytynyt.',
      expired: 'Linkki on vanhentunut. Pyydä uusi linkki.',
      used: 'Linkki on jo käytetty.',
      revoked: 'Linkki on peruttu.',
      wrong_kind: 'Linkki ei kelpaa tälle sivulle.',
      csrf: 'Lomakkeen istunto vanheni. Lataa sivu uudelleen ja yritä uudestaan.',
      invalid: 'Tiedoissa on virheitä:',
      erased: 'Tiedot on poistettu.',
      rateLimited: 'Liian monta pyyntöä. Odota hetki ja yritä uudelleen.',
    },
  },
  en: {
    title: 'Your data and choices',
    confirmTitle: 'Confirm your subscription',
    confirmLead: (org: string) => `Confirm that ${org} may use your data for this purpose:`,
    confirmButton: 'I confirm',
    confirmed: 'Thank you! Your consent is confirmed.',
    dataHeading: 'The data we hold on you',
    correctHeading: 'Correct your details',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    save: 'Save',
    saved: 'Your changes are saved.',
    consentsHeading: 'Consents and channels',
    granted: 'Given',
    withdrawn: 'Withdrawn',
    pending: 'Waiting for confirmation',
    none: 'Not given',
    grant: 'I give my consent',
    withdraw: 'Withdraw consent',
    saveChannels: 'Save channels',
    object: 'I object to this',
    allow: 'I no longer object',
    channels: 'Channels',
    channelNames: { email: 'Email', sms: 'Text message', phone: 'Phone call', post: 'Post' },
    legalBasis: {
      consent: 'Consent',
      contract: 'Contract',
      legitimate_interest: 'Legitimate interest',
      legal_obligation: 'Legal obligation',
    },
    downloadHeading: 'Download your data',
    download: 'Download all your data (ZIP: JSON and CSV)',
    erasureHeading: 'Erasing your data',
    erasureLead: 'You may ask us to erase your data. We handle the request within 30 days.',
    erasureButton: 'I ask you to erase my data',
    erasureReceived: 'Your erasure request is received. We handle it within 30 days.',
    errors: {
      tampered: 'The link is not valid.',
      unknown: 'The link was not found.',
      expired: 'The link has expired. Ask for a new one.',
      used: 'The link has already been used.',
      revoked: 'The link has been revoked.',
      wrong_kind: 'The link is not for this page.',
      csrf: 'The form session expired. Reload the page and try again.',
      invalid: 'Please check:',
      erased: 'The data has been erased.',
      rateLimited: 'Too many requests. Wait a moment and try again.',
    },
  },
} as const
export type Texts = (typeof texts)[Lang]

export function confirmationMail(
  lang: Lang,
  o: { org: string; purpose: Purpose; url: string; days: number },
): { subject: string; text: string; html: string } {
  const name = lang === 'fi' ? o.purpose.nameFi : o.purpose.nameEn
  const desc = lang === 'fi' ? o.purpose.descriptionFi : o.purpose.descriptionEn
  const subject =
    lang === 'fi' ? `Vahvista tilauksesi: ${name}` : `Please confirm your subscription: ${name}`
  const lead =
    lang === 'fi'
      ? `Vahvista suostumuksesi avaamalla alla oleva linkki. Linkki on voimassa ${o.days} päivää.`
      : `Confirm your consent by opening the link below. The link is valid for ${o.days} days.`
  const ignore =
    lang === 'fi'
      ? 'Jos et pyytänyt tätä, voit jättää viestin huomiotta.'
      : 'If you did not ask for this, you may ignore this message.'
  const text = `${o.org}\n\n${name}\n${desc}\n\n${lead}\n${o.url}\n\n${ignore}\n`
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const html = `<p>${esc(o.org)}</p><h1>${esc(name)}</h1><p>${esc(desc)}</p><p>${esc(lead)}</p><p><a href="${esc(o.url)}">${esc(o.url)}</a></p><p>${esc(ignore)}</p>`
  return { subject, text, html }
}
