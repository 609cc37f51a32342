import * as z from 'zod';
import { MalformedEventError, parseJsonAt, parseWith } from './malformed-event';

/**
 * The event AWS Config sends a custom Lambda rule (AWS Config developer guide, "Example events
 * for AWS Config rules"; aws-config-rdk's test event template). Loose objects: Config adds fields
 * over time (evaluationMode, debug); strict on the fields the handler reads. invokingEvent and
 * ruleParameters are JSON strings; parseConfigRuleEvent decodes both.
 */
export const ConfigRuleEventSchema = z.looseObject({
  invokingEvent: z.string(),
  /** A JSON object as a string; rdk's template sends "" and the docs' periodic example omits it. */
  ruleParameters: z.string().optional(),
  resultToken: z.string().min(1),
  eventLeftScope: z.boolean().default(false),
  executionRoleArn: z.string().optional(),
  configRuleArn: z.string().optional(),
  configRuleName: z.string().min(1),
  configRuleId: z.string().optional(),
  accountId: z.string().optional(),
  version: z.string().optional(),
  /** DETECTIVE or PROACTIVE; not read, so a new mode does not reject the event. */
  evaluationMode: z.string().optional(),
});

export const CONFIGURATION_ITEM_STATUSES = ['OK', 'ResourceDiscovered', 'ResourceDeleted', 'ResourceNotRecorded', 'ResourceDeletedNotRecorded'] as const;

/** What the handler reads of a configuration item or of its oversized summary. */
const itemFields = {
  configurationItemStatus: z.enum(CONFIGURATION_ITEM_STATUSES),
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  configurationItemCaptureTime: z.string().min(1),
  awsRegion: z.string().min(1),
  awsAccountId: z.string().optional(),
};

export const ConfigurationItemSchema = z.looseObject(itemFields);

export const InvokingEventSchema = z.discriminatedUnion('messageType', [
  z.looseObject({ messageType: z.literal('ConfigurationItemChangeNotification'), configurationItem: ConfigurationItemSchema }),
  z.looseObject({ messageType: z.literal('OversizedConfigurationItemChangeNotification'), configurationItemSummary: ConfigurationItemSchema }),
  z.looseObject({
    messageType: z.literal('ScheduledNotification'),
    notificationCreationTime: z.string().min(1),
    recordVersion: z.string().optional(),
    awsAccountId: z.string().optional(),
  }),
]);

export type ConfigurationItem = z.infer<typeof ConfigurationItemSchema>;
export type InvokingEvent = z.infer<typeof InvokingEventSchema>;

/** A Config rule invocation with its two JSON strings decoded and validated. */
export type ConfigRuleEvent = Pick<
  z.infer<typeof ConfigRuleEventSchema>,
  'resultToken' | 'eventLeftScope' | 'executionRoleArn' | 'configRuleArn' | 'configRuleName' | 'configRuleId' | 'accountId' | 'version' | 'evaluationMode'
> & {
  invokingEvent: InvokingEvent;
  /** The rule's input parameters, a JSON object ({} when Config sends none or ""). */
  ruleParameters: Record<string, unknown>;
};

/** Validates a Config rule invocation; throws MalformedEventError naming the bad path. */
export function parseConfigRuleEvent(value: unknown): ConfigRuleEvent {
  const event = parseWith(ConfigRuleEventSchema, value, '');
  const invokingEvent = parseWith(InvokingEventSchema, parseJsonAt(event.invokingEvent, 'invokingEvent'), 'invokingEvent');
  return { ...event, invokingEvent, ruleParameters: parseRuleParameters(event.ruleParameters) };
}

function parseRuleParameters(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === '') return {};
  const value = parseJsonAt(text, 'ruleParameters');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedEventError('ruleParameters', 'expected a JSON object');
  }
  return value as Record<string, unknown>;
}
