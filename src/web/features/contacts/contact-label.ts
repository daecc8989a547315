import i18next from 'i18next'
import { contactName } from '../../../shared/contacts.api'
import type { Contact } from '../../../shared/contacts.schema'

type Named = Partial<Pick<Contact, 'firstName' | 'lastName' | 'emails' | 'erasedAt'>>

/**
 * The name a list, picker or link shows for a contact: an erased person has no name left, so
 * they read "Erased person" (as on their own page) instead of a blank.
 */
export function contactLabel(c: Named): string {
  return contactName(c) || (c.erasedAt ? i18next.t('contacts.erasedPerson') : '')
}
