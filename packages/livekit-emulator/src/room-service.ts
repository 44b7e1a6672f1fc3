/**
 * @module
 * `livekit.RoomService`: CreateRoom, DeleteRoom, ListRooms, ListParticipants, RemoveParticipant.
 */
import {
  CreateRoomRequest,
  DeleteRoomRequest,
  DeleteRoomResponse,
  DisconnectReason,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  RemoveParticipantResponse,
  RoomParticipantIdentity,
} from '@livekit/protocol';
import { ensureAdminPermission, ensureCreatePermission, ensureListPermission } from './request-auth';
import type { RoomRegistry } from './room-registry';
import { TwirpError } from './twirp-error';
import { decodeRequest, type TwirpMethod } from './twirp-method';

const SERVICE = 'RoomService';

/**
 * The RoomService methods, over `rooms`. Grants and errors follow livekit-server's
 * pkg/service/roomservice.go.
 */
export function roomServiceMethods(rooms: RoomRegistry): TwirpMethod[] {
  return [
    {
      service: SERVICE,
      method: 'CreateRoom',
      async handle(body, claims) {
        const req = decodeRequest(CreateRoomRequest, body);
        ensureCreatePermission(claims);
        if (!req.name) throw new TwirpError('invalid_argument', 'no room name');
        return rooms.create(req);
      },
    },
    {
      service: SERVICE,
      method: 'ListRooms',
      async handle(body, claims) {
        const req = decodeRequest(ListRoomsRequest, body);
        ensureListPermission(claims);
        return new ListRoomsResponse({ rooms: rooms.list(req.names) });
      },
    },
    {
      service: SERVICE,
      method: 'DeleteRoom',
      async handle(body, claims) {
        const req = decodeRequest(DeleteRoomRequest, body);
        ensureCreatePermission(claims);
        if (!rooms.delete(req.room)) throw new TwirpError('not_found', 'room not found');
        return new DeleteRoomResponse();
      },
    },
    {
      service: SERVICE,
      method: 'ListParticipants',
      async handle(body, claims) {
        const req = decodeRequest(ListParticipantsRequest, body);
        ensureAdminPermission(claims, req.room);
        return new ListParticipantsResponse({ participants: rooms.participants(req.room) });
      },
    },
    {
      service: SERVICE,
      method: 'RemoveParticipant',
      async handle(body, claims) {
        const req = decodeRequest(RoomParticipantIdentity, body);
        ensureAdminPermission(claims, req.room);
        if (!rooms.leave(req.room, req.identity, DisconnectReason.PARTICIPANT_REMOVED)) {
          throw new TwirpError('not_found', 'participant not found');
        }
        return new RemoveParticipantResponse();
      },
    },
  ];
}
