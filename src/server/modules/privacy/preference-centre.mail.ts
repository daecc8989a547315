import type { Lang } from './privacy.texts'

export function preferenceMail(lang: Lang, org: string, url: string) {
  const subject = lang === 'fi' ? `${org}: tietosi ja valintasi` : `${org}: your data and choices`
  const lead =
    lang === 'fi'
      ? 'Tästä linkistä näet tietosi, voit korjata ne, muuttaa suostumuksiasi, ladata tietosi ja pyytää niiden poistamista:'
      : 'Through this link you can see your data, correct it, change your consents, download your data and ask for its erasure:'
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  return {
    subject,
    text: `${lead}\n${url}\n`,
    html: `<p>${esc(lead)}</p><p><a href="${esc(url)}">${esc(url)}</a></p>`,
  }
}
