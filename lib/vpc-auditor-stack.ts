import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { CATALOG } from '../rules/catalog';
import type { Settings } from '../rules/engine/settings';

export interface VpcAuditorStackProps extends StackProps {
  settings: Settings;
}

/**
 * The deployable auditor. For now it records what a deployment was configured with (the
 * validated settings and the rules it evaluates) in SSM; the Lambda functions, triggers and
 * findings publishers arrive with the deployment work.
 */
export class VpcAuditorStack extends Stack {
  constructor(scope: Construct, id: string, props: VpcAuditorStackProps) {
    super(scope, id, { description: 'vpc-auditor: compliance auditing of AWS network controls', ...props });
    const enabled = CATALOG.filter((r) => props.settings.rules[r.meta.id]?.mode !== 'off').map((r) => r.meta.id);
    new StringParameter(this, 'Settings', {
      parameterName: '/vpc-auditor/settings',
      description: 'Validated vpc-auditor settings of this deployment (cdk.json context vpc-auditor)',
      stringValue: JSON.stringify({ rules: enabled, settings: props.settings }),
    });
    new CfnOutput(this, 'RuleCatalog', { value: enabled.join(','), description: 'Rules this deployment evaluates' });
  }
}
