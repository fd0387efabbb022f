// Carries events and stream signals between API instances after commit (RT-3.1): an in-process EventTarget when
// one instance runs, Redis (`@graphql-yoga/redis-event-target` over ioredis) when REDIS_URL is set. Each topic has
// one listener on the target and a set of local listeners behind it, so a message is parsed once per instance and
// every local subscriber gets the same object; the last local listener to go unsubscribes the topic (RT-6.3).
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { TypedEvent, TypedEventTarget } from '@graphql-yoga/typed-event-target';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type LoggedEvent, parseLoggedEvent } from './event-kinds.ts';

/**
 * What travels on a topic: a workspace's event or its deletion (`workspace:<id>`), the end of a session
 * (`session:<id>`) or of an API token (`api-token:<id>`).
 */
export type BusMessage = { type: 'event'; event: LoggedEvent } | { type: 'closed' } | { type: 'ended' };

type BusEvent = TypedEvent<string, unknown>;

export interface EventBus {
  publish(topic: string, message: BusMessage): void;
  /** Listens to a topic; resolves once messages published from then on are received, to the function that stops. */
  listen(topic: string, listener: (message: BusMessage) => void): Promise<() => void>;
  /** Local listeners of a topic (of every topic when none is given), for tests and metrics. */
  listenerCount(topic?: string): number;
  close(): Promise<void>;
}

const signal = z.object({ type: z.enum(['closed', 'ended']) });

function parseMessage(detail: unknown): BusMessage {
  if (typeof detail === 'object' && detail !== null && 'type' in detail && detail.type === 'event' && 'event' in detail)
    return { type: 'event', event: parseLoggedEvent(detail.event) };
  return signal.parse(detail);
}

export const workspaceTopic = (workspaceId: string) => `workspace:${workspaceId}`;
export const sessionTopic = (sessionId: string) => `session:${sessionId}`;
export const tokenTopic = (tokenId: string) => `api-token:${tokenId}`;

interface BusOptions {
  target: TypedEventTarget<BusEvent>;
  /** Resolves once the target receives a topic's messages (Redis confirms the SUBSCRIBE). */
  subscribed?: (topic: string) => Promise<unknown>;
  close?: () => Promise<void>;
  /** Where a message that cannot be parsed is reported. */
  onError: (error: unknown) => void;
}

function createBus({ target, subscribed, close, onError }: BusOptions): EventBus {
  const topics = new Map<string, { listeners: Set<(message: BusMessage) => void>; receive: (e: BusEvent) => void }>();
  return {
    publish(topic, message) {
      target.dispatchEvent(new CustomEvent(topic, { detail: message }));
    },
    async listen(topic, listener) {
      let entry = topics.get(topic);
      if (!entry) {
        const listeners = new Set<(message: BusMessage) => void>();
        const receive = (event: BusEvent) => {
          let message: BusMessage;
          try {
            message = parseMessage(event.detail);
          } catch (error) {
            onError(error);
            return;
          }
          for (const each of [...listeners]) each(message);
        };
        entry = { listeners, receive };
        topics.set(topic, entry);
        target.addEventListener(topic, receive);
      }
      entry.listeners.add(listener);
      await subscribed?.(topic);
      return () => {
        const current = topics.get(topic);
        if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
        topics.delete(topic);
        target.removeEventListener(topic, current.receive);
      };
    },
    listenerCount(topic) {
      if (topic !== undefined) return topics.get(topic)?.listeners.size ?? 0;
      let count = 0;
      for (const entry of topics.values()) count += entry.listeners.size;
      return count;
    },
    close: close ?? (async () => {}),
  };
}

/** One process: messages stay in it. */
export function createLocalEventBus(onError: (error: unknown) => void): EventBus {
  return createBus({ target: new EventTarget(), onError });
}

/**
 * Several processes: messages go through Redis, to every instance including this one. Takes two connections (a
 * subscribed one can do nothing else) and closes them with the bus.
 */
export function createRedisEventBus(
  publishClient: Redis,
  subscribeClient: Redis,
  onError: (error: unknown) => void,
): EventBus {
  return createBus({
    target: createRedisEventTarget<BusEvent>({ publishClient, subscribeClient }),
    // The target subscribes without waiting; subscribing again is harmless and says when Redis has it.
    subscribed: (topic) => subscribeClient.subscribe(topic),
    close: async () => {
      subscribeClient.disconnect();
      await publishClient.quit();
    },
    onError,
  });
}
