/**
 * @module
 * The emulator's rooms, their participants and agent dispatches, and the webhooks their
 * lifecycle produces (`room_started`, `participant_joined`, `participant_left`, `room_finished`).
 */
import {
  type AgentDispatch,
  DisconnectReason,
  type ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  Room,
  RoomEndReason,
  WebhookEvent,
} from '@livekit/protocol';
import { newId } from './new-id';

/** A participant, for inspection. */
export interface EmulatorParticipant {
  readonly sid: string;
  readonly identity: string;
  readonly name: string;
  /** `sip` for callees; the emulator creates no other kind. */
  readonly kind: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Unix time in ms. */
  readonly joinedAtMs: number;
}

/** An agent dispatch, for inspection. */
export interface EmulatorDispatch {
  readonly id: string;
  readonly agentName: string;
  readonly metadata: string;
}

/** A room, for inspection. */
export interface EmulatorRoom {
  readonly sid: string;
  readonly name: string;
  readonly metadata: string;
  /** Unix time in ms. */
  readonly creationTimeMs: number;
  readonly participants: readonly EmulatorParticipant[];
  readonly dispatches: readonly EmulatorDispatch[];
}

/** Called when a participant leaves for any reason, so whoever drives it (a SIP call) can stop. */
export type ParticipantRemovedHandler = (reason: DisconnectReason) => void;

interface ParticipantEntry {
  readonly info: ParticipantInfo;
  readonly onRemoved: ParticipantRemovedHandler | undefined;
}

interface RoomEntry {
  readonly room: Room;
  readonly participants: Map<string, ParticipantEntry>;
  readonly dispatches: Map<string, AgentDispatch>;
}

/** What CreateRoom may set; everything else takes LiveKit's defaults. */
export interface RoomSettings {
  name: string;
  metadata?: string;
  emptyTimeout?: number;
  departureTimeout?: number;
  maxParticipants?: number;
}

// livekit-server's defaults for rooms created without these settings.
const DEFAULT_EMPTY_TIMEOUT_S = 300;
const DEFAULT_DEPARTURE_TIMEOUT_S = 20;

/**
 * Holds rooms and emits their webhooks. When the last participant leaves, the room finishes
 * at once (as if its departure timeout were 0, so demos and tests need not wait 20 s).
 * Rooms nobody joins are kept until deleted; their empty timeout is not simulated.
 */
export class RoomRegistry {
  readonly #rooms = new Map<string, RoomEntry>();
  readonly #emit: (event: WebhookEvent) => void;
  readonly #log: (line: string) => void;

  constructor(emit: (event: WebhookEvent) => void, log: (line: string) => void) {
    this.#emit = emit;
    this.#log = log;
  }

  get(name: string): Room | undefined {
    return this.#rooms.get(name)?.room;
  }

  /** Rooms, optionally only those named, in creation order. */
  list(names: readonly string[] = []): Room[] {
    const all = [...this.#rooms.values()].map((entry) => entry.room);
    return names.length === 0 ? all : all.filter((room) => names.includes(room.name));
  }

  /** Creates the room, or returns it unchanged when it exists (as CreateRoom does). */
  create(settings: RoomSettings): Room {
    const existing = this.#rooms.get(settings.name);
    if (existing) return existing.room;
    const now = Date.now();
    const room = new Room({
      sid: newId('RM_'),
      name: settings.name,
      metadata: settings.metadata ?? '',
      emptyTimeout: settings.emptyTimeout || DEFAULT_EMPTY_TIMEOUT_S,
      departureTimeout: settings.departureTimeout || DEFAULT_DEPARTURE_TIMEOUT_S,
      maxParticipants: settings.maxParticipants ?? 0,
      creationTime: BigInt(Math.floor(now / 1000)),
      creationTimeMs: BigInt(now),
    });
    this.#rooms.set(room.name, { room, participants: new Map(), dispatches: new Map() });
    this.#log(`room ${room.name} started`);
    this.#emitEvent('room_started', room);
    return room;
  }

  participants(roomName: string): ParticipantInfo[] {
    return [...(this.#rooms.get(roomName)?.participants.values() ?? [])].map((entry) => entry.info);
  }

  /** Adds a participant, creating the room if needed. An identity already present is replaced, as in LiveKit. */
  join(roomName: string, info: ParticipantInfo, onRemoved?: ParticipantRemovedHandler): void {
    const entry = this.#entry(this.create({ name: roomName }).name);
    if (entry.participants.has(info.identity)) {
      this.#removeParticipant(entry, info.identity, DisconnectReason.DUPLICATE_IDENTITY);
    }
    entry.participants.set(info.identity, { info, onRemoved });
    entry.room.numParticipants = entry.participants.size;
    this.#log(`${info.identity} joined ${roomName}`);
    this.#emitEvent('participant_joined', entry.room, info);
  }

  /**
   * Removes a participant (`participant_left`), then finishes the room if it is empty.
   * Returns false when there was no such participant.
   */
  leave(roomName: string, identity: string, reason: DisconnectReason): boolean {
    const entry = this.#rooms.get(roomName);
    if (!entry?.participants.has(identity)) return false;
    this.#removeParticipant(entry, identity, reason);
    if (entry.participants.size === 0) this.#finish(entry, RoomEndReason.ROOM_END_IDLE_TIMEOUT);
    return true;
  }

  /** Ends every participant's session (`participant_left`), then the room (`room_finished`). */
  delete(roomName: string): boolean {
    const entry = this.#rooms.get(roomName);
    if (!entry) return false;
    for (const identity of [...entry.participants.keys()]) {
      this.#removeParticipant(entry, identity, DisconnectReason.ROOM_DELETED);
    }
    this.#finish(entry, RoomEndReason.ROOM_END_API_DELETE);
    return true;
  }

  addDispatch(dispatch: AgentDispatch): void {
    this.#entry(this.create({ name: dispatch.room }).name).dispatches.set(dispatch.id, dispatch);
  }

  dispatches(roomName: string): AgentDispatch[] {
    return [...(this.#rooms.get(roomName)?.dispatches.values() ?? [])];
  }

  removeDispatch(roomName: string, id: string): AgentDispatch | undefined {
    const dispatches = this.#rooms.get(roomName)?.dispatches;
    const dispatch = dispatches?.get(id);
    dispatches?.delete(id);
    return dispatch;
  }

  /** A plain-object copy of every room, for inspection. */
  snapshot(): EmulatorRoom[] {
    return [...this.#rooms.values()].map(({ room, participants, dispatches }) => ({
      sid: room.sid,
      name: room.name,
      metadata: room.metadata,
      creationTimeMs: Number(room.creationTimeMs),
      participants: [...participants.values()].map(({ info }) => ({
        sid: info.sid,
        identity: info.identity,
        name: info.name,
        kind: ParticipantInfo_Kind[info.kind].toLowerCase(),
        attributes: { ...info.attributes },
        joinedAtMs: Number(info.joinedAtMs),
      })),
      dispatches: [...dispatches.values()].map((d) => ({
        id: d.id,
        agentName: d.agentName,
        metadata: d.metadata,
      })),
    }));
  }

  /** Forgets every room without ending calls or sending webhooks (reset and stop). */
  clear(): void {
    this.#rooms.clear();
  }

  #entry(name: string): RoomEntry {
    const entry = this.#rooms.get(name);
    if (!entry) throw new Error(`room ${name} does not exist`);
    return entry;
  }

  #removeParticipant(entry: RoomEntry, identity: string, reason: DisconnectReason): void {
    const participant = entry.participants.get(identity);
    if (!participant) return;
    entry.participants.delete(identity);
    entry.room.numParticipants = entry.participants.size;
    const { info } = participant;
    info.state = ParticipantInfo_State.DISCONNECTED;
    info.disconnectReason = reason;
    // Let the driver (a SIP call) stop its timers and settle before the webhook goes out.
    participant.onRemoved?.(reason);
    this.#log(`${identity} left ${entry.room.name} (${DisconnectReason[reason]})`);
    this.#emitEvent('participant_left', entry.room, info);
  }

  #finish(entry: RoomEntry, reason: RoomEndReason): void {
    this.#rooms.delete(entry.room.name);
    this.#log(`room ${entry.room.name} finished`);
    this.#emitEvent('room_finished', entry.room, undefined, reason);
  }

  #emitEvent(event: string, room: Room, participant?: ParticipantInfo, roomEndReason?: RoomEndReason): void {
    this.#emit(
      new WebhookEvent({
        id: newId('EV_'),
        event,
        room: room.clone(),
        participant: participant?.clone(),
        createdAt: BigInt(Math.floor(Date.now() / 1000)),
        roomEndReason,
      }),
    );
  }
}
