import { describe, expect, it } from 'vitest';
import { parseChangeMessage, parseCloudTrailEvent } from '../../../lambdas/events/cloudtrail-event';
import { copy, fixture, malformed } from './fixtures';

type Record = { messageId: string; body: string } & { [k: string]: unknown };
const sqsRecord = (): Record => copy(fixture<{ Records: Record[] }>('sqs-authorize-sg-ingress.json').Records[0]);

describe('parseChangeMessage', () => {
  it('decodes the SQS record and the EventBridge event in its body', () => {
    // Arrange
    const record = sqsRecord();
    // Act
    const { messageId, event } = parseChangeMessage(record);
    // Assert
    expect(messageId).toBe('059f36b4-87a3-44ab-83d2-661975830a7d');
    expect(event.detail).toMatchObject({
      eventName: 'AuthorizeSecurityGroupIngress',
      eventID: 'ed2b58c7-5b71-49d8-412d-66b695f0e2a7',
      awsRegion: 'eu-west-1',
      recipientAccountId: '215125613612',
      requestParameters: { groupId: 'sg-b15kasfs' },
    });
    expect(event.detail.userIdentity.sessionContext?.sessionIssuer?.arn).toMatch(/:role\/aws-reserved\/sso\.amazonaws\.com\//);
  });

  it('keeps the fields AWS adds beyond the ones it reads (loose objects)', () => {
    const { event } = parseChangeMessage(sqsRecord());
    expect(event.detail).toMatchObject({ eventCategory: 'Management', managementEvent: true });
  });

  it('accepts a failed call, whose responseElements are null', () => {
    const event = copy(fixture('cloudtrail-authorize-sg-ingress.eventbridge.json')) as { detail: { [k: string]: unknown } };
    Object.assign(event.detail, { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized', responseElements: null });
    expect(parseCloudTrailEvent(event).detail.errorCode).toBe('Client.UnauthorizedOperation');
  });

  it('decodes Cloud Custodian’s DeleteTransitGatewayVpcAttachment event', () => {
    const event = parseCloudTrailEvent(fixture('cloudtrail-delete-tgw-attachment.custodian.json'));
    expect(event.detail.eventName).toBe('DeleteTransitGatewayVpcAttachment');
  });

  it('keeps the error on one line when the body spans lines', () => {
    const record = sqsRecord();
    record.body = '{\n  "detail":\n  oops\n}';
    expect(malformed(() => parseChangeMessage(record)).message).not.toContain('\n');
  });

  it.each([
    ['the body is not JSON', (r: Record) => (r.body = 'not json'), '', /^body: not valid JSON/],
    ['the event has no detail', (r: Record) => (r.body = JSON.stringify({ ...JSON.parse(r.body), detail: undefined })), 'body.detail', /expected object, received undefined$/],
    [
      'detail.eventName is missing',
      (r: Record) => {
        const e = JSON.parse(r.body);
        delete e.detail.eventName;
        r.body = JSON.stringify(e);
      },
      'body.detail.eventName',
      /expected string, received undefined$/,
    ],
    ['it is not a CloudTrail event', (r: Record) => (r.body = JSON.stringify({ ...JSON.parse(r.body), 'detail-type': 'EC2 Instance State-change Notification' })), "body.detail-type", /AWS API Call via CloudTrail/],
    ['the record has no messageId', (r: Record) => delete (r as Partial<Record>).messageId, 'messageId', /expected string/],
  ])('throws MalformedEventError naming the path when %s', (_, spoil, path, message) => {
    const record = sqsRecord();
    spoil(record);
    const error = malformed(() => parseChangeMessage(record));
    expect(error.name).toBe('MalformedEventError');
    if (path) expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    if (path) expect(error.message.startsWith(`${path}: `)).toBe(true);
  });
});
