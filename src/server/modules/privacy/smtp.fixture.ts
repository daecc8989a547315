import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A real SMTP server on loopback for tests: every message is parsed and kept in `received`. */
export async function startSmtp(): Promise<{
  url: string
  received: ParsedMail[]
  close(): Promise<void>
}> {
  const received: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail)
          callback()
        })
        .catch((err: Error) => callback(err))
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The hidden CSRF token and the cookie a page set, to post its form like a browser. */
export function formState(res: { body: string; cookies: { name: string; value: string }[] }) {
  const csrf = /name="csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? ''
  const cookie = res.cookies.find((c) => c.name === 'suhde_pc')?.value ?? ''
  return { csrf, cookie: `suhde_pc=${cookie}` }
}
