#!/usr/bin/env node
// Deterministic, seeded snapshot generator for benchmarks (plain Node 20 ESM, no dependencies).
//   node bench/generate.mjs --groups 10000 --nacls 1000 --seed 42 --out bench/out/inventory-10k.json [--pretty]
// Output: ONE JSON object, the union of `aws ec2 describe-*` outputs, key for key, with exact EC2 API field
// names and value shapes (the snapshot contract: README.md "Audit your own account"). Same arguments => byte-identical file.
// Library use: import { generateInventory } from './generate.mjs'; generateInventory({ groups, nacls, seed }).
//
// Sizing: one VPC per 50 security groups (VPC 0 is the default VPC, 172.31.0.0/16; others 10.x.0.0/16),
// `groups` security groups in total (one `default` per VPC included), `nacls` NACLs in total (one default
// per VPC included; at least one per VPC), about 1.5 network interfaces per group. Every group and NACL
// carries a `bench:profile` tag naming the mix bucket it was drawn from (compliant, open-admin, sneaky, ...).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeRng, makeIds, ipToInt, intToIp, isoTime, tags } from './lib-rand.mjs';
import { buildVpcGroups, rulesFor } from './lib-sg.mjs';
import { buildNacl } from './lib-nacl.mjs';
import { buildVpc, eniFactory, buildRouteTables, prefixLists } from './lib-net.mjs';

const ACCT = '123456789012';
const REGION = 'eu-west-1';
const GROUPS_PER_VPC = 50;

export function generateInventory({ groups = 1000, nacls = 100, seed = 42 } = {}) {
  const rng = makeRng(seed);
  const id = makeIds(rng);
  const ctx = { rng, id, acct: ACCT, region: REGION };
  const inv = {
    AccountId: ACCT, Region: REGION, Vpcs: [], Subnets: [], InternetGateways: [], EgressOnlyInternetGateways: [],
    NatGateways: [], RouteTables: [], SecurityGroups: [], SecurityGroupRules: [], NetworkAcls: [],
    NetworkInterfaces: [], ManagedPrefixLists: [], PrefixListEntries: {},
  };
  const pls = prefixLists(inv, id, ACCT, REGION);
  const nVpc = Math.max(1, Math.ceil(groups / GROUPS_PER_VPC));
  const nCustomNacls = Math.max(0, nacls - nVpc);
  let publicIpSeq = 0; // unique public IPv4s: a permutation of 52.16.0.0/14
  const publicIp = () => intToIp(ipToInt('52.16.0.0') + ((publicIpSeq++ * 40503) % 262144));

  for (let v = 0; v < nVpc; v++) {
    const net = buildVpc(ctx, inv, v);
    const { vpc, isDefault, name, subnets, pubs, privs } = net;

    // Security groups (and describe-security-group-rules, one rule per source); ~10% never attached.
    const nGroups = Math.max(1, Math.min(GROUPS_PER_VPC, groups - v * GROUPS_PER_VPC));
    const sgs = buildVpcGroups(ctx, vpc, nGroups, pls);
    for (const g of sgs) {
      inv.SecurityGroups.push(g);
      for (const r of rulesFor(g, id, REGION)) inv.SecurityGroupRules.push(r);
    }
    const used = sgs.slice(1).filter(() => rng.chance(0.9));
    if (!used.length) used.push(sgs[0]);
    const eni = eniFactory(ctx, inv, vpc.VpcId);

    // NAT gateways: public ones in public subnets (5% misplaced in a private subnet), 10% private ones.
    const nats = [];
    if (!isDefault) {
      const nNat = rng.weighted([[1, 50], [pubs.length, 40], [0, 10]]);
      for (let k = 0; k < nNat; k++) {
        const priv = rng.chance(0.1), misplaced = !priv && rng.chance(0.05);
        const sub = priv || misplaced ? rng.pick(privs) : pubs[k];
        const NatGatewayId = id('nat'), pip = priv ? null : publicIp();
        const ni = eni(sub, {
          type: 'nat_gateway', managed: true, sdc: false, attachment: true, groups: [],
          description: `Interface for NAT Gateway ${NatGatewayId}`, ...(pip ? { publicIp: pip, eip: true } : {}),
        });
        const address = pip
          ? { AllocationId: ni.Association.AllocationId, NetworkInterfaceId: ni.NetworkInterfaceId, PrivateIp: ni.PrivateIpAddress,
            PublicIp: pip, AssociationId: ni.Association.AssociationId, IsPrimary: true, Status: 'succeeded' }
          : { NetworkInterfaceId: ni.NetworkInterfaceId, PrivateIp: ni.PrivateIpAddress, IsPrimary: true, Status: 'succeeded' };
        inv.NatGateways.push({
          CreateTime: isoTime(rng), NatGatewayAddresses: [address], NatGatewayId, State: 'available',
          SubnetId: sub.s.SubnetId, VpcId: vpc.VpcId, Tags: tags({ Name: `${name}-nat-${k}` }),
          ConnectivityType: priv ? 'private' : 'public',
        });
        if (!priv) nats.push({ id: NatGatewayId, az: sub.az });
      }
    }
    // A deleted NAT gateway (still listed, as describe-nat-gateways does for a while), target of a blackhole route.
    let deadNat = null;
    if (!isDefault && rng.chance(0.05)) {
      deadNat = id('nat');
      const t = isoTime(rng);
      inv.NatGateways.push({
        CreateTime: t, DeleteTime: t, NatGatewayAddresses: [{ AllocationId: id('eipalloc'), NetworkInterfaceId: id('eni'),
          PrivateIp: `${vpc.prefix}.15.250`, PublicIp: publicIp(), IsPrimary: true, Status: 'succeeded' }],
        NatGatewayId: deadNat, State: 'deleted', SubnetId: pubs[0].s.SubnetId, VpcId: vpc.VpcId, Tags: [], ConnectivityType: 'public',
      });
    }
    // NAT instance (source/dest check off, route target) in half the VPCs without a NAT gateway, a few others.
    let natInstance = null;
    if (!isDefault && (nats.length ? rng.chance(0.03) : rng.chance(0.5))) {
      const InstanceId = id('i');
      const ni = eni(pubs[0], {
        instance: InstanceId, attachment: true, sdc: false, publicIp: publicIp(), eip: true, groups: [rng.pick(used)],
        description: 'NAT instance', tags: tags({ Name: 'nat-instance' }),
      });
      natInstance = { InstanceId, NetworkInterfaceId: ni.NetworkInterfaceId };
    }

    // Workload interfaces: ~1.5 per group, every used group on at least one.
    const nEni = Math.round(1.5 * nGroups);
    for (let j = 0; j < nEni; j++) {
      const gs = [j < used.length ? used[j] : rng.pick(used)];
      if (rng.chance(0.3)) gs.push(rng.pick(used));
      if (rng.chance(0.05)) gs.push(sgs[0]);
      const groupsOf = [...new Set(gs)];
      const kind = rng.weighted([['instance', 80], ['lambda', 8], ['endpoint', 4], ['elb', 5], ['nlb', 3]]);
      const inPublic = kind === 'elb' || kind === 'nlb' || (kind === 'instance' && (isDefault || rng.chance(0.4)));
      const sub = inPublic || !privs.length ? rng.pick(pubs) : rng.pick(privs);
      const detached = kind === 'instance' && rng.chance(0.03);
      const o = { groups: groupsOf, attachment: !detached, v6: rng.chance(0.5) };
      if (kind === 'instance') {
        o.instance = detached ? undefined : id('i');
        const auto = sub.s.MapPublicIpOnLaunch;
        if (sub.pub && rng.chance(auto ? 0.9 : 0.4)) Object.assign(o, { publicIp: publicIp(), eip: !auto });
        if (rng.chance(0.02)) o.sdc = false;
        o.description = rng.chance(0.5) ? 'Primary network interface' : '';
      } else if (kind === 'lambda') {
        Object.assign(o, { type: 'lambda', managed: true, description: `AWS Lambda VPC ENI-fn-${rng.hex(8)}` });
      } else if (kind === 'endpoint') {
        Object.assign(o, { type: 'vpc_endpoint', managed: true, requester: '727180483921', description: `VPC Endpoint Interface ${id('vpce')}` });
      } else if (kind === 'elb') {
        Object.assign(o, { managed: true, requester: 'amazon-elb', description: `ELB app/${groupsOf[0].GroupName}/${rng.hex(16)}`, publicIp: publicIp() });
      } else {
        Object.assign(o, { type: 'network_load_balancer', managed: true, requester: 'amazon-elb',
          description: `ELB net/nlb-${v}-${j}/${rng.hex(16)}`, groups: rng.chance(0.5) ? groupsOf : [], publicIp: publicIp() });
      }
      eni(sub, o);
    }

    buildRouteTables(ctx, inv, net, pls, { nats, natInstance, deadNat });

    // NACLs: the default one takes every subnet no custom NACL took; ~10% of custom NACLs are not associated.
    const defNacl = buildNacl(ctx, vpc, true);
    inv.NetworkAcls.push(defNacl);
    const free = rng.sample(subnets, subnets.length);
    const assoc = (acl, x) => acl.Associations.push({ NetworkAclAssociationId: id('aclassoc'), NetworkAclId: acl.NetworkAclId, SubnetId: x.s.SubnetId });
    const share = Math.floor(nCustomNacls / nVpc) + (v < nCustomNacls % nVpc ? 1 : 0);
    for (let k = 0; k < share; k++) {
      const acl = buildNacl(ctx, vpc, false);
      if (free.length && rng.chance(0.9)) assoc(acl, free.shift());
      inv.NetworkAcls.push(acl);
    }
    for (const x of free) assoc(defNacl, x);
  }
  return inv;
}

function parseArgs(argv) {
  const usage = 'usage: node bench/generate.mjs [--groups N] [--nacls N] [--seed N] [--out FILE] [--pretty]';
  const o = { groups: 1000, nacls: 100, seed: 42, out: null, pretty: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pretty') { o.pretty = true; continue; }
    const key = a.replace(/^--/, ''), val = argv[++i];
    if (!a.startsWith('--') || !(key in o) || key === 'pretty' || val === undefined) throw new Error(`${usage} (bad argument ${a})`);
    o[key] = key === 'out' ? val : Number(val);
    if (key !== 'out' && !(Number.isSafeInteger(o[key]) && o[key] >= 0)) throw new Error(`--${key} must be a non-negative integer`);
  }
  o.out ??= `bench/out/inventory-${o.groups % 1000 === 0 && o.groups ? `${o.groups / 1000}k` : o.groups}.json`;
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let opts;
  try { opts = parseArgs(process.argv.slice(2)); } catch (e) { console.error(e.message); process.exit(2); }
  const t0 = performance.now();
  const inv = generateInventory(opts);
  const json = JSON.stringify(inv, null, opts.pretty ? 2 : undefined) + '\n';
  mkdirSync(dirname(resolve(opts.out)), { recursive: true });
  writeFileSync(opts.out, json);
  const c = (k) => inv[k].length;
  console.error(`${opts.out} ${(Buffer.byteLength(json) / 1048576).toFixed(1)} MB: ${c('Vpcs')} VPCs, ${c('Subnets')} subnets, `
    + `${c('SecurityGroups')} security groups, ${c('SecurityGroupRules')} SG rules, ${c('NetworkAcls')} NACLs, `
    + `${c('NetworkInterfaces')} ENIs, ${c('RouteTables')} route tables, ${c('NatGateways')} NAT gateways `
    + `(seed ${opts.seed}, ${((performance.now() - t0) / 1000).toFixed(2)} s)`);
}
