#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { VpcAuditorStack } from '../lib/vpc-auditor-stack';
import { CATALOG } from '../rules/catalog';
import { parseSettings } from '../rules/engine/settings';

const app = new App();
// Settings come from cdk.json context `vpc-auditor`; a bad key stops the synth naming it.
const settings = parseSettings(app.node.tryGetContext('vpc-auditor'), 'cdk.json context vpc-auditor', CATALOG);
new VpcAuditorStack(app, 'VpcAuditor', { settings });
