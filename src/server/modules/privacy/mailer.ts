import type { Transporter } from 'nodemailer'
import type { Config } from '../../config'
import { AppError } from '../../errors'

// Outgoing email over SMTP (nodemailer). One transport per configuration; a send that fails
// is reported to the caller, whose transaction then rolls back.

export type Mail = { to: string; subject: string; text: string; html: string }

const transports = new WeakMap<object, Transporter>()

async function transportFor(config: Config): Promise<Transporter> {
  const smtp = config.smtp
  if (!smtp) throw new AppError('VALIDATION_FAILED', 'No SMTP server is configured (SMTP_URL)')
  let t = transports.get(smtp)
  if (!t) {
    // Loaded on the first mail, not at start: nodemailer holds ~10 MB of heap.
    const { default: nodemailer } = await import('nodemailer')
    t = smtp.url
      ? nodemailer.createTransport(smtp.url)
      : nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.port === 465,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass } } : {}),
        })
    transports.set(smtp, t)
  }
  return t
}

export function canSendMail(config: Config): boolean {
  return config.smtp !== null
}

export async function sendMail(config: Config, mail: Mail): Promise<void> {
  const from = config.smtp?.from ?? 'Suhde <no-reply@localhost>'
  try {
    await (await transportFor(config)).sendMail({ from, ...mail })
  } catch (err) {
    if (err instanceof AppError) throw err
    throw new AppError('INTERNAL', 'The email could not be sent', { cause: err })
  }
}
