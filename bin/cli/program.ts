import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { CATALOG } from '../../rules/catalog';
import { InputError } from '../../rules/engine/errors';
import { SEVERITIES, type Severity, STATUSES, type Status } from '../../rules/engine/types';
import { rulesMarkdown } from '../../rules/report/rules-md';
import { AUDIT_FORMATS, type AuditOptions, runAudit } from './audit';
import { type CliIo, oneLine } from './io';
import { formatRules, RULES_FORMATS, type RulesFormat } from './rules-command';
import type { SnapshotOptions } from './snapshot-command';

function parseFailOn(value: string): Severity | 'none' {
  const upper = value.toUpperCase();
  if (upper === 'NONE') return 'none';
  if ((SEVERITIES as readonly string[]).includes(upper)) return upper as Severity;
  throw new InputError(`--fail-on: expected one of ${SEVERITIES.join(', ')} or none, got ${JSON.stringify(value)}`);
}

function repeat(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Live mode loads on demand: the build maps this import to its own bundle (dist/cli-live.cjs),
 * so auditing a file never loads the AWS SDK.
 */
const loadLive = () => import('./live');

function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A list option given twice adds up (`--rules a --rules b` runs both), as users of other CLIs expect. */
function appendList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...parseList(value)];
}

function parseStatuses(value: string, previous: Status[] | undefined): Status[] {
  const statuses = parseList(value).map((s) => s.toUpperCase());
  const bad = statuses.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (bad.length || statuses.length === 0) {
    throw new InputError(`--status: expected a comma list of ${STATUSES.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return [...(previous ?? []), ...(statuses as Status[])];
}

/** A file option given twice is a mistake to name, not a choice to make silently (commander keeps the last). */
function onlyOnce(option: string) {
  return (value: string, previous: string | undefined): string => {
    if (previous !== undefined) throw new InputError(`${option} given twice (${previous}, ${value}): pass it once`);
    return value;
  };
}

type Exit = number | Promise<number>;

function buildProgram(io: CliIo, setExit: (code: Exit) => void): Command {
  const program = new Command('vpc-auditor')
    .description(
      'Audit AWS network controls (security groups, network ACLs, routes, NAT, interfaces, VPCs and subnets, Site-to-Site and Client VPN) against the vpc-auditor rule catalog.',
    )
    .version(version, '--version', 'print the version')
    // commander's usage errors ("error: unknown option '--nope'") get the prefix ours carry, so
    // every failure the CLI reports reads `vpc-auditor: …` whoever detected it.
    // They quote arguments too, so control characters are escaped line by line (a suggestion
    // such as "(Did you mean --format?)" keeps its own line).
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(text.replace(/^error: /, 'vpc-auditor: ').replace(/[^\n]+/g, oneLine)),
    })
    .exitOverride();

  program
    .command('audit')
    .description('Evaluate a snapshot file (the union of `aws ec2 describe-*` outputs), or a live account read-only, and print findings.')
    .option('--snapshot <file>', 'snapshot JSON file, or - for standard input', onlyOnce('--snapshot'))
    // live mode: see bin/cli/live.ts
    .option('--live', 'read the account through the AWS APIs (read-only) instead of a file')
    .option('--region <region>', 'with --live: a region to read (repeatable; default: the AWS_REGION / profile region)', repeat, [] as string[])
    .option('--profile <name>', 'with --live: the AWS profile to use')
    // end live mode
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else json)').choices(AUDIT_FORMATS))
    .option('--fail-on <severity>', 'exit 1 when a FAIL is at or above this severity, or "none"', parseFailOn, 'HIGH' as Severity | 'none')
    .option('--config <file>', 'settings JSON file (rule parameters, trusted CIDRs, modes), or - for standard input', onlyOnce('--config'))
    .option('--rules <ids>', 'comma-separated rule ids to run (default: all; may be repeated)', appendList)
    .option('--status <statuses>', 'comma-separated statuses to print: PASS, FAIL, NOT_APPLICABLE, ERROR (default: all for json and asff, FAIL,ERROR for table; the summary counts all)', parseStatuses)
    .addHelpText('after', '\nExit codes: 0 no failure at or above --fail-on, 1 failures (or a rule error), 2 bad input or usage.')
    .action((opts: AuditOptions & { live?: boolean; region: string[]; profile?: string }) => {
      if (opts.live) {
        if (opts.snapshot) throw new InputError('audit: pass either --snapshot FILE or --live, not both');
        setExit(loadLive().then((live) => live.auditLive(io, opts)));
        return;
      }
      if (!opts.snapshot) throw new InputError('audit: pass --snapshot FILE or --live');
      if (opts.region.length || opts.profile) throw new InputError('audit: --region and --profile go with --live');
      setExit(runAudit(io, opts));
    });

  // live mode: see bin/cli/snapshot-command.ts
  program
    .command('snapshot')
    .description('Write a live account as a snapshot file that `audit --snapshot` reads (read-only).')
    .option('--live', 'read the account through the AWS APIs (the only source today)')
    .option('--region <region>', 'the region to read (default: the AWS_REGION / profile region)')
    .option('--profile <name>', 'the AWS profile to use')
    .option('--out <file>', 'write the snapshot here (default: stdout)', onlyOnce('--out'))
    .option('--rules <ids>', 'read only what these rules need (default: every key; may be repeated)', appendList)
    .option('--config <file>', 'settings JSON file (collectConcurrency)', onlyOnce('--config'))
    .action((opts: SnapshotOptions) => {
      setExit(loadLive().then((live) => live.snapshotLive(io, opts)));
    });
  // end live mode

  program
    .command('rules')
    .description('List the rule catalog.')
    .addOption(new Option('--format <format>', 'output format').choices(RULES_FORMATS).default('table'))
    .action((opts: { format: RulesFormat }) => {
      io.stdout(opts.format === 'md' ? rulesMarkdown(CATALOG) : formatRules(CATALOG, opts.format));
    });

  return program;
}

/**
 * Runs the CLI on argv (without node and script); returns the process exit code, or a promise
 * of it for live mode (the only part that waits on the network).
 */
export function run(argv: string[], io: CliIo): Exit {
  let code = 0 as Exit;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    return exitCodeOf(err, io);
  }
  const result: Exit = code;
  return typeof result === 'number' ? result : result.catch((err: unknown) => exitCodeOf(err, io));
}

function exitCodeOf(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  // By name: live mode's bundle (dist/cli-live.cjs) has its own copy of the class.
  if (err instanceof Error && err.name === 'InputError') {
    io.stderr(`vpc-auditor: ${oneLine(err.message)}\n`);
    return 2;
  }
  io.stderr(`vpc-auditor: internal error: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
  return 2;
}
