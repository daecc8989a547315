import { z } from 'zod'
import { fieldMessages } from '../../shared/messages'
import { currentLanguage } from '../i18n/i18n'

// Forms validate with the shared zod schemas before sending; this makes their messages the
// same texts, in the same language, that the server gives for the same rule.
function issueCode(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'custom') {
    const params = issue.params as { code?: string } | undefined
    return params?.code ?? 'invalid_value'
  }
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === ''))
    return 'required'
  if (issue.code === 'too_small' && issue.input === '') return 'required'
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'invalid_email'
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'invalid_url'
  return issue.code
}

export function installZodMessages(): void {
  z.config({
    customError: (issue) => fieldMessages[issueCode(issue)]?.[currentLanguage()],
  })
}
