import { CATALOG } from '../../rules/catalog';
import type { AnyRule } from '../../rules/engine/rule';
import { RESOURCE_KINDS } from '../../rules/engine/resources';
import type { ResourceKindName } from '../../rules/engine/types';
import type { ConfigRuleEvent, ConfigurationItem } from './config-event';
import { MalformedEventError } from './malformed-event';

/**
 * What a Config rule invocation asks for, decided before anything is read. Config's verdict for
 * a deleted, unrecorded or out-of-scope resource is NOT_APPLICABLE with nothing read at all.
 */
export type ConfigWork =
  | ({ action: 'not-applicable'; reason: string } & ItemWork)
  | ({ action: 'evaluate-resource'; region: string } & ItemWork)
  | {
      /** ScheduledNotification: every resource of the rule's kind in the region. */
      action: 'evaluate-kind';
      ruleId: string;
      resourceKind: ResourceKindName;
      /** From the rule's ARN; undefined when Config did not send one (the function's own region then). */
      region: string | undefined;
      orderingTimestamp: string;
    };

interface ItemWork {
  ruleId: string;
  resourceType: string;
  resourceId: string;
  /** The catalog kind of resourceType; undefined for a type the rule triggers on but does not evaluate (an ENI for sg-attached). */
  resourceKind: ResourceKindName | undefined;
  /** PutEvaluations' OrderingTimestamp: the item's capture time, so a late invocation never overwrites a newer verdict. */
  orderingTimestamp: string;
}

const NOT_APPLICABLE_STATUSES: Partial<Record<ConfigurationItem['configurationItemStatus'], string>> = {
  ResourceDeleted: 'the resource was deleted',
  ResourceDeletedNotRecorded: 'the resource was deleted and is no longer recorded',
  ResourceNotRecorded: 'AWS Config no longer records the resource',
};

/** The work a parsed Config rule invocation asks for. `rules` is the catalog (a parameter for tests). */
export function configWork(event: ConfigRuleEvent, rules: readonly AnyRule[] = CATALOG): ConfigWork {
  const rule = ruleOfConfigRuleName(event.configRuleName, rules);
  const ruleId = rule.meta.id;
  const invoking = event.invokingEvent;
  if (invoking.messageType === 'ScheduledNotification') {
    const region = event.configRuleArn?.split(':')[3] || undefined;
    return { action: 'evaluate-kind', ruleId, resourceKind: rule.meta.resourceKind, region, orderingTimestamp: invoking.notificationCreationTime };
  }
  const item = invoking.messageType === 'ConfigurationItemChangeNotification' ? invoking.configurationItem : invoking.configurationItemSummary;
  const work: ItemWork = {
    ruleId,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceKind: kindOfConfigType(item.resourceType),
    orderingTimestamp: item.configurationItemCaptureTime,
  };
  const reason = event.eventLeftScope ? 'the resource left the rule’s scope' : NOT_APPLICABLE_STATUSES[item.configurationItemStatus];
  return reason ? { action: 'not-applicable', reason, ...work } : { action: 'evaluate-resource', region: item.awsRegion, ...work };
}

/**
 * The catalog rule a Config rule runs: its name ends in the rule id (design.md "Rule identity"),
 * after any prefix the stack adds (`vpc-auditor-sg-no-public-admin-ports`). The longest id that
 * fits wins, so no id can shadow a longer one that ends with it.
 */
export function ruleOfConfigRuleName(name: string, rules: readonly AnyRule[] = CATALOG): AnyRule {
  let best: AnyRule | undefined;
  for (const rule of rules) {
    const id = rule.meta.id;
    if ((name === id || name.endsWith(`-${id}`)) && id.length > (best?.meta.id.length ?? 0)) best = rule;
  }
  if (!best) throw new MalformedEventError('configRuleName', `"${name}" does not end in the id of a catalog rule`);
  return best;
}

function kindOfConfigType(type: string): ResourceKindName | undefined {
  return (Object.keys(RESOURCE_KINDS) as ResourceKindName[]).find((k) => RESOURCE_KINDS[k].configType === type);
}
