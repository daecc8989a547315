import { createApiClient } from '../../shared/api-client'
import { currentLanguage } from '../i18n/i18n'

// One client for the whole app: same origin (Vite proxies /api in development), the session
// cookie rides along, and the server localises its messages from Accept-Language.
export const api = createApiClient({ headers: () => ({ 'accept-language': currentLanguage() }) })
