import type { ConsentEvent, ConsentState, Purpose } from '../../../shared/privacy.schema'

// Pure rules over a consent history (newest first): the current state and the one answer to
// "may we contact this person for this purpose on this channel".

/** The latest event that decides, skipping a pending grant that was never confirmed. */
export function decidingEvent(history: ConsentEvent[]): ConsentEvent | undefined {
  return history.find((e) => e.status !== 'pending')
}

export function currentStates(purposes: Purpose[], history: ConsentEvent[]): ConsentState[] {
  return purposes
    .filter((p) => p.isActive || history.some((e) => e.purposeId === p.id))
    .map((p) => {
      const own = history.filter((e) => e.purposeId === p.id)
      const latest = own[0]
      const deciding = decidingEvent(own)
      const shown = latest?.status === 'pending' ? latest : deciding
      return {
        purposeId: p.id,
        purposeKey: p.key,
        nameFi: p.nameFi,
        nameEn: p.nameEn,
        legalBasis: p.legalBasis,
        status: shown?.status ?? 'none',
        channels: shown?.status === 'withdrawn' ? [] : (shown?.channels ?? []),
        since: shown?.occurredAt ?? null,
      }
    })
}

export type ContactDecision = { allowed: boolean; reason: string }

/** Channel allowed by a grant: an empty channel list on a grant means every purpose channel. */
function grantCovers(e: ConsentEvent, channel: string): boolean {
  return e.channels.length === 0 || e.channels.includes(channel as never)
}

export function decide(
  purpose: Purpose,
  channel: string,
  history: ConsentEvent[],
): ContactDecision {
  const deciding = decidingEvent(history)
  switch (purpose.legalBasis) {
    case 'consent':
      if (!deciding)
        return { allowed: false, reason: history[0] ? 'pending_confirmation' : 'no_consent' }
      if (deciding.status === 'withdrawn') return { allowed: false, reason: 'withdrawn' }
      if (!grantCovers(deciding, channel)) return { allowed: false, reason: 'channel_declined' }
      return { allowed: true, reason: 'consent' }
    case 'legitimate_interest':
      // The person may object; until then the interest holds (GDPR art. 21).
      if (deciding?.status === 'withdrawn') return { allowed: false, reason: 'objected' }
      if (deciding && !grantCovers(deciding, channel))
        return { allowed: false, reason: 'channel_declined' }
      return { allowed: true, reason: 'legitimate_interest' }
    default:
      return { allowed: true, reason: purpose.legalBasis }
  }
}
