import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { adminEn } from './admin.en'
import { adminFi } from './admin.fi'
import { dailyEn } from './daily.en'
import { dailyFi } from './daily.fi'
import { duplicatesEn } from './duplicates.en'
import { duplicatesFi } from './duplicates.fi'
import { en } from './en'
import { fi } from './fi'
import { importsEn } from './imports.en'
import { importsFi } from './imports.fi'
import { privacyEn } from './privacy.en'
import { privacyFi } from './privacy.fi'
import { salesEn } from './sales.en'
import { salesFi } from './sales.fi'

export type Language = 'fi' | 'en'
const storageKey = 'suhde.language'

// The choice the user made in this browser wins; then the browser's own language.
function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey)
  if (stored === 'fi' || stored === 'en') return stored
  return navigator.languages.some((l) => l.toLowerCase().startsWith('fi')) ? 'fi' : 'en'
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fi'
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(storageKey, lang)
  document.documentElement.lang = lang
  await i18next.changeLanguage(lang)
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage()
  document.documentElement.lang = lng
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: {
      en: {
        translation: {
          ...en,
          ...adminEn,
          ...privacyEn,
          ...salesEn,
          ...dailyEn,
          ...importsEn,
          ...duplicatesEn,
        },
      },
      fi: {
        translation: {
          ...fi,
          ...adminFi,
          ...privacyFi,
          ...salesFi,
          ...dailyFi,
          ...importsFi,
          ...duplicatesFi,
        },
      },
    },
    interpolation: { escapeValue: false },
  })
}
