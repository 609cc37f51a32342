import * as z from 'zod';
import { parseJsonAt, parseWith } from './malformed-event';

/**
 * An EventBridge "AWS API Call via CloudTrail" event for an EC2 call (EventBridge user guide;
 * CloudTrail record contents), as the change handler receives it inside an SQS message. Loose
 * objects: CloudTrail adds fields per event version; strict on the fields the handler reads.
 * requestParameters and responseElements are kept as JSON: their shape is the call's Query-API
 * shape, read by affected-resources.ts.
 */
const JsonObject = z.record(z.string(), z.unknown());

export const UserIdentitySchema = z.looseObject({
  type: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  invokedBy: z.string().optional(),
  sessionContext: z
    .looseObject({ sessionIssuer: z.looseObject({ type: z.string().optional(), arn: z.string().optional(), userName: z.string().optional() }).optional() })
    .optional(),
});

export const CloudTrailDetailSchema = z.looseObject({
  eventID: z.string().min(1),
  eventName: z.string().min(1),
  eventSource: z.literal('ec2.amazonaws.com'),
  eventTime: z.string().optional(),
  awsRegion: z.string().min(1),
  recipientAccountId: z.string().optional(),
  userIdentity: UserIdentitySchema,
  /** Set when the call failed; such events change nothing and are skipped. */
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  /** null for calls without parameters and, in responseElements, for failed calls. */
  requestParameters: JsonObject.nullable().optional(),
  responseElements: JsonObject.nullable().optional(),
});

export const CloudTrailEventSchema = z.looseObject({
  id: z.string().optional(),
  'detail-type': z.literal('AWS API Call via CloudTrail'),
  source: z.literal('aws.ec2'),
  account: z.string().optional(),
  region: z.string().optional(),
  time: z.string().optional(),
  detail: CloudTrailDetailSchema,
});

/** An SQS record as Lambda's event source mapping delivers it; the body is the event's JSON. */
export const SqsRecordSchema = z.looseObject({
  messageId: z.string().min(1),
  receiptHandle: z.string().optional(),
  body: z.string(),
  attributes: z.looseObject({ ApproximateReceiveCount: z.string().optional() }).optional(),
  eventSource: z.literal('aws:sqs').optional(),
  eventSourceARN: z.string().optional(),
  awsRegion: z.string().optional(),
});

export type CloudTrailEvent = z.infer<typeof CloudTrailEventSchema>;
export type CloudTrailDetail = z.infer<typeof CloudTrailDetailSchema>;

/** One SQS message of the change queue, decoded. */
export interface ChangeMessage {
  messageId: string;
  event: CloudTrailEvent;
}

/**
 * Decodes one SQS record of the change queue. Throws MalformedEventError naming the bad path
 * (`body: not valid JSON …`, `body.detail: expected object, received undefined`); the handler
 * fails that message alone.
 */
export function parseChangeMessage(record: unknown): ChangeMessage {
  const { messageId, body } = parseWith(SqsRecordSchema, record, '');
  return { messageId, event: parseCloudTrailEvent(parseJsonAt(body, 'body'), 'body') };
}

/** Validates an EventBridge CloudTrail event (delivered directly, or as an SQS body at `prefix`). */
export function parseCloudTrailEvent(value: unknown, prefix = ''): CloudTrailEvent {
  return parseWith(CloudTrailEventSchema, value, prefix);
}
