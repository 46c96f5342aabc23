// An event record of the events API, dressed as the v2 webhook Telnyx would have delivered (API.md §15).
// Telnyx documents the envelope but not how a record maps onto it, so the mapping is ours and is said
// out loud (ENVELOPE_MAPPING) wherever the envelope is shown or sent.

import * as l10n from '@vscode/l10n';
import type { Direction } from './directions';
import { recordTimeText } from './records';
import type { PortingEvent } from './types';

export interface WebhookEnvelope {
  data: {
    event_type: string | null;
    id: string | null;
    occurred_at: string | null;
    payload: unknown;
    record_type: 'event';
  };
  meta: {
    attempt: number;
    delivered_to: string;
  };
}

/**
 * Each envelope field and where its value comes from, in the order the envelope has them. The sources are
 * words for a person, looked up in the user's language when shown.
 */
export const ENVELOPE_MAPPING: readonly (readonly [field: string, source: () => string])[] = [
  ['data.event_type', () => l10n.t("the event's event_type")],
  ['data.id', () => l10n.t("the event's id (the event, not the order: the order's id is in data.payload)")],
  [
    'data.occurred_at',
    () =>
      l10n.t(
        "the event's created_at as Telnyx wrote it; for an event without one (the spec's porting_order.deleted) the first of payload.deleted_at, payload.created_at, updated_at, payload.updated_at",
      ),
  ],
  ['data.payload', () => l10n.t("the event's payload as is (null while Telnyx has not generated it)")],
  ['data.record_type', () => l10n.t('always "event"')],
  ['meta.attempt', () => l10n.t('1, or the attempt number given')],
  ['meta.delivered_to', () => l10n.t('the URL it is sent to')],
];

/** The mapping in a few lines, for a document, the log or the README; the fields the envelope leaves out are named for the direction. */
export function describeMapping(dir: Direction): string {
  return [
    l10n.t("Telnyx does not document how an event of the events API maps onto a webhook; this is the extension's mapping for {0} events:", dir.label),
    ...ENVELOPE_MAPPING.map(([field, source]) => `  ${field} ← ${source()}`),
    l10n.t("Not sent: the event's {0}, payload_status, available_notification_methods, record_type and updated_at.", dir.eventOrderField),
  ].join('\n');
}

export function toEnvelope(event: PortingEvent, deliveredTo: string, attempt = 1): WebhookEnvelope {
  return {
    data: {
      event_type: event.event_type ?? null,
      id: event.id ?? null,
      occurred_at: recordTimeText(event) ?? null,
      payload: event.payload ?? null,
      record_type: 'event',
    },
    meta: { attempt, delivered_to: deliveredTo },
  };
}

/**
 * The envelope as the exact text that is signed and sent: keys sorted at every level and no whitespace,
 * so the same event gives the same bytes however its record was parsed. The envelope's own keys sorted are
 * the order Telnyx's guides show.
 */
export function serializeEnvelope(envelope: WebhookEnvelope): string {
  return JSON.stringify(envelope, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) sorted[k] = (value as Record<string, unknown>)[k];
    return sorted;
  });
}
