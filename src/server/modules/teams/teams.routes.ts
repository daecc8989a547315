import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { idParamsSchema } from '../../../shared/common.schema'
import {
  teamCreateSchema,
  teamMembersSchema,
  teamSchema,
  teamUpdateSchema,
} from '../../../shared/teams.schema'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import {
  createTeam,
  getTeam,
  listTeams,
  removeTeam,
  setTeamMembers,
  updateTeam,
} from './teams.service'

export const teamsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['teams']
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Teams of the workspace with their members',
        response: { 200: z.object({ data: z.array(teamSchema) }) },
      },
    },
    async (req) => ({ data: await listTeams(deps, actorOf(req)) }),
  )
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a team',
        body: teamCreateSchema,
        response: { 201: teamSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createTeam(deps, actorOf(req), req.body)),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a team',
        params: idParamsSchema,
        response: { 200: teamSchema },
      },
    },
    async (req) => getTeam(deps, actorOf(req), req.params.id),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team',
        params: idParamsSchema,
        body: teamUpdateSchema,
        response: { 200: teamSchema },
      },
    },
    async (req) => updateTeam(deps, actorOf(req), req.params.id, req.body),
  )
  app.put(
    '/:id/members',
    {
      schema: {
        tags,
        summary: 'Replace the members of a team',
        params: idParamsSchema,
        body: teamMembersSchema,
        response: { 200: teamSchema },
      },
    },
    async (req) => setTeamMembers(deps, actorOf(req), req.params.id, req.body.userIds),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team; its members stay',
        params: idParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeTeam(deps, actorOf(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
