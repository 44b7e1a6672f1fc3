/**
 * @module
 * `livekit.AgentDispatchService`: CreateDispatch, DeleteDispatch, ListDispatch.
 *
 * The emulator runs no agents: a dispatch is recorded on its room and listed back, nothing joins.
 */
import {
  AgentDispatch,
  AgentDispatchState,
  CreateAgentDispatchRequest,
  DeleteAgentDispatchRequest,
  ListAgentDispatchRequest,
  ListAgentDispatchResponse,
} from '@livekit/protocol';
import { newId } from './new-id';
import { ensureAdminPermission } from './request-auth';
import type { RoomRegistry } from './room-registry';
import { TwirpError } from './twirp-error';
import { decodeRequest, type TwirpMethod } from './twirp-method';

const SERVICE = 'AgentDispatchService';

/** The AgentDispatchService methods; every one needs `roomAdmin` for the dispatch's room. */
export function agentDispatchMethods(rooms: RoomRegistry): TwirpMethod[] {
  return [
    {
      service: SERVICE,
      method: 'CreateDispatch',
      async handle(body, claims) {
        const req = decodeRequest(CreateAgentDispatchRequest, body);
        ensureAdminPermission(claims, req.room);
        if (!req.room) throw new TwirpError('invalid_argument', 'no room name');
        const dispatch = new AgentDispatch({
          id: newId('AD_'),
          agentName: req.agentName,
          room: req.room,
          metadata: req.metadata,
          restartPolicy: req.restartPolicy,
          deployment: req.deployment,
          state: new AgentDispatchState({ createdAt: BigInt(Date.now()) * 1_000_000n }),
        });
        // Dispatching to a room that does not exist yet creates it (room_started).
        rooms.addDispatch(dispatch);
        return dispatch;
      },
    },
    {
      service: SERVICE,
      method: 'DeleteDispatch',
      async handle(body, claims) {
        const req = decodeRequest(DeleteAgentDispatchRequest, body);
        ensureAdminPermission(claims, req.room);
        const dispatch = rooms.removeDispatch(req.room, req.dispatchId);
        if (!dispatch) throw new TwirpError('not_found', 'dispatch not found');
        if (dispatch.state) dispatch.state.deletedAt = BigInt(Date.now()) * 1_000_000n;
        return dispatch;
      },
    },
    {
      service: SERVICE,
      method: 'ListDispatch',
      async handle(body, claims) {
        const req = decodeRequest(ListAgentDispatchRequest, body);
        ensureAdminPermission(claims, req.room);
        const all = rooms.dispatches(req.room);
        const agentDispatches = req.dispatchId ? all.filter((d) => d.id === req.dispatchId) : all;
        return new ListAgentDispatchResponse({ agentDispatches });
      },
    },
  ];
}
