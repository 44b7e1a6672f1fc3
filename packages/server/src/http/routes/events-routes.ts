/**
 * @module
 * The events endpoints: the JSON feed and, with `Accept: text/event-stream`, the live
 * Server-Sent Events streams. Every check (the call, Last-Event-ID, the stream limit) runs before
 * the stream's headers go out, so a refusal is still an ordinary error response.
 */
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { EventFeed } from '../../events/event-feed';
import type { EventType } from '../../events/event-resource';
import type { EventService } from '../../events/event-service';
import type { OpenStreams } from '../../events/open-streams';
import { SseWriter } from '../../events/sse-writer';
import { organizationOf } from '../request-context';
import { pageQuery } from './page-query';
import { queryArray } from './query-array';

export interface EventsRoutesDeps {
  events: EventService;
  openStreams: OpenStreams;
  /** Milliseconds between keep-alive comments on a stream (default 15 s). */
  eventStreamKeepAliveMs?: number | undefined;
}

export function eventsRoutes({ events, openStreams, eventStreamKeepAliveMs }: EventsRoutesDeps): Router {
  const router = Router();

  const stream = (req: Request, res: Response, feed: EventFeed) => {
    if (!req.auth) throw new Error('route reached without authentication');
    // HEAD: the headers a stream would have, and no stream.
    if (req.method === 'HEAD') {
      new SseWriter(res).open();
      res.end();
      return;
    }
    const writer = new SseWriter(res, {
      ...(eventStreamKeepAliveMs === undefined ? {} : { keepAliveMs: eventStreamKeepAliveMs }),
      // Also catches up with changes another process committed (they wake no one here).
      onKeepAlive: () => feed.wake(),
    });
    const release = openStreams.open(req.auth.apiKeyId, () => writer.end());
    res.once('close', () => {
      feed.stop();
      release();
    });
    writer.open();
    feed.start(writer);
  };

  router.get('/api/v1/events', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const filters = {
      types: queryArray(query.type) as EventType[] | undefined,
      callId: query.callId as string | undefined,
      batchId: query.batchId as string | undefined,
    };
    if (wantsEventStream(req)) {
      const feed = await events.organizationFeed(organizationOf(req), filters, req.get('last-event-id'));
      return stream(req, res, feed);
    }
    res.json({ data: await events.list(organizationOf(req), filters, pageQuery(query)) });
  });

  router.get('/api/v1/calls/:callId/events', async (req, res) => {
    const callId = String(req.params.callId);
    if (wantsEventStream(req)) {
      const feed = await events.callFeed(organizationOf(req), callId, req.get('last-event-id'));
      return stream(req, res, feed);
    }
    res.json({ data: { events: await events.listOfCall(organizationOf(req), callId) } });
  });

  return router;
}

/** JSON unless the client asks for the stream (`Accept: text/event-stream`). */
function wantsEventStream(req: Request): boolean {
  return req.accepts(['application/json', 'text/event-stream']) === 'text/event-stream';
}
