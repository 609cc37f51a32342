import { describe, expect, it } from 'vitest';
import eniExposed from '../../../rules/catalog/interface/eni-no-internet-exposed-ports';
import { EvaluationContext } from '../../../rules/engine/context';
import { SnapshotModel } from '../../../rules/engine/model';
import { parseSnapshot } from '../../../rules/engine/parse-snapshot';
import { subnetsUsing, tableForSubnet } from '../../../rules/engine/routes';
import { SettingsSchema } from '../../../rules/engine/settings';
import { check, NOW } from '../../helpers';
import { network } from '../catalog/interface/network-fixture';

type Json = Record<string, unknown>;

/** A VPC whose main table routes to the internet and whose private table holds subnet-1 in `state`. */
function tables(state?: string): Json {
  const local = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' };
  const snapshot = network();
  snapshot.RouteTables = [
    {
      RouteTableId: 'rtb-main',
      VpcId: 'vpc-1',
      Associations: [{ Main: true, AssociationState: { State: 'associated' } }],
      Routes: [local, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }],
    },
    {
      RouteTableId: 'rtb-priv',
      VpcId: 'vpc-1',
      Associations: [{ SubnetId: 'subnet-1', ...(state ? { AssociationState: { State: state } } : {}) }],
      Routes: [local],
    },
  ];
  return snapshot;
}

const contextOf = (snapshot: Json) => new EvaluationContext(new SnapshotModel(parseSnapshot(snapshot)), SettingsSchema.parse({}), NOW);

describe("the subnet's route table (docs/semantics.md: an association counts only when associated or without state)", () => {
  it.each([undefined, 'associated'])('an explicit association in state %s is the table', (state) => {
    // Arrange
    const ctx = contextOf(tables(state));

    // Act
    const table = tableForSubnet('subnet-1', ctx);

    // Assert
    expect(table?.RouteTableId).toBe('rtb-priv');
    expect(subnetsUsing(table!, ctx)).toEqual(['subnet-1']);
  });

  it.each(['associating', 'disassociating', 'disassociated', 'failed'])('an explicit association in state %s leaves the subnet on the main table', (state) => {
    // Arrange
    const ctx = contextOf(tables(state));

    // Act
    const table = tableForSubnet('subnet-1', ctx);

    // Assert
    expect(table?.RouteTableId).toBe('rtb-main');
    expect(subnetsUsing(table!, ctx)).toEqual(['subnet-1']);
  });

  it("an instance behind a disassociated private table is reachable through the main table's internet route", () => {
    // Arrange: sg-1 opens ssh to the world; only the private table kept it off the internet.
    const associated = tables('associated');
    const disassociated = tables('disassociated');

    // Act
    const kept = check(eniExposed, associated, 'eni-1');
    const exposed = check(eniExposed, disassociated, 'eni-1');

    // Assert
    expect(kept.status).toBe('PASS');
    expect(exposed).toMatchObject({ status: 'FAIL', severity: 'CRITICAL' });
    expect(exposed.evidence.exposed).toContainEqual(expect.objectContaining({ path: expect.objectContaining({ routeTable: 'rtb-main' }) }));
  });

  it('the snapshot schema accepts AssociationState as EC2 prints it', () => {
    // Arrange
    const snapshot = tables('disassociated');
    ((snapshot.RouteTables as Json[])[1].Associations as Json[])[0].AssociationState = { State: 'failed', StatusMessage: 'subnet not found' };

    // Act / Assert
    expect(() => parseSnapshot(snapshot)).not.toThrow();
    expect(() => parseSnapshot({ RouteTables: [{ RouteTableId: 'rtb-1', Associations: [{ AssociationState: 'associated' }] }] })).toThrow(/AssociationState/);
  });
});
