import type { ConsentState, Purpose } from '../../../shared/privacy.schema'
import type { ContactContactInfo } from './consents.repo'
import { texts, type Lang } from './privacy.texts'

// Server-rendered pages of the preference centre and consent confirmation: plain HTML forms
// that work without JavaScript, with labels, headings and the page language set.

export const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const style = `*,*::before,*::after{box-sizing:border-box}body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}fieldset{border:1px solid #999;border-radius:6px;margin:1rem 0;padding:1rem}
label{display:block;margin:.4rem 0}input[type=text],input[type=email],input[type=tel]{width:100%;padding:.4rem;font-size:1rem}
button{font-size:1rem;padding:.5rem 1rem;margin:.3rem .3rem 0 0;cursor:pointer}.note{background:#e7f5e9;padding:.6rem;border-radius:6px}
.error{background:#fde8e8;padding:.6rem;border-radius:6px}dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}
nav a{margin-right:1rem}`

export function page(lang: Lang, title: string, body: string): string {
  const other = lang === 'fi' ? 'en' : 'fi'
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${style}</style></head><body><nav aria-label="${lang === 'fi' ? 'Kieli' : 'Language'}"><a href="?lang=${other}" hreflang="${other}" lang="${other}">${other === 'fi' ? 'Suomeksi' : 'In English'}</a></nav><main><h1>${esc(title)}</h1>${body}</main></body></html>`
}

export function errorPage(lang: Lang, message: string): string {
  return page(lang, texts[lang].title, `<p class="error" role="alert">${esc(message)}</p>`)
}

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${name}" value="${esc(value)}">`

export function confirmPage(lang: Lang, o: { org: string; purpose: Purpose; csrf: string }) {
  const t = texts[lang]
  const name = lang === 'fi' ? o.purpose.nameFi : o.purpose.nameEn
  const desc = lang === 'fi' ? o.purpose.descriptionFi : o.purpose.descriptionEn
  return page(
    lang,
    t.confirmTitle,
    `<p>${esc(t.confirmLead(o.org))}</p><h2>${esc(name)}</h2><p>${esc(desc)}</p>
<form method="post">${hidden('csrf', o.csrf)}<button type="submit">${esc(t.confirmButton)}</button></form>`,
  )
}

export type PreferencePageData = {
  org: string
  contact: ContactContactInfo
  consents: ConsentState[]
  purposes: Purpose[]
  csrf: string
  notice?: string
  errors?: string[]
  downloadUrl: string
}

function consentForm(lang: Lang, d: PreferencePageData, s: ConsentState): string {
  const t = texts[lang]
  const p = d.purposes.find((x) => x.id === s.purposeId)
  // Contract and legal-obligation processing is not the person's choice; it is not offered here.
  const isChoice = p?.legalBasis === 'consent' || p?.legalBasis === 'legitimate_interest'
  if (!p || !p.isActive || !isChoice) return ''
  const name = lang === 'fi' ? p.nameFi : p.nameEn
  const desc = lang === 'fi' ? p.descriptionFi : p.descriptionEn
  const status = s.status === 'none' ? t.none : t[s.status]
  // Only the choices that change something: a given consent can be narrowed to other channels
  // or withdrawn; one not given can be given. Legitimate interest is objected to, not withdrawn.
  const isLi = p.legalBasis === 'legitimate_interest'
  const button = (status: 'granted' | 'withdrawn', label: string) =>
    `<button type="submit" name="status" value="${status}">${esc(label)}</button>`
  const buttons =
    s.status === 'granted'
      ? (p.channels.length > 1 ? button('granted', t.saveChannels) : '') +
        button('withdrawn', isLi ? t.object : t.withdraw)
      : button('granted', isLi ? t.allow : t.grant)
  const boxes = p.channels
    .map((ch) => {
      const on = s.status !== 'granted' || s.channels.length === 0 || s.channels.includes(ch)
      return `<label><input type="checkbox" name="channels" value="${ch}"${on ? ' checked' : ''}> ${esc(t.channelNames[ch])}</label>`
    })
    .join('')
  return `<form method="post"><fieldset><legend>${esc(name)}</legend><p>${esc(desc)}</p>
<p>${esc(t.legalBasis[p.legalBasis])} · <strong>${esc(status)}</strong></p>
${boxes ? `<div role="group" aria-label="${esc(t.channels)}">${boxes}</div>` : ''}
${hidden('csrf', d.csrf)}${hidden('action', 'consent')}${hidden('purposeKey', p.key)}
${buttons}</fieldset></form>`
}

export function preferencePage(lang: Lang, d: PreferencePageData): string {
  const t = texts[lang]
  const c = d.contact
  const email = c.emails.find((e) => e.primary)?.address ?? c.emails[0]?.address ?? ''
  const phone = c.phones[0]?.number ?? ''
  const notice = d.notice ? `<p class="note" role="status">${esc(d.notice)}</p>` : ''
  const errors = d.errors?.length
    ? `<div class="error" role="alert"><p>${esc(t.errors.invalid)}</p><ul>${d.errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>`
    : ''
  const held = `<dl><dt>${esc(t.firstName)}</dt><dd>${esc(c.firstName)}</dd><dt>${esc(t.lastName)}</dt><dd>${esc(c.lastName)}</dd>
<dt>${esc(t.email)}</dt><dd>${c.emails.map((e) => esc(e.address)).join('<br>')}</dd><dt>${esc(t.phone)}</dt><dd>${c.phones.map((p) => esc(p.number)).join('<br>')}</dd></dl>`
  const field = (name: string, label: string, value: string, type = 'text', auto = '') =>
    `<label for="${name}">${esc(label)}</label><input id="${name}" name="${name}" type="${type}" value="${esc(value)}"${auto ? ` autocomplete="${auto}"` : ''}>`
  const details = `<form method="post"><fieldset><legend>${esc(t.correctHeading)}</legend>
${field('firstName', t.firstName, c.firstName ?? '', 'text', 'given-name')}${field('lastName', t.lastName, c.lastName ?? '', 'text', 'family-name')}
${field('email', t.email, email, 'email', 'email')}${field('phone', t.phone, phone, 'tel', 'tel')}
${hidden('csrf', d.csrf)}${hidden('action', 'details')}<button type="submit">${esc(t.save)}</button></fieldset></form>`
  return page(
    lang,
    t.title,
    `<p>${esc(d.org)}</p>${notice}${errors}
<h2>${esc(t.dataHeading)}</h2>${held}${details}
<h2>${esc(t.consentsHeading)}</h2>${d.consents.map((s) => consentForm(lang, d, s)).join('')}
<h2>${esc(t.downloadHeading)}</h2><p><a href="${esc(d.downloadUrl)}" download>${esc(t.download)}</a></p>
<h2>${esc(t.erasureHeading)}</h2><p>${esc(t.erasureLead)}</p>
<form method="post">${hidden('csrf', d.csrf)}${hidden('action', 'erasure')}<button type="submit">${esc(t.erasureButton)}</button></form>`,
  )
}
