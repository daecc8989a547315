import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { fieldMessages } from '../../../shared/messages'
import type { Deps } from '../../deps'
import { AppError, handleError, zodIssuesToFieldIssues } from '../../errors'
import { confirmConsent, peekConfirmation } from './double-opt-in.service'
import { confirmPage, errorPage, page, preferencePage } from './preference-centre.html'
import {
  downloadFromCentre,
  openPreferences,
  requestErasureFromCentre,
  setConsentFromCentre,
  updateDetails,
  type FormBody,
} from './preference-centre.service'
import { LinkError, resolveLink, type LinkKind } from './privacy-links.service'
import { checkCsrf, csrfToken, newNonce, privacySecret } from './privacy.secret'
import { pickLang, texts, type Lang } from './privacy.texts'

// The public pages a person reaches through a signed link, outside /api/v1: the double opt-in
// confirmation and the preference centre. Rate limited per IP and per token; forms carry a
// per-page CSRF token bound to a SameSite cookie (double submit).

const cookieName = 'suhde_pc'
type Params = { token: string }
type Req = FastifyRequest<{ Params: Params; Querystring: { lang?: string; done?: string } }>

const langOf = (req: Req): Lang => pickLang(req.query.lang, req.headers['accept-language'])
const metaOf = (req: FastifyRequest) => ({
  ip: req.ip ?? null,
  userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
})
const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .send(body)

async function csrfFor(deps: Deps, req: Req, reply: FastifyReply, linkId: string) {
  const nonce = req.cookies[cookieName] ?? newNonce()
  reply.setCookie(cookieName, nonce, {
    path: '/privacy',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.secureCookies,
  })
  return csrfToken(await privacySecret(deps, deps.db), linkId, nonce)
}

async function checkForm(deps: Deps, req: Req, kind: LinkKind): Promise<FormBody> {
  const body = (req.body ?? {}) as FormBody
  const link = await resolveLink(deps, deps.db, req.params.token, kind)
  const given = body.csrf
  const nonce = req.cookies[cookieName] ?? ''
  if (
    typeof given !== 'string' ||
    !checkCsrf(await privacySecret(deps, deps.db), link.id, nonce, given)
  )
    throw new CsrfError()
  return body
}

class CsrfError extends Error {}
class RateLimited extends Error {
  readonly statusCode = 429
}

function fieldErrorsOf(err: unknown, lang: Lang): string[] | null {
  const issues =
    err instanceof ZodError
      ? zodIssuesToFieldIssues(err.issues)
      : err instanceof AppError && err.code === 'VALIDATION_FAILED'
        ? (err.errors ?? [])
        : null
  if (!issues) return null
  // Name the field as the form labels it, not by its key: the person never sees the keys.
  const labels: Record<string, string> = {
    firstName: texts[lang].firstName,
    lastName: texts[lang].lastName,
    email: texts[lang].email,
    phone: texts[lang].phone,
    channels: texts[lang].channels,
  }
  return issues.map((i) => {
    const field = labels[i.path.split('.')[0] ?? ''] ?? i.path
    return `${field}: ${fieldMessages[i.code]?.[lang] ?? i.code}`
  })
}

export async function preferenceCentreRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      const out: FormBody = {}
      for (const [k, v] of new URLSearchParams(body as string)) {
        const prev = out[k]
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
      }
      done(null, out)
    },
  )
  app.setErrorHandler((err, req, reply) => {
    const lang = langOf(req as Req)
    const t = texts[lang]
    if (err instanceof LinkError)
      return html(reply, err.status, errorPage(lang, t.errors[err.reason]))
    if (err instanceof CsrfError) return html(reply, 403, errorPage(lang, t.errors.csrf))
    const status = (err as { statusCode?: number }).statusCode
    if (status === 429) return html(reply, 429, errorPage(lang, texts[lang].errors.rateLimited))
    return handleError(err as Error, req, reply)
  })
  // Per IP through the route's rateLimit; per token here, across all the pages of one link.
  // (The plugin runs one route limiter per request, so the second one is checked by hand.)
  const tokenLimit = app.createRateLimit({
    max: 30,
    timeWindow: 60_000,
    keyGenerator: (req) => `token:${(req.params as Params).token}`,
  })
  const perToken = async (req: FastifyRequest) => {
    const r = await tokenLimit(req)
    if (!r.isAllowed && r.isExceeded) throw new RateLimited()
  }
  const config = { isPublic: true, rateLimit: { max: 60, timeWindow: 60_000 } }
  const route = { config, preValidation: perToken, schema: { hide: true } }

  app.get<{ Params: Params }>('/confirm/:token', route, async (req, reply) => {
    const r = req as Req
    const { purpose, linkId, org } = await peekConfirmation(deps, r.params.token)
    const csrf = await csrfFor(deps, r, reply, linkId)
    return html(reply, 200, confirmPage(langOf(r), { org, purpose, csrf }))
  })
  app.post<{ Params: Params }>('/confirm/:token', route, async (req, reply) => {
    const r = req as Req
    await checkForm(deps, r, 'confirm_consent')
    await confirmConsent(deps, r.params.token, metaOf(req))
    const lang = langOf(r)
    return html(
      reply,
      200,
      page(
        lang,
        texts[lang].confirmTitle,
        `<p class="note" role="status">${texts[lang].confirmed}</p>`,
      ),
    )
  })
  app.get<{ Params: Params }>('/preferences/:token', route, async (req, reply) => {
    const r = req as Req
    return renderPreferences(deps, r, reply, 200, noticeOf(langOf(r), r.query.done))
  })
  app.post<{ Params: Params }>('/preferences/:token', route, async (req, reply) => {
    const r = req as Req
    const form = await checkForm(deps, r, 'preference_centre')
    const lang = langOf(r)
    try {
      if (form.action === 'details') await updateDetails(deps, r.params.token, form, metaOf(req))
      else if (form.action === 'consent')
        await setConsentFromCentre(deps, r.params.token, form, metaOf(req))
      else if (form.action === 'erasure')
        await requestErasureFromCentre(deps, r.params.token, metaOf(req))
      else
        throw new AppError('VALIDATION_FAILED', 'Unknown action', {
          errors: [{ path: 'action', code: 'invalid_value' }],
        })
    } catch (err) {
      const errors = fieldErrorsOf(err, lang)
      if (!errors) throw err
      return renderPreferences(deps, r, reply, 400, undefined, errors)
    }
    const done = form.action === 'erasure' ? 'erasure' : 'saved'
    return reply.redirect(`${r.params.token}?lang=${lang}&done=${done}`, 303)
  })
  app.get<{ Params: Params }>('/preferences/:token/download', route, async (req, reply) => {
    const zip = await downloadFromCentre(deps, req.params.token, metaOf(req))
    return reply
      .type('application/zip')
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="my-data.zip"')
      .send(Buffer.from(zip))
  })
}

function noticeOf(lang: Lang, done: string | undefined): string | undefined {
  if (done === 'saved') return texts[lang].saved
  if (done === 'erasure') return texts[lang].erasureReceived
  return undefined
}

async function renderPreferences(
  deps: Deps,
  req: Req,
  reply: FastifyReply,
  status: number,
  notice?: string,
  errors?: string[],
) {
  const lang = langOf(req)
  const data = await openPreferences(deps, req.params.token, metaOf(req))
  const csrf = await csrfFor(deps, req, reply, data.link.id)
  const downloadUrl = `${req.params.token}/download`
  return html(reply, status, preferencePage(lang, { ...data, csrf, notice, errors, downloadUrl }))
}
