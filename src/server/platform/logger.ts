import type { Config } from '../config'

/** Pino options: secrets redacted; readable lines when a person watches the terminal. */
export function loggerOptions(config: Config, isTty = Boolean(process.stdout.isTTY)) {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.adminPassword',
        'password',
      ],
      censor: '[redacted]',
    },
    ...(isTty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  }
}
