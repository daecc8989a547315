import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { setLanguage, type Language } from '../../i18n/i18n'

export function LanguageSwitch({ onChange }: { onChange?: (lang: Language) => void }) {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      aria-label={t('user.language')}
      size="xs"
      value={i18n.language}
      data={[
        { value: 'fi', label: t('languages.fi') },
        { value: 'en', label: t('languages.en') },
      ]}
      onChange={(value) => {
        const lang: Language = value === 'en' ? 'en' : 'fi'
        void setLanguage(lang)
        onChange?.(lang)
      }}
    />
  )
}
