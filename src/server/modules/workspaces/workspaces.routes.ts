import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { workspaceSchema, workspaceUpdateSchema } from '../../../shared/workspaces.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { changeWorkspace, getWorkspace } from './workspaces.service'

export const workspaceRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['workspace']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The current workspace and its settings',
        response: { 200: workspaceSchema },
      },
    },
    async (req) => getWorkspace(deps, actorOf(req)),
  )
  app.patch(
    '/',
    {
      schema: {
        tags,
        summary: 'Change workspace settings (admin)',
        body: workspaceUpdateSchema,
        response: { 200: workspaceSchema },
      },
    },
    async (req) => changeWorkspace(deps, actorOf(req), req.body),
  )
}
