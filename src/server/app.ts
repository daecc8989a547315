import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Deps } from './deps'
import { handleError, handleNotFound } from './errors'
import { newId } from './lib/ids'
import { parseQueryString } from './lib/query-string'
import { projectPath } from './platform/project-paths'
import { authPlugin } from './plugins/auth'
import { authRoutes, meRoutes } from './modules/auth/auth.routes'
import { activitiesRoutes } from './modules/activities/activities.routes'
import { companiesRoutes } from './modules/companies/companies.routes'
import { companyDuplicatesRoutes } from './modules/companies/companies.duplicates.routes'
import { companyContactsRoutes } from './modules/contacts/company-contacts.routes'
import { contactsRoutes } from './modules/contacts/contacts.routes'
import { customFieldsRoutes } from './modules/custom-fields/custom-fields.routes'
import { healthRoutes } from './modules/health/health.routes'
import { tagsRoutes } from './modules/tags/tags.routes'
import { workspaceRoutes } from './modules/workspaces/workspaces.routes'
import { accountRoutes, usersRoutes } from './modules/users/users.routes'
import { teamsRoutes } from './modules/teams/teams.routes'
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes'
import { auditLogRoutes } from './modules/audit/audit.routes'
import { searchRoutes } from './modules/search/search.routes'
import { viewsRoutes } from './modules/views/views.routes'
import { contactPrivacyRoutes } from './modules/privacy/contact-privacy.routes'
import { preferenceCentreRoutes } from './modules/privacy/preference-centre.routes'
import { privacyRequestsRoutes } from './modules/privacy/privacy-requests.routes'
import { purposesRoutes } from './modules/privacy/purposes.routes'
import { privacyRoutes } from './modules/privacy/records.routes'
import { retentionRoutes } from './modules/privacy/retention.routes'
import { pipelinesRoutes } from './modules/pipelines/pipelines.routes'
import { dealsRoutes } from './modules/deals/deals.routes'
import { productsRoutes } from './modules/products/products.routes'
import { quotesRoutes } from './modules/quotes/quotes.routes'
import { forecastRoutes, targetsRoutes } from './modules/forecast/forecast.routes'
import { leadsRoutes } from './modules/leads/leads.routes'
import { setupRoutes } from './modules/setup/setup.routes'
import { importsRoutes } from './modules/imports/imports.routes'
import { exportsRoutes } from './modules/exports/exports.routes'
import { duplicatesRoutes } from './modules/duplicates/duplicates.routes'
import { mergesRoutes } from './modules/merges/merges.routes'

const webDist = projectPath('dist/web')

export type AppOptions = {
  logger?: boolean | object
  serveWeb?: boolean
  /** The built web app; dist/web by default. */
  webRoot?: string
}

/** Builds the HTTP app around its dependencies; main.ts listens, tests inject. */
export async function buildApp(
  deps: Omit<Deps, 'log'>,
  opts: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: deps.config.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : newId()
    },
    routerOptions: { querystringParser: parseQueryString, ignoreTrailingSlash: true },
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>()
  const fullDeps: Deps = { ...deps, log: app.log }

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  const webRoot = opts.webRoot ?? webDist
  const isServingWeb = (opts.serveWeb ?? true) && existsSync(join(webRoot, 'index.html'))
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? ''
    const isPage = req.method === 'GET' && !path.startsWith('/api/') && !/\.\w+$/.test(path)
    if (isServingWeb && isPage) return reply.type('text/html').sendFile('index.html')
    return handleNotFound(req, reply)
  })
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })

  await app.register(fastifyCookie)
  // Limits are set per route (sign-in, public links); nothing is limited by default.
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Suhde API',
        version: '1',
        description:
          'REST API of Suhde, the open-source CRM. Sign in with a session cookie (web) or `Authorization: Bearer <API key>`. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key made under Settings → API keys',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'suhde_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  await app.register(authPlugin, { deps: fullDeps })

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      )
      await api.register(healthRoutes, { prefix: '/health', deps: fullDeps })
      await api.register(authRoutes, { prefix: '/auth', deps: fullDeps })
      await api.register(setupRoutes, { prefix: '/setup', deps: fullDeps })
      await api.register(meRoutes, { prefix: '/me', deps: fullDeps })
      await api.register(workspaceRoutes, { prefix: '/workspace', deps: fullDeps })
      await api.register(companiesRoutes, { prefix: '/companies', deps: fullDeps })
      await api.register(accountRoutes, { prefix: '/auth', deps: fullDeps })
      await api.register(usersRoutes, { prefix: '/users', deps: fullDeps })
      await api.register(teamsRoutes, { prefix: '/teams', deps: fullDeps })
      await api.register(apiKeysRoutes, { prefix: '/api-keys', deps: fullDeps })
      await api.register(auditLogRoutes, { prefix: '/audit-log', deps: fullDeps })
      await api.register(searchRoutes, { prefix: '/search', deps: fullDeps })
      await api.register(companyDuplicatesRoutes, { prefix: '/companies', deps: fullDeps })
      await api.register(companyContactsRoutes, { prefix: '/companies', deps: fullDeps })
      await api.register(contactsRoutes, { prefix: '/contacts', deps: fullDeps })
      await api.register(customFieldsRoutes, { prefix: '/custom-fields', deps: fullDeps })
      await api.register(tagsRoutes, { prefix: '/tags', deps: fullDeps })
      await api.register(activitiesRoutes, { prefix: '/activities', deps: fullDeps })
      await api.register(viewsRoutes, { prefix: '/views', deps: fullDeps })
      await api.register(purposesRoutes, { prefix: '/purposes', deps: fullDeps })
      await api.register(contactPrivacyRoutes, { prefix: '/contacts', deps: fullDeps })
      await api.register(privacyRequestsRoutes, { prefix: '/privacy-requests', deps: fullDeps })
      await api.register(retentionRoutes, { prefix: '/retention-policies', deps: fullDeps })
      await api.register(privacyRoutes, { prefix: '/privacy', deps: fullDeps })
      await api.register(pipelinesRoutes, { prefix: '/pipelines', deps: fullDeps })
      await api.register(dealsRoutes, { prefix: '/deals', deps: fullDeps })
      await api.register(productsRoutes, { prefix: '/products', deps: fullDeps })
      await api.register(quotesRoutes, { prefix: '/quotes', deps: fullDeps })
      await api.register(forecastRoutes, { prefix: '/forecast', deps: fullDeps })
      await api.register(targetsRoutes, { prefix: '/targets', deps: fullDeps })
      await api.register(leadsRoutes, { prefix: '/leads', deps: fullDeps })
      await api.register(importsRoutes, { prefix: '/imports', deps: fullDeps })
      await api.register(exportsRoutes, { prefix: '/exports', deps: fullDeps })
      await api.register(duplicatesRoutes, { prefix: '/duplicates', deps: fullDeps })
      await api.register(mergesRoutes, { prefix: '/merges', deps: fullDeps })
    },
    { prefix: '/api/v1' },
  )
  // The preference centre and consent confirmation: public pages reached by a signed link.
  await app.register(preferenceCentreRoutes, { prefix: '/privacy', deps: fullDeps })

  if (isServingWeb) {
    // Files are looked up when asked for, so a rebuild is served without a restart; a path
    // without a file extension is a page of the single-page app, answered by its index.html.
    const hashedAssets = join(webRoot, 'assets') + sep
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      // Vite names every file under assets/ by its content hash, so a file never changes under
      // its name: the browser keeps it without asking again. With the default (max-age=0) each
      // page load revalidated its ~60 chunks, 0.3–0.5 s before the app could start.
      setHeaders: (reply, path) => {
        if (path.startsWith(hashedAssets))
          reply.header('cache-control', 'public, max-age=31536000, immutable')
      },
    })
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html').sendFile('index.html'),
    )
  }
  return app
}
