import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CATALOG } from '../rules/catalog';
import type { Settings } from '../rules/engine/settings';

export interface VpcAuditorStackProps extends StackProps {
  settings: Settings;
}

/**
 * The deployable auditor. For now it only publishes the catalog it was built with; the Lambda
 * functions, triggers and findings publishers arrive with the CDK issue.
 */
export class VpcAuditorStack extends Stack {
  constructor(scope: Construct, id: string, props: VpcAuditorStackProps) {
    super(scope, id, { description: 'vpc-auditor: compliance auditing of AWS network controls', ...props });
    const enabled = CATALOG.filter((r) => props.settings.rules[r.meta.id]?.mode !== 'off').map((r) => r.meta.id);
    new CfnOutput(this, 'RuleCatalog', { value: enabled.join(','), description: 'Rules this deployment evaluates' });
  }
}
